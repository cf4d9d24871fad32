// Carrying the measures out (issue 12 §2): progress entries per measure (the agency admin), the executive's
// signature on the progress report, whether each measure's targets improved in the next published result
// (src/core/measures/effect.ts), and "measures done vs score change" over a supervisor's scope.
// Due-date reminders belong to the notices module (issue 12 leaves mail to it): it reads `measuresDue`
// (measures.due.ts) — each measure in force, its end month and latest status — and reminds the agency admins.

import type { z } from 'zod';
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize } from '../../core/authz.ts';
import { DomainError } from '../../core/errors.ts';
import { agencyBriefsByIds, agencyIdsInScope } from '../agencies/index.ts';
import { appendAudit } from '../audit/index.ts';
import { publishedRunOf, publishedTotals } from '../results/index.ts';
import { measuresAgency, measuresEntityId } from './measures.context.ts';
import { measuresInvalid, measuresNotApproved, measuresNotFound } from './measures.errors.ts';
import { auditedFile, checkEvidence, type EvidenceUpload } from './measures.evidence.ts';
import {
  insertProgress,
  insertProgressFile,
  type MeasureDocumentRow,
  type ProgressRow,
  selectProgress,
  selectVersions,
  updateDocument,
  versionsOfAgencies,
} from './measures.repo.ts';
import type { ZOverview, ZProgressBody } from './measures.schema.ts';
import { getMeasures } from './measures.service.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

async function inForce(deps: Deps, agencyId: string, year: number): Promise<MeasureDocumentRow> {
  const versions = await selectVersions(deps.db, agencyId, year);
  if (versions.length === 0) throw measuresNotFound(year);
  const approved = versions.find((v) => v.status === 'approved');
  if (!approved) throw measuresNotApproved();
  return approved;
}

export async function addProgress(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
  body: z.infer<typeof ZProgressBody>,
  uploads: EvidenceUpload[] = [],
) {
  const target = await measuresAgency(deps, actor, agencyId, 'measures.write');
  const doc = await inForce(deps, agencyId, year);
  if (!doc.content.measures.some((m) => m.id === body.measureId))
    throw measuresInvalid([
      { path: 'measureId', th: 'ไม่มีมาตรการนี้ในฉบับที่อนุมัติ', en: 'not a measure of the approved version' },
    ]);
  // Every file checked before anything is written: a refused one leaves no entry and no file behind.
  const files = await checkEvidence(uploads);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const row = await insertProgress(tx, {
      documentId: doc.id,
      ...body,
      by: target.actor.userId,
      at: now,
    });
    for (const f of files)
      await insertProgressFile(
        tx,
        {
          progressId: row.id,
          name: f.name,
          mediaType: f.mediaType,
          size: f.size,
          sha256: f.sha256,
          createdBy: target.actor.userId,
          createdAt: now,
        },
        f.data,
      );
    await appendAudit(
      tx,
      {
        actor: target.actor,
        agencyId,
        entityType: 'measure_progress',
        entityId: `${measuresEntityId(agencyId, year)}:${row.id}`,
        action: 'create',
        after: {
          measureId: body.measureId,
          day: body.day,
          status: body.status,
          note: body.note,
          evidenceUrl: body.evidenceUrl,
          ...(files.length ? { files: files.map(auditedFile) } : {}),
        },
      },
      now,
    );
  });
  return getMeasures(deps, actor, agencyId, year);
}

/** The executive signs the progress report (again after new entries: the newest signature counts). */
export async function signProgress(deps: Deps, actor: Actor | null, agencyId: string, year: number) {
  const target = await measuresAgency(deps, actor, agencyId, 'measures.approve');
  const doc = await inForce(deps, agencyId, year);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await updateDocument(tx, doc.id, { progressSignedBy: target.actor.userId, progressSignedAt: now });
    await appendAudit(
      tx,
      {
        actor: target.actor,
        agencyId,
        entityType: 'measure_document',
        entityId: measuresEntityId(agencyId, year),
        action: 'sign_progress',
        before: doc.progressSignedAt ? { signedAt: doc.progressSignedAt.toISOString() } : undefined,
        after: { version: doc.version, signedAt: now.toISOString() },
      },
      now,
    );
  });
  return getMeasures(deps, actor, agencyId, year);
}

/** The latest status of each measure (its newest entry). */
export function latestStatus(progress: ProgressRow[]): Map<string, ProgressRow> {
  const latest = new Map<string, ProgressRow>();
  for (const p of progress) latest.set(`${p.documentId}:${p.measureId}`, p); // rows come oldest first
  return latest;
}

/** Supervisors and NACC: per agency in scope with measures for the year, measures done vs score change. */
export async function measuresOverview(
  deps: Deps,
  actor: Actor | null,
  year: number,
): Promise<z.infer<typeof ZOverview>> {
  authorize(actor, 'measures.overview', null);
  const versions = await versionsOfAgencies(deps.db, agencyIdsInScope(actor), year);
  // Per agency: the newest version (its status) and the approved one in force (whose measures are carried out).
  const newest = new Map<string, MeasureDocumentRow>();
  const inForceOf = new Map<string, MeasureDocumentRow>();
  for (const v of versions) {
    if (!newest.has(v.agencyId)) newest.set(v.agencyId, v);
    if (v.status === 'approved' && !inForceOf.has(v.agencyId)) inForceOf.set(v.agencyId, v);
  }
  const docs = [...newest.values()];
  const [briefs, progress, totals] = await Promise.all([
    agencyBriefsByIds(
      deps.db,
      docs.map((d) => d.agencyId),
    ),
    selectProgress(
      deps.db,
      [...inForceOf.values()].map((d) => d.id),
    ),
    publishedRunOf(deps, year)
      .then((r) => publishedTotals(deps, r.publication.runId))
      // No publication of the measures year yet: no score change to show.
      .catch((e) => {
        if (e instanceof DomainError && e.kind === 'not_found') return [];
        throw e;
      }),
  ]);
  const latest = latestStatus(progress);
  const totalOf = new Map(totals.map((t) => [t.agencyId, t.total]));
  const rows = docs.map((d) => {
    const brief = briefs.get(d.agencyId);
    const total = totalOf.get(d.agencyId) ?? null;
    const carried = inForceOf.get(d.agencyId);
    const done = carried
      ? carried.content.measures.filter((m) => latest.get(`${carried.id}:${m.id}`)?.status === 'done').length
      : 0;
    return {
      agency: { id: d.agencyId, code: brief?.code ?? '', nameTh: brief?.nameTh ?? '' },
      status: d.status,
      version: d.version,
      measures: (carried ?? d).content.measures.length,
      done,
      sourceTotal: d.source.total,
      total,
      change: total === null ? null : Math.round((total - d.source.total) * 100) / 100,
    };
  });
  rows.sort((a, b) => a.agency.nameTh.localeCompare(b.agency.nameTh, 'th'));
  return { year, rows };
}
