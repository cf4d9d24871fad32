// The finished year's results, made as NACC makes them: a processing run of the results module (its own
// worker code, run to the end here), published now; and the agencies' FY2563–FY2566 results imported through
// the past-results module from a CSV file, as NACC would upload it. Outside the seed's transaction: the run
// and the import open their own. Idempotent: a year with a publication is left alone, and an import adds
// only the agency-years not stored yet.
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { AppDeps } from '../../app/context.ts';
import type { Actor } from '../../core/authz.ts';
import { citableQuestions } from '../../core/results/advice.ts';
import { rate } from '../../core/scoring/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import {
  agencies,
  assessorAdvice,
  assessorAssignments,
  participations,
  pastResults,
  processingRuns,
  publications,
} from '../../db/schema/index.ts';
import { putAdvice } from '../advice/index.ts';
import { frameworkForYear } from '../frameworks/index.ts';
import { importPastResults } from '../past-results/index.ts';
import { processYearNow, publish } from '../results/index.ts';
import { loadActor } from '../users/index.ts';
import { DEMO_DONE_YEAR, DEMO_PAST_TREND, DEMO_PAST_YEARS } from './demo.finished.data.ts';

type Deps = Pick<AppDeps, 'db' | 'now' | 'config'>;

export interface FinishedOutcome {
  /** The run published for the finished year (null when it could not be made: no admin account). */
  runId: string | null;
  /** Whether this start processed and published it (false: it was already published). */
  publishedNow: boolean;
  pastResultsImported: number;
}

/** The run in effect for the finished year's publication, or null when it is not published. */
export async function publishedDemoRun(db: DbOrTx): Promise<string | null> {
  const [published] = await db
    .select({ runId: publications.runId })
    .from(publications)
    .where(and(eq(publications.year, DEMO_DONE_YEAR), isNull(publications.cancelledAt)))
    .limit(1);
  return published?.runId ?? null;
}

