// The agency's results report, assembled from the stored result row (never recomputed), the framework's
// texts and the previous years. Decides what is shown: questions and OIT items in framework order with the
// codes ITAS shows, the weakest questions marked (core/results/report-rules.ts), reasons in words, the
// advice as the run snapshotted it.
import type { Framework, Localized } from '../../core/framework/schema.ts';
import { displayCodeOf } from '../../core/results/display.ts';
import {
  indicatorThreshold,
  instrumentLabel,
  NOT_PROCESSED_TEXT,
  round2,
  weakestQuestions,
} from '../../core/results/report-rules.ts';
import type { NotProcessedReason } from '../../core/scoring/index.ts';
import type { AgencyRow } from '../agencies/index.ts';
import type {
  AgencyReport,
  PreviousYear,
  ReportAdviceEntry,
  ReportIndicator,
  ReportInstrument,
  ReportOitItem,
  ReportQuestion,
} from './report.schema.ts';
import type { AgencyResultRow } from './results.repo.ts';

const text = (l: Localized) => ({ th: l.th, en: l.en ?? null });

export interface ReportInput {
  agency: Pick<AgencyRow, 'id' | 'code' | 'nameTh' | 'nameEn' | 'provinceCode' | 'type'>;
  year: number;
  framework: Framework;
  frameworkVersion: number | null;
  result: AgencyResultRow;
  basis: AgencyReport['basis'];
  publication: AgencyReport['publication'];
  /** Earlier years, oldest first: published runs over imported results (one per year). */
  history: PreviousYear[];
}

export function ratingOf(framework: Framework, code: string): AgencyReport['rating'] {
  const rule = framework.rating.rules.find((r) => r.code === code);
  return rule ? { code, th: rule.label.th, en: rule.label.en ?? null } : { code, th: code, en: null };
}

export function presentReport(input: ReportInput): AgencyReport {
  const { agency, framework, result } = input;
  const total = Number(result.total);
  const previous = input.history.at(-1) ?? null;
  const rating = ratingOf(framework, result.ratingCode);
  return {
    agency: {
      id: agency.id,
      code: agency.code,
      nameTh: agency.nameTh,
      nameEn: agency.nameEn,
      provinceCode: agency.provinceCode,
      type: agency.type,
    },
    year: input.year,
    runId: result.runId,
    basis: input.basis,
    publication: input.publication,
    framework: { year: framework.year, version: input.frameworkVersion },
    total,
    rating,
    passes: result.passes,
    passThreshold: framework.rating.passThreshold,
    previous,
    difference: previous ? round2(total - previous.total) : null,
    history: [...input.history, { year: input.year, total, rating, source: 'run' }],
    instruments: instrumentsOf(framework, result),
    indicators: indicatorsOf(framework, result),
    subIndicators: framework.indicators.flatMap((ind) =>
      ind.subIndicators.flatMap((sub) => {
        const score = result.subIndicators[sub.code];
        return score === undefined
          ? []
          : [{ code: sub.code, indicator: ind.code, name: text(sub.name), score }];
      }),
    ),
    questions: questionsOf(framework, result),
    oitItems: oitItemsOf(framework, result),
    advice: adviceOf(framework, result),
    detailsAvailable: result.details !== null,
  };
}

function instrumentsOf(framework: Framework, result: AgencyResultRow): ReportInstrument[] {
  return framework.instruments.map((inst) => {
    const stored = result.instruments[inst.code];
    const reason = stored?.notProcessed as NotProcessedReason | null | undefined;
    return {
      code: inst.code,
      name: text(inst.name),
      weight: inst.weight,
      score: stored?.score ?? null,
      n: stored?.n ?? null,
      minimum: stored?.minimum ?? null,
      population: stored?.population ?? null,
      marginOfError: stored?.marginOfError ?? null,
      notProcessed: reason
        ? { code: reason, ...(NOT_PROCESSED_TEXT[reason] ?? { th: reason, en: reason }) }
        : null,
    };
  });
}

function indicatorsOf(framework: Framework, result: AgencyResultRow): ReportIndicator[] {
  return framework.indicators.map((ind, i) => {
    const codes = framework.instruments.filter((x) => x.indicators.includes(ind.code)).map((x) => x.code);
    const score = result.indicators[ind.code] ?? null;
    const threshold = indicatorThreshold(framework, ind.code);
    return {
      order: i + 1,
      instrument: instrumentLabel(codes),
      instruments: codes,
      code: ind.code,
      name: text(ind.name),
      score,
      threshold,
      passes: score === null ? null : score >= threshold,
      byInstrument: Object.fromEntries(
        codes.flatMap((c) => {
          const own = result.indicatorsByInstrument[c]?.[ind.code];
          return own === undefined ? [] : [[c, own]];
        }),
      ),
    };
  });
}

function questionsOf(framework: Framework, result: AgencyResultRow): ReportQuestion[] {
  const out: ReportQuestion[] = [];
  for (const inst of framework.instruments) {
    if (inst.collection === 'open_data') continue;
    const scores = result.questions[inst.code] ?? {};
    const weakest = weakestQuestions(scores, framework.rating.passThreshold);
    for (const q of framework.questions) {
      const score = scores[q.code];
      const displayCode = displayCodeOf(framework, inst.code, q.code);
      if (score === undefined || displayCode === undefined) continue;
      out.push({
        instrument: inst.code,
        displayCode,
        code: q.code,
        text: text(q.text),
        indicator: q.indicator,
        score,
        weakest: weakest.has(q.code),
      });
    }
  }
  return out;
}

function oitItemsOf(framework: Framework, result: AgencyResultRow): ReportOitItem[] {
  const open = framework.instruments.find((i) => i.collection === 'open_data');
  if (!open) return [];
  const scores = result.questions[open.code] ?? {};
  const details = result.details?.oit ?? {};
  return framework.oitItems
    .filter((item) => scores[item.code] !== undefined || details[item.code] !== undefined)
    .map((item) => {
      const d = details[item.code];
      return {
        code: item.code,
        displayCode: displayCodeOf(framework, open.code, item.code) ?? item.code,
        title: text(item.title),
        indicator: item.indicator,
        subIndicator: item.subIndicator,
        score: scores[item.code] ?? null,
        components: item.components.map((c, index) => ({
          index,
          text: text(c),
          found: d ? d.componentsFound.includes(index) : null,
        })),
        comment: d?.comment ?? null,
        advice: d?.advice ?? null,
      };
    });
}

function adviceOf(framework: Framework, result: AgencyResultRow): AgencyReport['advice'] {
  const snapshot = result.details?.advice ?? null;
  const entries = (snapshot?.entries ?? []).map((e): ReportAdviceEntry => {
    const q =
      e.questionCode === null
        ? undefined
        : framework.questions.find((x) =>
            framework.instruments.some((i) => displayCodeOf(framework, i.code, x.code) === e.questionCode),
          );
    return {
      instrument: e.instrument,
      questionCode: e.questionCode,
      questionText: q ? text(q.text) : null,
      issue: e.issue,
      advice: e.advice,
    };
  });
  return {
    iit: entries.filter((e) => e.instrument === 'IIT'),
    eit: entries.filter((e) => e.instrument === 'EIT'),
    overall: snapshot?.overall ?? null,
  };
}
