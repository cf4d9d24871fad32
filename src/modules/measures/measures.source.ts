// What a measures document cites of the published result (issue 12 §1): the agency's report of year N as
// results presents it (report.present: never recomputed here), frozen into the document when it is made, the
// rating table of the framework version the run was scored under, and the weak points proposed from it by
// the one rule (src/core/measures/weak-points.ts).
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../app/context.ts';
import type { Actor } from '../../core/authz.ts';
import { conflict, DomainError } from '../../core/errors.ts';
import type { Framework } from '../../core/framework/schema.ts';
import type { MeasuresSource, WeakPoint } from '../../core/measures/content.ts';
import { proposeWeakPoints, type WpInstrument } from '../../core/measures/weak-points.ts';
import { frameworkForYear, frameworkVersionOf } from '../frameworks/index.ts';
import { type AgencyReport, agencyReport } from '../results/index.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

export const sourceNotPublished = (year: number) =>
  conflict(
    'measures_source_not_published',
    `ยังไม่มีผลการประเมินปีงบประมาณ พ.ศ. ${year} ที่เผยแพร่แล้ว จึงยังจัดทำมาตรการจากผลการประเมินไม่ได้`,
    `There is no published result for FY${year} yet, so the measures cannot be drawn up from it`,
  );

/**
 * The published report of the source year as the actor may see it (results' visibility rule): only a
 * publication in effect — an embargoed or provisional result is not a basis for the agency's measures.
 */
export async function publishedReport(
  deps: Deps,
  actor: Actor,
  agencyId: string,
  sourceYear: number,
): Promise<AgencyReport> {
  try {
    const report = await agencyReport(deps, actor, agencyId, sourceYear);
    if (report.basis !== 'published') throw sourceNotPublished(sourceYear);
    return report;
  } catch (e) {
    if (e instanceof DomainError && e.code === 'results_not_published') throw sourceNotPublished(sourceYear);
    throw e;
  }
}

/** The report, or null while the year has no published result (for the effect of last year's measures). */
export async function publishedReportOrNull(
  deps: Deps,
  actor: Actor,
  agencyId: string,
  year: number,
): Promise<AgencyReport | null> {
  try {
    return await publishedReport(deps, actor, agencyId, year);
  } catch (e) {
    if (e instanceof DomainError && (e.code === 'measures_source_not_published' || e.kind === 'not_found'))
      return null;
    throw e;
  }
}

const instrumentOf = (code: string): WpInstrument =>
  code === 'IIT' ? 'IIT' : code === 'OIT' ? 'OIT' : 'EIT';

export async function sourceOf(deps: Deps, report: AgencyReport): Promise<MeasuresSource> {
  const framework: Framework =
    report.framework.version !== null
      ? await frameworkVersionOf(deps.db, report.year, report.framework.version)
      : (await frameworkForYear(deps.db, report.year)).framework;
  const advice = [...report.advice.iit, ...report.advice.eit];
  return {
    runId: report.runId,
    year: report.year,
    framework: report.framework,
    total: report.total,
    rating: { code: report.rating.code, th: report.rating.th },
    passThreshold: report.passThreshold,
    previous: report.previous
      ? {
          year: report.previous.year,
          total: report.previous.total,
          rating: report.previous.rating?.th ?? null,
        }
      : null,
    instruments: report.instruments.map((i) => ({
      code: i.code,
      name: i.name,
      weight: i.weight,
      score: i.score,
    })),
    indicators: report.indicators.map((i) => ({
      order: i.order,
      instrument: i.instrument,
      code: i.code,
      name: i.name,
      score: i.score,
      passes: i.passes,
    })),
    questions: report.questions.map((q) => ({
      instrument: instrumentOf(q.instrument),
      displayCode: q.displayCode,
      indicator: q.indicator,
      text: q.text,
      score: q.score,
    })),
    oitItems: report.oitItems.map((o) => ({
      displayCode: o.displayCode,
      indicator: o.indicator,
      title: o.title,
      score: o.score,
    })),
    advice: advice.map((a) => ({
      instrument: a.instrument,
      questionCode: a.questionCode,
      issue: a.issue,
      advice: a.advice,
    })),
    adviceOverall: report.advice.overall,
    ratings: framework.rating.rules.map((r) => ({
      code: r.code,
      th: r.label.th,
      totalAtLeast: r.totalAtLeast ?? null,
      condition: ratingCondition(r),
    })),
  };
}

function ratingCondition(r: Framework['rating']['rules'][number]): string | null {
  if (r.everyInstrumentAtLeast !== undefined) return `ทุกเครื่องมือได้ ${r.everyInstrumentAtLeast} คะแนนขึ้นไป`;
  if (r.someInstrumentBelow !== undefined) return `มีเครื่องมือใดได้ต่ำกว่า ${r.someInstrumentBelow} คะแนน`;
  return null;
}

/** The proposed weak points of a source, in the agency's words to start from (editable). */
export function proposedWeakPoints(source: MeasuresSource): WeakPoint[] {
  const indicators = source.indicators.map((i) => ({
    code: i.code,
    instrument: instrumentOf(i.instrument),
    score: i.score,
  }));
  const questions = [
    ...source.questions.map((q) => ({
      instrument: instrumentOf(q.instrument),
      indicator: q.indicator,
      code: q.displayCode,
      score: q.score,
    })),
    ...source.oitItems
      .filter((o) => o.score !== null)
      .map((o) => ({
        instrument: 'OIT' as const,
        indicator: o.indicator,
        code: o.displayCode,
        score: o.score ?? 0,
      })),
  ];
  const points = proposeWeakPoints(indicators, questions, { threshold: source.passThreshold });
  return points.map((p) => ({
    id: randomUUID(),
    ...p,
    text: pointText(source, p.instrument, p.indicator, p.questionCodes[0] ?? null, p.class),
  }));
}

function pointText(
  source: MeasuresSource,
  instrument: WpInstrument,
  indicator: string,
  code: string | null,
  cls: WeakPoint['class'],
): string {
  const ind = source.indicators.find((i) => i.code === indicator);
  if (code === null) return `ตัวชี้วัด${ind ? ` ${ind.name.th}` : ''} มีคะแนนสูง ควรรักษามาตรฐานไว้และพัฒนาอย่างต่อเนื่อง`;
  const what =
    instrument === 'OIT'
      ? source.oitItems.find((o) => o.displayCode === code)?.title.th
      : source.questions.find((q) => q.displayCode === code && q.instrument === instrument)?.text.th;
  const advice = source.advice.find((a) => a.instrument === instrument && a.questionCode === code);
  const lead = cls === 'urgent' ? 'ต้องแก้ไขโดยเร่งด่วน' : 'ควรพัฒนาให้ดีขึ้น';
  const tail = advice ? ` ข้อเสนอแนะของผู้ประเมิน: ${advice.advice}` : '';
  return `ข้อ ${code} ${what ?? ''} (${lead})${tail}`.replace(/\s+/g, ' ').trim();
}
