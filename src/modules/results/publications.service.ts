// Publication of results (issue 10 §2). NACC publishes one finished run of a year, now or at a set time (an
// embargo); a corrected run supersedes it by a newer publication with a public reason (the earlier one is
// kept, never edited); a publication still under embargo may be cancelled. What anyone else sees of an
// agency's result is decided by one rule, `visibleRun` (src/core/results/visibility.ts).
import type { AppDeps } from '../../app/context.ts';
import { type Actor, type AgencyRef, authorize, inScope } from '../../core/authz.ts';
import { conflict, invalid, notFound } from '../../core/errors.ts';
import type { Framework } from '../../core/framework/schema.ts';
import {
  effectivePublication,
  latestPublication,
  type ResultsReader,
  type VisibleRun,
  visibleRun,
} from '../../core/results/visibility.ts';
import { type AgencyRow, allow, authorizedAgency } from '../agencies/index.ts';
import { appendAudit } from '../audit/index.ts';
import { frameworkForYear } from '../frameworks/index.ts';
import {
  agencyResultOf,
  factOf,
  insertPublication,
  latestDoneRunId,
  lockYear,
  markCancelled,
  type PublicationRow,
  publicationForUpdate,
  publicationsOfYear,
} from './publications.repo.ts';
import { type AgencyResultRow, runById } from './results.repo.ts';
import type { AgencyResult, Publication, PublishBody } from './results.schema.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

const publicationNotFound = () =>
  notFound('publication_not_found', 'ไม่พบการเผยแพร่ผลนี้', 'No such publication of this year');
export const resultsNotPublished = () =>
  notFound(
    'results_not_published',
    'ยังไม่มีผลการประเมินที่เผยแพร่สำหรับหน่วยงานนี้',
    'No published result of this agency for the year',
  );

function stateOf(p: PublicationRow, rows: readonly PublicationRow[], now: Date): Publication['state'] {
  if (p.cancelledAt) return 'cancelled';
  if (p.publishAt.getTime() > now.getTime()) return 'embargoed';
  return effectivePublication(rows.map(factOf), now)?.id === p.id ? 'in_effect' : 'superseded';
}

function present(p: PublicationRow, rows: readonly PublicationRow[], now: Date, admin: boolean): Publication {
  return {
    id: p.id,
    year: p.year,
    runId: p.runId,
    publishAt: p.publishAt.toISOString(),
    reason: p.reason,
    supersedes: p.supersedes,
    state: stateOf(p, rows, now),
    createdAt: p.createdAt.toISOString(),
    createdBy: admin ? p.createdBy : null,
    cancelledAt: admin ? (p.cancelledAt?.toISOString() ?? null) : null,
    notifiedAt: admin ? (p.notifiedAt?.toISOString() ?? null) : null,
  };
}

/** Publishes a finished run now or at `publishAt`; a publication in effect is superseded (reason required). */
export async function publish(
  deps: Deps,
  actor: Actor | null,
  year: number,
  body: PublishBody,
): Promise<{ publication: Publication; effectiveNow: boolean }> {
  authorize(actor, 'results.publish', null);
  const now = deps.now();
  const publishAt = body.publishAt ? new Date(body.publishAt) : now;
  if (publishAt.getTime() < now.getTime())
    throw invalid(
      'publish_at_past',
      'เวลาเผยแพร่ต้องไม่อยู่ในอดีต (เว้นว่างเพื่อเผยแพร่ทันที)',
      'The publication time cannot be in the past (leave it out to publish now)',
    );
  const run = await runById(deps.db, year, body.runId);
  if (!run) throw notFound('run_not_found', 'ไม่พบรอบการประมวลผลนี้', 'No such processing run of this year');
  if (run.kind !== 'run' || run.status !== 'done')
    throw conflict(
      'run_not_publishable',
      'เผยแพร่ได้เฉพาะรอบการประมวลผลจริงที่เสร็จสมบูรณ์แล้ว (ไม่ใช่การทดลองประมวลผล รอบที่ล้มเหลว หรือยังไม่เสร็จ)',
      'Only a finished processing run can be published (not a preview, a failed or an unfinished run)',
    );
  const row = await deps.db.transaction(async (tx) => {
    await lockYear(tx, year);
    const rows = await publicationsOfYear(tx, year);
    const facts = rows.map(factOf);
    const latest = latestPublication(facts);
    if (latest && latest.publishAt.getTime() > now.getTime())
      throw conflict(
        'publication_pending',
        'มีการเผยแพร่ที่รอถึงเวลาอยู่แล้ว ยกเลิกการเผยแพร่นั้นก่อนจึงจะเผยแพร่ใหม่ได้',
        'A publication of this year is waiting for its time: cancel it before publishing another',
      );
    const current = effectivePublication(facts, now);
    if (current?.runId === body.runId)
      throw conflict('already_published', 'รอบการประมวลผลนี้เผยแพร่อยู่แล้ว', 'This run is already published');
    if (current && !body.reason)
      throw invalid(
        'reason_required',
        'การเผยแพร่ผลที่แก้ไขแทนผลเดิมต้องระบุเหตุผล (แสดงต่อสาธารณะ)',
        'Superseding a published run needs a reason (shown publicly)',
      );
    const inserted = await insertPublication(tx, {
      year,
      runId: body.runId,
      publishAt,
      reason: body.reason ?? null,
      supersedes: current?.id ?? null,
      createdBy: actor.userId,
      createdAt: now,
    });
    await appendAudit(
      tx,
      {
        actor,
        agencyId: null,
        entityType: 'publication',
        entityId: inserted.id,
        action: current ? 'supersede' : 'publish',
        after: {
          year,
          runId: body.runId,
          inputsHash: run.inputsHash,
          publishAt: publishAt.toISOString(),
          reason: inserted.reason,
          supersedes: inserted.supersedes,
        },
      },
      now,
    );
    return { inserted, rows: [inserted, ...rows] };
  });
  return {
    publication: present(row.inserted, row.rows, now, true),
    effectiveNow: publishAt.getTime() <= now.getTime(),
  };
}

