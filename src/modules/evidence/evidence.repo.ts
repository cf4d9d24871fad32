// Drizzle queries of the evidence checker: the job queue (claim, retry, finish) and the snapshots read back.
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { type EvidencePurpose, evidenceBodies, evidenceSnapshots } from '../../db/schema/index.ts';
import type { FetchHop } from './evidence.fetcher.ts';

export type SnapshotRow = typeof evidenceSnapshots.$inferSelect;
export type ClaimedJob = Pick<SnapshotRow, 'id' | 'agencyId' | 'year' | 'itemCode' | 'url' | 'attempts'>;

const s = evidenceSnapshots;
/** Everything but the jsonb of hops is small; lists select these columns (the body lives apart). */
export const summaryColumns = {
  id: s.id,
  agencyId: s.agencyId,
  year: s.year,
  itemCode: s.itemCode,
  url: s.url,
  purpose: s.purpose,
  status: s.status,
  attempts: s.attempts,
  lastError: s.lastError,
  requestedAt: s.requestedAt,
  fetchedAt: s.fetchedAt,
  finalUrl: s.finalUrl,
  httpStatus: s.httpStatus,
  contentType: s.contentType,
  sizeBytes: s.sizeBytes,
  truncated: s.truncated,
  title: s.title,
  sha256: s.sha256,
  mentionsYear: s.mentionsYear,
  onMainDomain: s.onMainDomain,
  hasBody: sql<boolean>`exists (select 1 from ${evidenceBodies} b where b.snapshot_id = ${s.id})`,
};
export type SnapshotSummaryRow = Pick<SnapshotRow, Exclude<keyof typeof summaryColumns, 'hasBody'>> & {
  hasBody: boolean;
};

/**
 * Claims up to `limit` due jobs: pending ones whose time has come, and running ones whose lease ran out (the
 * worker that held them crashed or was stopped). SKIP LOCKED lets several workers claim side by side without
 * waiting on each other; the lease (next_attempt_at while running) is how long the claim holds.
 */
