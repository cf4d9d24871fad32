// Ratings are an ordered list of rules in the framework; the first rule whose conditions all hold wins
// (FY2568: excellent needs total ≥ 95 and every instrument ≥ 95, good ≥ 85 and every instrument ≥ 85, …).
import type { Localized, RatingScheme } from '../framework/schema.ts';
import { FrameworkRuleError, ScoringInputError } from './errors.ts';

export interface Rating {
  code: string;
  label: Localized;
  passes: boolean;
}

/**
 * Rates a total given every instrument's score. `instrumentScores` must hold every instrument of the
 * framework (an unprocessed one with the score it contributes, 0), because "every instrument ≥ 95" over a
 * partial list would let a missing instrument through. Callers that report rounded scores should pass
 * rounded scores, so that the rating agrees with the numbers people see (84.996 shows as 85.00).
 */
export function rate(scheme: RatingScheme, total: number, instrumentScores: Record<string, number>): Rating {
  const scores = Object.values(instrumentScores);
  const bad = [total, ...scores].filter((s) => !Number.isFinite(s) || s < 0 || s > 100);
  if (scores.length === 0 || bad.length > 0)
    throw new ScoringInputError(
      'invalid_rating_input',
      'การจัดระดับต้องมีคะแนนรวมและคะแนนทุกแบบวัด เป็นตัวเลขตั้งแต่ 0 ถึง 100',
      'A rating needs the total and every instrument score, each a number from 0 to 100',
      { total, instrumentScores },
    );
  const lowest = Math.min(...scores);
  for (const rule of scheme.rules) {
    const holds =
      (rule.totalAtLeast === undefined || total >= rule.totalAtLeast) &&
      (rule.everyInstrumentAtLeast === undefined || lowest >= rule.everyInstrumentAtLeast) &&
      (rule.someInstrumentBelow === undefined || lowest < rule.someInstrumentBelow);
    if (holds) return { code: rule.code, label: rule.label, passes: rule.passes };
  }
  // ZValidFramework requires an unconditional last rule; a scheme built without it is a framework bug.
  throw new FrameworkRuleError(
    'no_rating_rule',
    `ไม่มีเกณฑ์การจัดระดับที่ตรงกับคะแนนรวม ${total}`,
    `No rating rule matches a total of ${total}`,
    { total, instrumentScores },
  );
}
