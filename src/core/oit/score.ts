// The OIT score of one agency from its item scores, computed by the scoring engine (item → sub-indicator →
// indicator → instrument, exactly as the published score is): this file only feeds the engine the OIT part
// and reads the OIT part back, so the weights and means live in one place (src/core/scoring).
// Pure: no I/O.
import type { AgencyType } from '../../shared/agency-types.ts';
import type { Framework, OitItem } from '../framework/schema.ts';
import { appliesTo } from '../scoring/answers.ts';
import { scoreFromAnswers } from '../scoring/index.ts';

export interface OitScore {
  /** The open-data instrument's code in the framework (OIT). */
  instrument: string;
  /** The instrument score (rounded as the framework publishes it). */
  score: number;
  indicators: Record<string, number>;
  subIndicators: Record<string, number>;
  /** Items that apply to the agency's type, and how many of them have a score. */
  applicableItems: number;
  scoredItems: number;
  /** False while some applicable item has no score yet: those count as 0 until they are scored. */
  complete: boolean;
}

/**
 * The framework's OIT items that apply to an agency type (items of the open-data instrument's indicators),
 * in framework order: the items of an agency's checklist, assessment, readiness and score.
 */
export function applicableOitItems(framework: Framework, agencyType: AgencyType): OitItem[] {
  const openData = new Set(
    framework.instruments.filter((i) => i.collection === 'open_data').flatMap((i) => i.indicators),
  );
  return framework.oitItems.filter((o) => openData.has(o.indicator) && appliesTo(o, agencyType));
}

/**
 * The OIT score given the scores so far (0 or 100 per item code). An applicable item without a score counts
 * as 0 — the score the agency holds now, which only rises as items are scored 100. Scores of items that do
 * not apply to the agency's type are ignored. Null when the framework has no open-data instrument.
 */
export function oitScoreOf(
  framework: Framework,
  agencyType: AgencyType,
  itemScores: Readonly<Record<string, number>>,
): OitScore | null {
  const instrument = framework.instruments.find((i) => i.collection === 'open_data');
  if (!instrument || framework.oitItems.length === 0) return null;
  const applicable = applicableOitItems(framework, agencyType);
  const oit: Record<string, number> = {};
  let scored = 0;
  for (const item of applicable) {
    const score = itemScores[item.code];
    if (score !== undefined) scored++;
    oit[item.code] = score ?? 0;
  }
  const surveys = framework.instruments.filter((i) => i.collection !== 'open_data');
  // Only the OIT is wanted: every survey is made "not processed" (no population, no responses), so the
  // engine scores the open data alone.
  const result = scoreFromAnswers(framework, {
    agencyType,
    responses: {},
    oit,
    processing: {
      registered: true,
      populationEntered: Object.fromEntries(surveys.map((s) => [s.code, false])),
      minimumSample: Object.fromEntries(surveys.map((s) => [s.code, 0])),
      oitAnswered: true,
    },
  });
  const indicators = result.indicatorsByInstrument[instrument.code] ?? {};
  const own = new Set(instrument.indicators);
  const subIndicators = Object.fromEntries(
    Object.entries(result.subIndicators ?? {}).filter(([code]) =>
      applicable.some((item) => item.subIndicator === code && own.has(item.indicator)),
    ),
  );
  return {
    instrument: instrument.code,
    score: result.instruments[instrument.code] ?? 0,
    indicators,
    subIndicators,
    applicableItems: applicable.length,
    scoredItems: scored,
    complete: scored === applicable.length,
  };
}