export async function claimJobs(
  db: DbOrTx,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<ClaimedJob[]> {
  const due = db
    .select({ id: s.id })
    .from(s)
    .where(and(inArray(s.status, ['pending', 'running']), lte(s.nextAttemptAt, now)))
    .orderBy(asc(s.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(s)
    .set({
      status: 'running',
      attempts: sql`${s.attempts} + 1`,
      nextAttemptAt: new Date(now.getTime() + leaseMs),
    })
    .where(inArray(s.id, due))
    .returning({
      id: s.id,
      agencyId: s.agencyId,
      year: s.year,
      itemCode: s.itemCode,
      url: s.url,
      attempts: s.attempts,
    });
}

/** Only the claim that is still current may write: a job re-claimed after its lease belongs to the new claim. */
const stillMine = (job: ClaimedJob) =>
  and(eq(s.id, job.id), eq(s.status, 'running'), eq(s.attempts, job.attempts));

/** Returns false when the claim was no longer current (nothing written). */
export async function scheduleRetry(
  db: DbOrTx,
  job: ClaimedJob,
  at: Date,
  error: string,
  hops: FetchHop[],
): Promise<boolean> {
  const rows = await db
    .update(s)
    .set({ status: 'pending', nextAttemptAt: at, lastError: error, redirects: hops })
    .where(stillMine(job))
    .returning({ id: s.id });
  return rows.length > 0;
}

/** Returns false when the claim was no longer current (nothing written). */
export async function markFailed(
  db: DbOrTx,
  job: ClaimedJob,
  now: Date,
  error: string,
  hops: FetchHop[],
): Promise<boolean> {
  const rows = await db
    .update(s)
    .set({ status: 'failed', nextAttemptAt: now, fetchedAt: now, lastError: error, redirects: hops })
    .where(stillMine(job))
    .returning({ id: s.id });
  return rows.length > 0;
}

export type SnapshotResult = Pick<
  SnapshotRow,
  | 'finalUrl'
  | 'redirects'
  | 'httpStatus'
  | 'contentType'
  | 'sizeBytes'
  | 'truncated'
  | 'title'
  | 'sha256'
  | 'mentionsYear'
  | 'onMainDomain'
>;

/**
 * Records the result and keeps the body (when there is one to keep) in one transaction; returns false, and
 * writes nothing, when the claim was no longer current.
 */
export async function markDone(
  db: DbOrTx,
  job: ClaimedJob,
  now: Date,
  result: SnapshotResult,
  gzipBody: Buffer | null,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(s)
      .set({ ...result, status: 'done', fetchedAt: now, nextAttemptAt: now, lastError: null })
      .where(stillMine(job))
      .returning({ id: s.id });
    if (rows.length === 0) return false;
    if (gzipBody)
      await tx
        .insert(evidenceBodies)
        .values({ snapshotId: job.id, encoding: 'gzip', body: gzipBody })
        .onConflictDoUpdate({ target: evidenceBodies.snapshotId, set: { body: gzipBody, encoding: 'gzip' } });
    return true;
  });
}

export async function selectSnapshot(db: DbOrTx, id: string): Promise<SnapshotRow | undefined> {
  const [row] = await db.select().from(s).where(eq(s.id, id));
  return row;
}

export async function selectBody(db: DbOrTx, snapshotId: string) {
  const [row] = await db
    .select({ encoding: evidenceBodies.encoding, body: evidenceBodies.body })
    .from(evidenceBodies)
    .where(eq(evidenceBodies.snapshotId, snapshotId));
  return row;
}

/** Every snapshot of an agency's year, newest first (optionally of one item). */
export function selectSnapshots(
  db: DbOrTx,
  q: { agencyId: string; year: number; itemCode?: string; purpose?: EvidencePurpose; limit?: number },
): Promise<SnapshotSummaryRow[]> {
  return db
    .select(summaryColumns)
    .from(s)
    .where(
      and(
        eq(s.agencyId, q.agencyId),
        eq(s.year, q.year),
        q.itemCode ? eq(s.itemCode, q.itemCode) : undefined,
        q.purpose ? eq(s.purpose, q.purpose) : undefined,
      ),
    )
    .orderBy(desc(s.requestedAt), desc(s.id))
    .limit(q.limit ?? 5000);
}

export function selectSummaries(db: DbOrTx, ids: string[]): Promise<SnapshotSummaryRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select(summaryColumns).from(s).where(inArray(s.id, ids)).orderBy(asc(s.url));
}

/** URLs of the item that already have a check waiting or running (a re-check of those would be a duplicate). */
export async function queuedUrls(db: DbOrTx, agencyId: string, year: number, itemCode: string) {
  const rows = await db
    .select({ url: s.url })
    .from(s)
    .where(
      and(
        eq(s.agencyId, agencyId),
        eq(s.year, year),
        eq(s.itemCode, itemCode),
        inArray(s.status, ['pending', 'running']),
      ),
    );
  return new Set(rows.map((r) => r.url));
}

/**
 * One snapshot per item and URL: the newest that has a result (done or failed), or — for a URL never checked
 * yet — the newest queued one. A re-check in progress thus leaves the last known result on show.
 */
export function selectLatestPerUrl(
  db: DbOrTx,
  q: { agencyId: string; year: number; purpose?: EvidencePurpose },
): Promise<SnapshotSummaryRow[]> {
  return db
    .selectDistinctOn([s.itemCode, s.url], summaryColumns)
    .from(s)
    .where(
      and(eq(s.agencyId, q.agencyId), eq(s.year, q.year), q.purpose ? eq(s.purpose, q.purpose) : undefined),
    )
    .orderBy(
      s.itemCode,
      s.url,
      desc(sql`${s.status} in ('done', 'failed')`),
      desc(s.requestedAt),
      desc(s.id),
    );
}
