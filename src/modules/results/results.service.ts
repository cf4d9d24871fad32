// Processing runs (issue 10 §1), NACC admins only: queue a run or a preview (the worker processes it in the
// background), follow its progress, and see which agencies' totals changed against another run. Scores are
// not shown to anyone else until they are published (publications.service.ts).
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize } from '../../core/authz.ts';
import { conflict, invalid, notFound } from '../../core/errors.ts';
import { assertNever } from '../../core/exhaustive.ts';
import { agencyNamesByIds, processingSubjects } from '../agencies/index.ts';
import { frameworkForYear } from '../frameworks/index.ts';
import { userNamesByIds } from '../users/index.ts';
import {
  insertRun,
  pgErrorCode,
  type RunRow,
  resultPageOfRun,
  runById,
  runsOfYear,
  totalsOfRun,
} from './results.repo.ts';
import type { Run, RunBody, RunChanges, RunResults, RunResultsQuery } from './results.schema.ts';
import { audit, processNextRun, wakeProcessing } from './results.worker.ts';

const runInProgress = () =>
  conflict(
    'run_in_progress',
    'มีการประมวลผลของปีนี้อยู่ในคิวหรือกำลังทำงาน กรุณารอให้เสร็จก่อน',
    'A processing run of this year is queued or running: wait for it to finish',
  );
const runNotFound = () =>
  notFound('run_not_found', 'ไม่พบรอบการประมวลผลนี้', 'No such processing run of this year');

/** A run as the API shows it; `names` from users' userNamesByIds (who queued it). */
export function presentRun(r: RunRow, names: ReadonlyMap<string, { displayName: string }> = new Map()): Run {
  return {
    id: r.id,
    year: r.year,
    frameworkVersion: r.frameworkVersion,
    kind: r.kind,
    scope: r.scope,
    scopeValue: r.scopeValue,
    status: r.status,
    progress: { done: r.progressDone, total: r.progressTotal },
    inputsHash: r.inputsHash,
    createdBy: r.createdBy,
    createdByName: r.createdBy ? (names.get(r.createdBy)?.displayName ?? null) : null,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
    error: r.error,
  };
}

/** Queues a run (or preview) of the year; 409 while one is queued or running, on any instance. */
export async function createRun(
  deps: Pick<AppDeps, 'db' | 'now'>,
  actor: Actor | null,
  year: number,
  body: RunBody,
): Promise<Run> {
  authorize(actor, 'results.process', null);
  const scopeValue = scopeValueOf(body);
  await frameworkForYear(deps.db, year); // 404 without the year's framework
  const subjects = await processingSubjects(
    deps.db,
    year,
    body.scope === 'province'
      ? { provinceCode: scopeValue ?? '' }
      : body.scope === 'agency'
        ? { agencyId: scopeValue ?? '' }
        : {},
  );
  if (subjects.length === 0)
    throw notFound(
      'no_agencies_in_scope',
      'ไม่มีหน่วยงานที่เข้าร่วมการประเมินในขอบเขตนี้',
      'No agency takes part in the year within this scope',
    );
  try {
    const run = await deps.db.transaction(async (tx) => {
      const row = await insertRun(tx, {
        year,
        kind: body.kind,
        scope: body.scope,
        scopeValue,
        createdBy: actor.userId,
        createdAt: deps.now(),
      });
      await audit(tx, deps, row, 'create', { agencies: subjects.length }, actor);
      return row;
    });
    wakeProcessing();
    return presentRun(run, await userNamesByIds(deps.db, [run.createdBy]));
  } catch (e) {
    if (pgErrorCode(e) === '23505') throw runInProgress();
    throw e;
  }
}

/**
 * Creates a run of the whole year and processes it to the end before answering, with the worker's own code
 * (`processNextRun`): for demo data and tools that need a finished run at once. Another queued run of an
 * earlier year is processed first if there is one (the worker takes the oldest); a run another instance's
 * worker has claimed is waited for.
 */
export async function processYearNow(
  deps: Pick<AppDeps, 'db' | 'now' | 'config'>,
  actor: Actor | null,
  year: number,
): Promise<Run> {
  const run = await createRun(deps, actor, year, { kind: 'run', scope: 'all' });
  for (;;) {
    const row = await runById(deps.db, year, run.id);
    if (!row) throw runNotFound();
    if (row.status === 'done' || row.status === 'failed') return presentRun(row);
    if ((await processNextRun(deps)) === 'idle') await new Promise((r) => setTimeout(r, 200));
  }
}

