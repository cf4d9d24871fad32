// The ITA scoring engine: from raw answers (scoreFromAnswers) or from published/imported aggregates
// (scoreFromAggregates) to instrument scores, the weighted total and the rating. Pure: no I/O, no clock.
//
// Everything is computed at full precision and only the reported numbers are rounded (policy.decimals,
// half-up). The rating is applied to the rounded total and instrument scores, because ratings are defined
// on the published two-decimal numbers (bands "70.00 – 84.99") and must agree with what people see.
import type { z } from 'zod';
import type { AgencyType } from '../../shared/agency-types.ts';
import type { Framework, ZProcessingCondition } from '../framework/schema.ts';
import { validateAggregates } from './aggregates.ts';
import { scoreAnswers } from './answers.ts';
import { sumOf } from './arithmetic.ts';
import { rate } from './rating.ts';
import { roundHalfUp } from './round.ts';

/** Why an instrument was not processed: the processing condition that failed (seed 004). */
export type NotProcessedReason = z.infer<typeof ZProcessingCondition>;

/** One respondent's answers: an option value, or for a question with sub-items, one per sub-item. */
export type AnswerValue = string | Record<string, string>;
export interface SurveyResponse {
  answers: Record<string, AnswerValue>;
}

export interface ProcessingContext {
  registered: boolean;
  /** Per instrument whose framework rule needs it: was the stakeholder number/list entered? */
  populationEntered: Record<string, boolean>;
  /** Per instrument whose framework rule needs it: the minimum sample (see minimumSample). */
  minimumSample: Record<string, number>;
  oitAnswered: boolean;
}

export interface AnswersInput {
  /** Decides which questions and OIT items apply (appliesTo.onlyTypes / exceptTypes). */
  agencyType: AgencyType;
  /** Per survey instrument (not open data), every response; an absent instrument has none. */
  responses: Record<string, readonly SurveyResponse[]>;
  /** OIT item scores given by the assessor. */
  oit: Record<string, number>;
  processing: ProcessingContext;
}

export type AggregatesInput = (
  | { indicators: Record<string, number>; instruments?: never }
  | { instruments: Record<string, number>; indicators?: never }
) & {
  /** Instruments known not to have been processed (imported results); they need no score. */
  notProcessed?: Record<string, NotProcessedReason>;
};

export interface ScoreResult {
  year: number;
  /** Per instrument of the framework, in its order; null when not processed. */
  instruments: Record<string, number | null>;
  /**
   * Per indicator of a processed instrument. An indicator shared by several instruments (EIT parts 1
   * and 2 share 6–8) shows the weight-weighted mean of their scores; see indicatorsByInstrument.
   */
  indicators: Record<string, number>;
  indicatorsByInstrument: Record<string, Record<string, number>>;
  /** OIT sub-indicators (from answers only). */
  subIndicators?: Record<string, number>;
  /** Per processed instrument, each question's (or OIT item's) score (from answers only). */
  questions?: Record<string, Record<string, number>>;
  notProcessed: Record<string, NotProcessedReason>;
  total: number;
  rating: { code: string; th: string; en?: string; passes: boolean };
}

/** What a scoring path hands to `assemble`: full-precision scores of processed instruments. */
export interface UnroundedScores {
  instruments: Record<string, number>;
  indicatorsByInstrument: Record<string, Record<string, number>>;
  notProcessed: Record<string, NotProcessedReason>;
  subIndicators?: Record<string, number>;
  questions?: Record<string, Record<string, number>>;
}

export function scoreFromAnswers(framework: Framework, input: AnswersInput): ScoreResult {
  return assemble(framework, scoreAnswers(framework, input));
}

export function scoreFromAggregates(framework: Framework, input: AggregatesInput): ScoreResult {
  const { instruments, indicators, notProcessed } = validateAggregates(framework, input);
  const indicatorsByInstrument: Record<string, Record<string, number>> = {};
  const instrumentScores: Record<string, number> = { ...instruments };
  if (indicators) {
    for (const inst of framework.instruments) {
      if (notProcessed[inst.code]) continue;
      const own = Object.fromEntries(inst.indicators.map((code) => [code, indicators[code] as number]));
      indicatorsByInstrument[inst.code] = own;
      instrumentScores[inst.code] = sumOf(Object.values(own)) / inst.indicators.length;
    }
  }
  return assemble(framework, { instruments: instrumentScores, indicatorsByInstrument, notProcessed });
}

/** Weighted total, rating and rounding, shared by both paths so that they cannot disagree. */
export function assemble(framework: Framework, scores: UnroundedScores): ScoreResult {
  const { decimals } = framework.policy;
  const round = (x: number) => roundHalfUp(x, decimals);

  const contributed = (code: string): number => {
    const score = scores.instruments[code];
    if (scores.notProcessed[code] === undefined && score !== undefined) return score;
    switch (framework.policy.unprocessedInstrument) {
      case 'zero':
        return 0;
    }
  };
  const total = sumOf(framework.instruments.map((i) => i.weight * contributed(i.code))) / 100;

  const instruments: Record<string, number | null> = {};
  const ratedInstruments: Record<string, number> = {};
  for (const inst of framework.instruments) {
    const processed = scores.notProcessed[inst.code] === undefined;
    instruments[inst.code] = processed ? round(contributed(inst.code)) : null;
    ratedInstruments[inst.code] = round(contributed(inst.code));
  }

  const rating = rate(framework.rating, round(total), ratedInstruments);
  const result: ScoreResult = {
    year: framework.year,
    instruments,
    indicators: roundValues(sharedIndicatorScores(framework, scores.indicatorsByInstrument), round),
    indicatorsByInstrument: Object.fromEntries(
      Object.entries(scores.indicatorsByInstrument).map(([code, own]) => [code, roundValues(own, round)]),
    ),
    notProcessed: { ...scores.notProcessed },
    total: round(total),
    rating: {
      code: rating.code,
      th: rating.label.th,
      ...(rating.label.en === undefined ? {} : { en: rating.label.en }),
      passes: rating.passes,
    },
  };
  if (scores.subIndicators) result.subIndicators = roundValues(scores.subIndicators, round);
  if (scores.questions)
    result.questions = Object.fromEntries(
      Object.entries(scores.questions).map(([code, qs]) => [code, roundValues(qs, round)]),
    );
  return result;
}

// The framework's indicator order, each from the processed instruments that score it, weighted as the
// total weighs them (EIT parts 1 and 2 at 15 each count equally; a single-EIT framework is unaffected).
function sharedIndicatorScores(
  framework: Framework,
  byInstrument: Record<string, Record<string, number>>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { code } of framework.indicators) {
    const parts = framework.instruments.flatMap((inst) => {
      const score = byInstrument[inst.code]?.[code];
      return score === undefined ? [] : [{ weight: inst.weight, score }];
    });
    if (parts.length === 0) continue;
    out[code] = sumOf(parts.map((p) => p.weight * p.score)) / sumOf(parts.map((p) => p.weight));
  }
  return out;
}

function roundValues(values: Record<string, number>, round: (x: number) => number): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, round(v)]));
}