export async function publishFinishedYear(
  deps: Deps,
  userIds: Map<string, string>,
): Promise<FinishedOutcome> {
  const adminId = userIds.get('admin');
  const actor = adminId ? await loadActor(deps.db, adminId) : null;
  if (actor?.role !== 'admin') return { runId: null, publishedNow: false, pastResultsImported: 0 };
  const pastResultsImported = await importPastYears(deps, actor);
  const publishedRun = await publishedDemoRun(deps.db);
  if (publishedRun) return { runId: publishedRun, publishedNow: false, pastResultsImported };
  // A run finished on an earlier start whose publication did not happen (the process stopped) is reused.
  const [done] = await deps.db
    .select({ id: processingRuns.id })
    .from(processingRuns)
    .where(
      and(
        eq(processingRuns.year, DEMO_DONE_YEAR),
        eq(processingRuns.kind, 'run'),
        eq(processingRuns.status, 'done'),
      ),
    )
    .orderBy(desc(processingRuns.finishedAt))
    .limit(1);
  // The assessors' advice is written before processing: the run keeps what stood when it was made.
  if (!done) await writeAdvice(deps, actor, userIds.get('assessor'));
  const runId = done?.id ?? (await processYearNow(deps, actor, DEMO_DONE_YEAR)).id;
  await publish(deps, actor, DEMO_DONE_YEAR, { runId });
  return { runId, publishedNow: true, pastResultsImported };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The demo's published results of FY2563–FY2566 as a CSV file (IIT, EIT, OIT; EIT covers both parts in FY2566). */
export async function pastResultsCsv(deps: Pick<AppDeps, 'db'>, codes: readonly string[]): Promise<string> {
  const lines = ['agency_code,fiscal_year,IIT,EIT,OIT,total,rating'];
  for (const [k, year] of DEMO_PAST_YEARS.entries()) {
    const { framework } = await frameworkForYear(deps.db, year);
    const weight = (code: string) => framework.instruments.find((i) => i.code === code)?.weight ?? 0;
    for (const code of codes) {
      const trend = DEMO_PAST_TREND[code];
      if (!trend) continue;
      // OIT moved most from year to year (agencies learn to publish); the surveys moved less.
      const [iit, eit, oit] = trend.start.map((s, i) =>
        round2(Math.min(99.4, Math.max(20, s + trend.step * k * (i === 2 ? 1.8 : 0.7)))),
      ) as [number, number, number];
      const scores: Record<string, number> = { IIT: iit, OIT: oit };
      if (weight('EIT') > 0) scores.EIT = eit;
      else Object.assign(scores, { EIT1: eit, EIT2: eit });
      const total = round2(Object.entries(scores).reduce((sum, [c, s]) => sum + (s * weight(c)) / 100, 0));
      lines.push(
        [code, year, iit, eit, oit, total.toFixed(2), rate(framework.rating, total, scores).code].join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Imports the agency-years not stored yet (a dry run first says which). */
async function importPastYears(deps: Deps, actor: Actor): Promise<number> {
  const rows = await deps.db
    .select({ id: agencies.id, code: agencies.code })
    .from(agencies)
    .where(inArray(agencies.code, Object.keys(DEMO_PAST_TREND)));
  // Every later start: all there already, so no file is read (the import's dry run would say "0 new").
  const known = await deps.db.$count(
    pastResults,
    and(
      inArray(
        pastResults.agencyId,
        rows.map((r) => r.id),
      ),
      inArray(pastResults.year, [...DEMO_PAST_YEARS]),
    ),
  );
  if (rows.length === 0 || known >= rows.length * DEMO_PAST_YEARS.length) return 0;
  const csv = await pastResultsCsv(
    deps,
    rows.map((r) => r.code),
  );
  const file = { name: 'demo-past-results.csv', kind: 'csv' as const, text: csv };
  const check = await importPastResults(deps, actor, file, { dryRun: true, replace: false });
  if (check.counts.new === 0) return 0;
  const newLines = new Set(check.rows.filter((r) => r.status === 'new').map((r) => r.line));
  const text = csv
    .trimEnd()
    .split('\n')
    .filter((_, i) => i === 0 || newLines.has(i + 1))
    .join('\n');
  const stored = await importPastResults(
    deps,
    actor,
    { ...file, text: `${text}\n` },
    { dryRun: false, replace: false },
  );
  return stored.counts.new;
}

/**
 * The assessors' advice on IIT and EIT for every registered agency without any (as seed 002 prints it: a
 * question, what was found, what to do) and an overall comment: by the demo assessor where assigned, else
 * by NACC. Through the advice module's own save (checked against the framework, audited).
 */
async function writeAdvice(deps: Deps, admin: Actor, assessorId: string | undefined): Promise<void> {
  const assessor = assessorId ? await loadActor(deps.db, assessorId) : null;
  const rows = await deps.db
    .select({ id: agencies.id, code: agencies.code, type: agencies.type, advice: assessorAdvice.agencyId })
    .from(participations)
    .innerJoin(agencies, eq(agencies.id, participations.agencyId))
    .leftJoin(
      assessorAdvice,
      and(eq(assessorAdvice.agencyId, agencies.id), eq(assessorAdvice.year, DEMO_DONE_YEAR)),
    )
    .where(and(eq(participations.year, DEMO_DONE_YEAR), eq(participations.registered, true)))
    .orderBy(agencies.code);
  const assigned = new Set(
    assessorId
      ? (
          await deps.db
            .select({ agencyId: assessorAssignments.agencyId })
            .from(assessorAssignments)
            .where(
              and(eq(assessorAssignments.userId, assessorId), eq(assessorAssignments.year, DEMO_DONE_YEAR)),
            )
        ).map((r) => r.agencyId)
      : [],
  );
  const { framework } = await frameworkForYear(deps.db, DEMO_DONE_YEAR);
  for (const [i, a] of rows.entries()) {
    if (a.advice || !DEMO_PAST_TREND[a.code]) continue;
    const citable = citableQuestions(framework, a.type);
    const pick = (list: typeof citable.IIT, k: number) => list[k % Math.max(1, list.length)];
    const cited = [
      { instrument: 'IIT' as const, q: pick(citable.IIT, 19 + i * 3) },
      { instrument: 'IIT' as const, q: pick(citable.IIT, 7 + i * 5) },
      { instrument: 'EIT' as const, q: pick(citable.EIT, 4 + i * 2) },
    ];
    const entries = cited.flatMap(({ instrument, q }) =>
      q
        ? [
            {
              instrument,
              questionCode: q.displayCode,
              issue: `ผู้ตอบส่วนหนึ่งให้คะแนนข้อ ${q.displayCode} ต่ำกว่าข้ออื่นของหน่วยงาน ("${q.text.th}")`,
              advice:
                instrument === 'IIT'
                  ? 'ควรกำหนดแนวปฏิบัติในเรื่องนี้เป็นลายลักษณ์อักษร สื่อสารให้บุคลากรทุกระดับทราบ และติดตามผลทุกไตรมาส'
                  : 'ควรเผยแพร่ขั้นตอนและระยะเวลาการให้บริการให้ผู้รับบริการทราบ และเปิดช่องทางรับฟังความคิดเห็นที่ตอบกลับได้',
            },
          ]
        : [],
    );
    const actor = assessor && assigned.has(a.id) ? assessor : admin;
    await putAdvice(deps, actor, a.id, DEMO_DONE_YEAR, {
      entries,
      overall:
        'หน่วยงานควรนำผลการประเมินไปจัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใส โดยเน้นประเด็นที่ได้คะแนนต่ำ และรายงานผลการดำเนินการต่อผู้บริหาร',
    });
  }
}
