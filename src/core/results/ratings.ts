// Which ratings a published total can carry when some instrument scores are not known (past years imported
// with a total and a rating only, or with some instruments). Rating rules that look at instruments ("every
// instrument ≥ 95") are then undecided, so several ratings may fit; a rating outside that set contradicts
// the year's bands.
import type { Framework } from '../framework/schema.ts';

type Truth = true | false | undefined; // undefined: depends on instrument scores we do not know

/**
 * The codes of the rules that may give `total` its rating, in the framework's order: every rule that holds
 * or may hold, up to the first that certainly holds. With every instrument known this is exactly the one
 * rating `rate` gives. Scores are the published (rounded) numbers, as ratings are defined on them.
 */
export function possibleRatings(
  framework: Framework,
  total: number,
  known: Record<string, number>,
): string[] {
  const scores = framework.instruments.map((i) => known[i.code]);
  const given = scores.filter((s): s is number => s !== undefined);
  const allKnown = given.length === scores.length;
  const lowest = given.length > 0 ? Math.min(...given) : Number.POSITIVE_INFINITY;
  const out: string[] = [];
  for (const rule of framework.rating.rules) {
    const conditions: Truth[] = [
      rule.totalAtLeast === undefined || total >= rule.totalAtLeast,
      rule.everyInstrumentAtLeast === undefined
        ? true
        : lowest < rule.everyInstrumentAtLeast
          ? false
          : allKnown
            ? true
            : undefined,
      rule.someInstrumentBelow === undefined
        ? true
        : lowest < rule.someInstrumentBelow
          ? true
          : allKnown
            ? false
            : undefined,
    ];
    if (conditions.includes(false)) continue;
    out.push(rule.code);
    if (conditions.every((c) => c === true)) break;
  }
  return out;
}
