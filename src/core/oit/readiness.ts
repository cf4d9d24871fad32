// How ready an agency's OIT is before the assessors look: items answered, approved by the executive, with
// evidence that could be reached, per sub-indicator — and the OIT score it would get if every "has" item
// whose evidence is reachable passed and every other item failed. The score comes from the scoring engine
// (item → sub-indicator → indicator → instrument), never from a second implementation of its rules.
// Pure: the caller passes the framework, the answers and the latest check of each URL.
import type { AgencyType } from '../../shared/agency-types.ts';
import type { Framework } from '../framework/schema.ts';
import { ScoringError, scoreFromAnswers } from '../scoring/index.ts';
import { isAnswered } from './answer-rules.ts';
import { applicableOitItems } from './score.ts';
import type { OitItemState } from './states.ts';

/** The latest check of one URL, as the evidence checker left it. */
export interface UrlCheck {
  status: 'pending' | 'running' | 'done' | 'failed';
  httpStatus: number | null;
}

export interface ReadinessAnswer {
  state: OitItemState;
  has: boolean | null;
  urls: readonly string[];
  explanation: string | null;
}

/**
 * An item's evidence: reachable (every URL's latest check answered 2xx/3xx, as the evidence checker's verdict
 * reads it), broken (some URL failed or answered an error), checking (some URL not checked yet), none (no URL).
 */
export type ItemEvidence = 'reachable' | 'broken' | 'checking' | 'none';

export interface ReadinessItem {
  code: string;
  indicator: string;
  subIndicator: string;
  answered: boolean;
  approved: boolean;
  has: boolean | null;
  evidence: ItemEvidence;
  /** Would the item score 100 under the readiness assumption ("has" and reachable evidence)? */
  wouldPass: boolean;
}

export interface ReadinessCounts {
  total: number;
  answered: number;
  approved: number;
  /** "Has" items whose evidence is reachable. */
  evidenceReachable: number;
}

export interface Readiness extends ReadinessCounts {
  subIndicators: (ReadinessCounts & { code: string; indicator: string; wouldBeScore: number | null })[];
  items: ReadinessItem[];
  /** The open-data instrument (OIT) and the score it would get; null when the engine cannot score it. */
  wouldBe: { instrument: string; score: number | null } | null;
}

/** States in which the executive's approval stands (the assessors' states come after it). */
const APPROVED_STATES: readonly OitItemState[] = ['approved', 'assessed', 'disputed', 'confirmed'];

export function isApprovedState(state: OitItemState): boolean {
  return APPROVED_STATES.includes(state);
}

export function urlReachable(check: UrlCheck | null | undefined): boolean | null {
  if (!check || check.status === 'pending' || check.status === 'running') return null;
  if (check.status === 'failed' || check.httpStatus === null) return false;
  return check.httpStatus >= 200 && check.httpStatus < 400;
}

export function itemEvidence(
  urls: readonly string[],
  checks: ReadonlyMap<string, UrlCheck | null> | Record<string, UrlCheck | null>,
): ItemEvidence {
  if (urls.length === 0) return 'none';
  const get = (url: string) =>
    checks instanceof Map ? checks.get(url) : (checks as Record<string, UrlCheck>)[url];
  const results = urls.map((url) => urlReachable(get(url)));
  if (results.some((r) => r === false)) return 'broken';
  if (results.some((r) => r === null)) return 'checking';
  return 'reachable';
}

export function oitReadiness(
  framework: Framework,
  agencyType: AgencyType,
  answers: ReadonlyMap<string, ReadinessAnswer>,
  checks: ReadonlyMap<string, ReadonlyMap<string, UrlCheck | null>>,
): Readiness {
  const items: ReadinessItem[] = applicableOitItems(framework, agencyType).map((item) => {
    const answer = answers.get(item.code);
    const urls = answer?.urls ?? [];
    const evidence = answer?.has === true ? itemEvidence(urls, checks.get(item.code) ?? new Map()) : 'none';
    return {
      code: item.code,
      indicator: item.indicator,
      subIndicator: item.subIndicator,
      answered: answer ? isAnswered(answer) : false,
      approved: answer ? isApprovedState(answer.state) : false,
      has: answer?.has ?? null,
      evidence,
      wouldPass: answer?.has === true && evidence === 'reachable',
    };
  });
  const score = wouldBeScore(framework, agencyType, items);
  const subIndicators = framework.indicators.flatMap((indicator) =>
    indicator.subIndicators.flatMap((sub) => {
      const own = items.filter((i) => i.subIndicator === sub.code);
      if (own.length === 0) return [];
      return [
        {
          code: sub.code,
          indicator: indicator.code,
          ...counts(own),
          wouldBeScore: score?.subIndicators[sub.code] ?? null,
        },
      ];
    }),
  );
  return {
    ...counts(items),
    subIndicators,
    items,
    wouldBe: score ? { instrument: score.instrument, score: score.score } : null,
  };
}

function counts(items: readonly ReadinessItem[]): ReadinessCounts {
  return {
    total: items.length,
    answered: items.filter((i) => i.answered).length,
    approved: items.filter((i) => i.approved).length,
    evidenceReachable: items.filter((i) => i.has === true && i.evidence === 'reachable').length,
  };
}

/**
 * The engine scores the open-data instrument alone (the surveys are not part of this question): each
 * applicable item 100 when it would pass, else 0. Registration and "answered" are assumed, since the
 * question is what the answers would earn.
 */
function wouldBeScore(framework: Framework, agencyType: AgencyType, items: readonly ReadinessItem[]) {
  const openData = framework.instruments.filter((i) => i.collection === 'open_data');
  const instrument = openData[0];
  if (!instrument) return null;
  const all = (value: boolean | number) => Object.fromEntries(openData.map((i) => [i.code, value]));
  try {
    const result = scoreFromAnswers(
      { ...framework, instruments: openData },
      {
        agencyType,
        responses: {},
        oit: Object.fromEntries(items.map((i) => [i.code, i.wouldPass ? 100 : 0])),
        processing: {
          registered: true,
          populationEntered: all(true) as Record<string, boolean>,
          minimumSample: all(0) as Record<string, number>,
          oitAnswered: true,
        },
      },
    );
    return {
      instrument: instrument.code,
      score: result.instruments[instrument.code] ?? null,
      subIndicators: result.subIndicators ?? {},
    };
  } catch (err) {
    // A framework without OIT items, or none applying to the agency type: there is nothing to score.
    if (err instanceof ScoringError) return { instrument: instrument.code, score: null, subIndicators: {} };
    throw err;
  }
}