function scopeValueOf(body: RunBody): string | null {
  const wrong = (th: string, en: string) => invalid('invalid_run_scope', th, en);
  if (body.kind === 'run' && body.scope !== 'all')
    throw wrong(
      'การประมวลผลจริงต้องครอบคลุมทุกหน่วยงาน (ใช้การทดลองประมวลผลสำหรับจังหวัดหรือหน่วยงานเดียว)',
      'A run covers every agency (use a preview for a province or one agency)',
    );
  switch (body.scope) {
    case 'all':
      if (body.provinceCode !== undefined || body.agencyId !== undefined)
        throw wrong('ขอบเขตทั้งหมดไม่ต้องระบุจังหวัดหรือหน่วยงาน', 'Scope `all` takes no province or agency');
      return null;
    case 'province':
      if (body.provinceCode === undefined || body.agencyId !== undefined)
        throw wrong('ขอบเขตจังหวัดต้องระบุ provinceCode เท่านั้น', 'Scope `province` needs provinceCode only');
      return body.provinceCode;
    case 'agency':
      if (body.agencyId === undefined || body.provinceCode !== undefined)
        throw wrong('ขอบเขตหน่วยงานต้องระบุ agencyId เท่านั้น', 'Scope `agency` needs agencyId only');
      return body.agencyId;
    default:
      return assertNever(body.scope);
  }
}

export async function listRuns(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor | null,
  year: number,
): Promise<{ items: Run[] }> {
  authorize(actor, 'results.read', null);
  const rows = await runsOfYear(deps.db, year);
  const names = await userNamesByIds(
    deps.db,
    rows.map((r) => r.createdBy),
  );
  return { items: rows.map((r) => presentRun(r, names)) };
}

export async function getRun(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor | null,
  year: number,
  id: string,
): Promise<Run> {
  authorize(actor, 'results.read', null);
  const run = await runById(deps.db, year, id);
  if (!run) throw runNotFound();
  return presentRun(run, await userNamesByIds(deps.db, [run.createdBy]));
}

/** The agencies whose total or rating differs between two finished runs of the year, and by how much. */
export async function runChanges(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor | null,
  year: number,
  id: string,
  against: string,
): Promise<RunChanges> {
  authorize(actor, 'results.read', null);
  const [run, other] = await Promise.all([runById(deps.db, year, id), runById(deps.db, year, against)]);
  if (!run || !other) throw runNotFound();
  if (run.status !== 'done' || other.status !== 'done')
    throw conflict(
      'run_not_done',
      'เปรียบเทียบได้เฉพาะรอบการประมวลผลที่เสร็จสมบูรณ์แล้ว',
      'Only finished (done) runs can be compared',
    );
  const [after, before] = await Promise.all([totalsOfRun(deps.db, id), totalsOfRun(deps.db, against)]);
  const beforeOf = new Map(before.map((r) => [r.agencyId, r]));
  const afterOf = new Map(after.map((r) => [r.agencyId, r]));
  const ids = [...new Set([...afterOf.keys(), ...beforeOf.keys()])];
  const changed = ids.filter((agencyId) => {
    const a = afterOf.get(agencyId);
    const b = beforeOf.get(agencyId);
    return !a || !b || a.total !== b.total || a.ratingCode !== b.ratingCode;
  });
  const names = await agencyNamesByIds(deps.db, changed);
  const pick = (r: { total: number; ratingCode: string } | undefined) =>
    r ? { total: r.total, ratingCode: r.ratingCode } : null;
  const items = changed.map((agencyId) => {
    const a = afterOf.get(agencyId);
    const b = beforeOf.get(agencyId);
    return {
      agencyId,
      code: names.get(agencyId)?.code ?? null,
      nameTh: names.get(agencyId)?.nameTh ?? null,
      before: pick(b),
      after: pick(a),
      difference: a && b ? Math.round((a.total - b.total) * 100) / 100 : null,
      ratingChanged: a?.ratingCode !== b?.ratingCode,
    };
  });
  // Largest changes first, then by code.
  items.sort(
    (x, y) =>
      Math.abs(y.difference ?? 101) - Math.abs(x.difference ?? 101) ||
      (x.code ?? '').localeCompare(y.code ?? ''),
  );
  return { run: id, against, items };
}

/**
 * What a run or a preview computed per agency, a page at a time (highest total first): the admin checks a
 * preview, or a run before publishing it. Only finished runs have complete results; a running one shows
 * what it has stored so far.
 */
export async function runResults(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor | null,
  year: number,
  id: string,
  query: RunResultsQuery,
): Promise<RunResults> {
  authorize(actor, 'results.read', null);
  const run = await runById(deps.db, year, id);
  if (!run) throw runNotFound();
  const { rows, total } = await resultPageOfRun(deps.db, id, query.page, query.pageSize);
  const names = await agencyNamesByIds(
    deps.db,
    rows.map((r) => r.agencyId),
  );
  return {
    run: id,
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((r) => {
      const name = names.get(r.agencyId);
      return {
        agencyId: r.agencyId,
        code: name?.code ?? null,
        nameTh: name?.nameTh ?? null,
        nameEn: name?.nameEn ?? null,
        total: r.total,
        ratingCode: r.ratingCode,
        passes: r.passes,
        instruments: r.instruments,
      };
    }),
  };
}
