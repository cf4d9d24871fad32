// Use cases of the evidence checker: a snapshot and its kept body, an agency-year's snapshots, a re-check of
// an item's URLs; and, for the OIT modules (which authorize their own readers), the latest and the original
// evidence of every item.
import type { AppDeps } from '../../app/context.ts';
import type { Actor } from '../../core/authz.ts';
import { unauthenticated } from '../../core/errors.ts';
import type { DbOrTx } from '../../db/client.ts';
import { allow, authorizedAgency } from '../agencies/index.ts';
import { bodyNotKept, noUrlsToCheck, snapshotNotFound } from './evidence.errors.ts';
import {
  type EvidenceByItem,
  groupByItemAndUrl,
  presentSnapshot,
  presentSnapshotDetail,
} from './evidence.present.ts';
import {
  queuedUrls,
  selectBody,
  selectLatestPerUrl,
  selectSnapshot,
  selectSnapshots,
  selectSummaries,
} from './evidence.repo.ts';
import { type EvidencePurpose, requestEvidence } from './evidence.requests.ts';
import type { RefetchResult, SnapshotDetail, SnapshotSummary } from './evidence.schema.ts';
import { wakeEvidenceWorker } from './evidence.worker.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

async function loadSnapshotFor(deps: Deps, actor: Actor | null, snapshotId: string) {
  if (!actor) throw unauthenticated();
  const row = await selectSnapshot(deps.db, snapshotId);
  if (!row) throw snapshotNotFound();
  await authorizedAgency(deps.db, actor, row.agencyId, allow('evidence.read'));
  return row;
}

export async function getSnapshot(
  deps: Deps,
  actor: Actor | null,
  snapshotId: string,
): Promise<SnapshotDetail> {
  const row = await loadSnapshotFor(deps, actor, snapshotId);
  const body = await selectBody(deps.db, snapshotId);
  return presentSnapshotDetail(row, body !== undefined);
}

export interface KeptBody {
  contentType: string;
  /** The body as stored: gzip. */
  gzip: Buffer;
}

export async function snapshotBody(deps: Deps, actor: Actor | null, snapshotId: string): Promise<KeptBody> {
  const row = await loadSnapshotFor(deps, actor, snapshotId);
  const body = await selectBody(deps.db, snapshotId);
  if (!body) throw bodyNotKept();
  return { contentType: row.contentType ?? 'application/octet-stream', gzip: body.body };
}

export async function listEvidence(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
  q: { itemCode?: string; purpose?: EvidencePurpose },
): Promise<{ items: SnapshotSummary[] }> {
  await authorizedAgency(deps.db, actor, agencyId, allow('evidence.read'));
  const rows = await selectSnapshots(deps.db, { agencyId, year, ...q });
  return { items: rows.map(presentSnapshot) };
}

/**
 * Queues a fresh check ('saved') of the item's URLs; a URL with a check already waiting is not queued twice.
 * The item's URLs are the OIT answer's, read by `answerUrls` (given by the OIT module, which owns the answers;
 * null or empty: nothing to check).
 */
export async function refetchItem(
  deps: Deps,
  actor: Actor | null,
  item: { agencyId: string; year: number; itemCode: string },
  answerUrls: (db: DbOrTx) => Promise<readonly string[] | null>,
): Promise<RefetchResult> {
  const { agencyId, year, itemCode } = item;
  const { actor: requester } = await authorizedAgency(deps.db, actor, agencyId, allow('evidence.refetch'));
  const result = await deps.db.transaction(async (tx) => {
    const urls = await answerUrls(tx);
    if (!urls || urls.length === 0) throw noUrlsToCheck(itemCode);
    const waiting = await queuedUrls(tx, agencyId, year, itemCode);
    const fresh = urls.filter((u) => !waiting.has(u));
    const ids = await requestEvidence(
      tx,
      { agencyId, year, itemCode, urls: fresh, purpose: 'saved', requestedBy: requester.userId },
      deps.now(),
    );
    const rows = await selectSummaries(tx, ids);
    return { queued: rows.map(presentSnapshot), alreadyQueued: urls.length - fresh.length };
  });
  wakeEvidenceWorker();
  return result;
}

/**
 * The evidence on show for each item and URL of an agency's year: the newest result, or the queued check of a
 * URL never checked yet. For the OIT modules; the caller has authorized the reader ('oit.read').
 */
export async function latestEvidence(
  db: DbOrTx,
  q: { agencyId: string; year: number },
): Promise<EvidenceByItem> {
  return groupByItemAndUrl(await selectLatestPerUrl(db, q));
}

/** The original evidence: the snapshot taken at the executive's approval, per item and URL. */
export async function originalEvidence(
  db: DbOrTx,
  q: { agencyId: string; year: number },
): Promise<EvidenceByItem> {
  return groupByItemAndUrl(await selectLatestPerUrl(db, { ...q, purpose: 'approval' }));
}
