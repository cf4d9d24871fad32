// An agency's year beside an earlier one: total, rating and indicator scores, with the differences.
// Indicators are matched through the current framework's crosswalk when it comes from the earlier year:
// the crosswalk pairs question and OIT item codes, and an indicator continues the earlier indicators whose
// questions or items moved into it. An indicator is compared only when that is one earlier indicator that
// moved nowhere else (a merge or a split has no score to compare). Without such a crosswalk (a gap of more
// than a year, or a structure-level earlier framework whose codes cannot be resolved) indicators with the
// same code are compared — codes 1–10 mean the same indicators in every bundled year (FY2563–FY2568), and
// `matchedBy` says which was used.
import type { Framework, Localized } from '../framework/schema.ts';
import { roundHalfUp } from '../scoring/round.ts';

export interface YearScores {
  framework: Framework;
  total: number;
  rating: { code: string; th: string };
  /** Indicator scores as reported (rounded); an unknown indicator is absent. */
  indicators: Record<string, number>;
}

export interface Difference {
  current: number | null;
  previous: number | null;
  /** current − previous at the current framework's decimals; null when either is missing. */
  difference: number | null;
}

export interface IndicatorComparison extends Difference {
  code: string;
  name: Localized;
  /** The earlier year's indicators this one continues (several: merged, not compared). */
  previousCodes: string[];
}

export interface YearComparison {
  currentYear: number;
  previousYear: number;
  matchedBy: 'crosswalk' | 'code';
  total: Difference;
  rating: { current: { code: string; th: string }; previous: { code: string; th: string } };
  indicators: IndicatorComparison[];
}

export function compareYears(current: YearScores, previous: YearScores): YearComparison {
  const decimals = current.framework.policy.decimals;
  const diff = (a: number | null | undefined, b: number | null | undefined): Difference => ({
    current: a ?? null,
    previous: b ?? null,
    difference: a == null || b == null ? null : roundHalfUp(a - b, decimals),
  });
  const links = indicatorLinks(current.framework, previous.framework);
  const intoCount = new Map<string, number>();
  for (const froms of links?.values() ?? [])
    for (const f of froms) intoCount.set(f, (intoCount.get(f) ?? 0) + 1);

  const indicators = current.framework.indicators.map((ind): IndicatorComparison => {
    const previousCodes = links
      ? [...(links.get(ind.code) ?? [])].sort((a, b) => Number(a) - Number(b))
      : previous.framework.indicators.some((p) => p.code === ind.code)
        ? [ind.code]
        : [];
    const single = previousCodes.length === 1 && (!links || intoCount.get(previousCodes[0] as string) === 1);
    return {
      code: ind.code,
      name: ind.name,
      previousCodes,
      ...diff(current.indicators[ind.code], single ? previous.indicators[previousCodes[0] as string] : null),
    };
  });
  return {
    currentYear: current.framework.year,
    previousYear: previous.framework.year,
    matchedBy: links ? 'crosswalk' : 'code',
    total: diff(current.total, previous.total),
    rating: { current: current.rating, previous: previous.rating },
    indicators,
  };
}

/** Current indicator → the earlier indicators it continues, or undefined when the crosswalk cannot say. */
function indicatorLinks(current: Framework, previous: Framework): Map<string, Set<string>> | undefined {
  const walk = current.crosswalk;
  if (!walk || walk.fromYear !== previous.year) return undefined;
  const indicatorIn = (f: Framework) =>
    new Map<string, string>([
      ...f.questions.map((q) => [q.code, q.indicator] as const),
      ...f.oitItems.map((o) => [o.code, o.indicator] as const),
    ]);
  const before = indicatorIn(previous);
  const after = indicatorIn(current);
  const links = new Map<string, Set<string>>();
  for (const { from, to } of walk.codes) {
    const a = before.get(from);
    const b = after.get(to);
    if (a === undefined || b === undefined) continue;
    links.set(b, (links.get(b) ?? new Set()).add(a));
  }
  return links.size > 0 ? links : undefined;
}