/** Cancels a publication whose time has not come (409 once it is in effect); audited. */
export async function cancelPublication(
  deps: Deps,
  actor: Actor | null,
  year: number,
  id: string,
): Promise<Publication> {
  authorize(actor, 'results.publish', null);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    await lockYear(tx, year);
    const p = await publicationForUpdate(tx, year, id);
    if (!p) throw publicationNotFound();
    if (p.cancelledAt)
      throw conflict(
        'publication_cancelled',
        'การเผยแพร่นี้ถูกยกเลิกแล้ว',
        'This publication is already cancelled',
      );
    if (p.publishAt.getTime() <= now.getTime())
      throw conflict(
        'publication_in_effect',
        'การเผยแพร่นี้มีผลแล้ว ยกเลิกไม่ได้ (เผยแพร่ผลที่แก้ไขแทนพร้อมเหตุผล)',
        'This publication is in effect and cannot be cancelled (publish a corrected run with a reason)',
      );
    const cancelled = await markCancelled(tx, p.id, actor.userId, now);
    await appendAudit(
      tx,
      {
        actor,
        agencyId: null,
        entityType: 'publication',
        entityId: p.id,
        action: 'cancel',
        before: { runId: p.runId, publishAt: p.publishAt.toISOString() },
        after: { cancelledAt: now.toISOString() },
      },
      now,
    );
    const rows = await publicationsOfYear(tx, year);
    return present(cancelled, rows, now, true);
  });
}

/** The year's publications, newest first: NACC sees all; others only those whose time has come. */
export async function listPublications(
  deps: Deps,
  actor: Actor | null,
  year: number,
): Promise<{ items: Publication[] }> {
  authorize(actor, 'results.publications', null);
  const now = deps.now();
  const rows = await publicationsOfYear(deps.db, year);
  const admin = actor.role === 'admin';
  const shown = admin
    ? rows
    : rows.filter((p) => p.cancelledAt === null && p.publishAt.getTime() <= now.getTime());
  return { items: shown.map((p) => present(p, rows, now, admin)) };
}

/** Who reads, for the visibility rule: the actor's role and whether the agency is theirs to see. */
const readerOf = (actor: Actor, agency: AgencyRef): ResultsReader => ({
  kind: 'staff',
  role: actor.role,
  reachesAgency: inScope(actor, agency),
});

/** What a reader may see of one agency's year: the agency, the run shown, its publication and the stored row. */
export interface VisibleResult {
  agency: AgencyRow;
  reader: Actor;
  visible: NonNullable<VisibleRun>;
  publication: PublicationRow | null;
  result: AgencyResultRow;
  /** The framework in force for the year (its newest version) and its version number. */
  framework: Framework;
  frameworkVersion: number;
  /** The framework version the shown run was computed under (null only for a run never started). */
  runFrameworkVersion: number | null;
}

/**
 * One agency's stored result from the run its reader may see — the one rule of every route that shows an
 * agency's scores (its result, its report, the report's XLSX): 401/404/403 for the agency as usual, then
 * 404 `results_not_published` while nothing is visible (before the publication's time nothing leaks).
 */
export async function visibleResult(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
): Promise<VisibleResult> {
  const {
    actor: reader,
    ref,
    agency,
  } = await authorizedAgency(deps.db, actor, agencyId, allow('results.agencyRead'));
  const now = deps.now();
  const [rows, { framework, version: frameworkVersion }] = await Promise.all([
    publicationsOfYear(deps.db, year),
    frameworkForYear(deps.db, year),
  ]);
  const flag = framework.policy.showScoresDuringCollection;
  const visible = visibleRun({
    reader: readerOf(reader, ref),
    showScoresDuringCollection: flag,
    publications: rows.map(factOf),
    latestDoneRunId: flag ? await latestDoneRunId(deps.db, year) : null,
    now,
  });
  if (!visible) throw resultsNotPublished();
  const found = await agencyResultOf(deps.db, visible.runId, agencyId);
  if (!found) throw resultsNotPublished();
  const { runFrameworkVersion, ...result } = found;
  const publication = rows.find((p) => p.id === visible.publicationId) ?? null;
  return { agency, reader, visible, publication, result, framework, frameworkVersion, runFrameworkVersion };
}

/** One agency's stored result from the run its reader may see (visibleResult). */
export async function agencyResult(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
): Promise<AgencyResult> {
  const { visible, publication: pub, result } = await visibleResult(deps, actor, agencyId, year);
  return {
    agencyId,
    year,
    runId: visible.runId,
    basis: visible.basis,
    publication: pub ? { id: pub.id, publishAt: pub.publishAt.toISOString(), reason: pub.reason } : null,
    total: Number(result.total),
    ratingCode: result.ratingCode,
    passes: result.passes,
    instruments: result.instruments,
    indicators: result.indicators,
    indicatorsByInstrument: result.indicatorsByInstrument,
    questions: result.questions,
    subIndicators: result.subIndicators,
  };
}
