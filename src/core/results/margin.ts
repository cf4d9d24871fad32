// The 95 % margin of error of an instrument's score, reported beside n (issue 10 §1). Scores are means of
// 0–100 answers, so the margin is that of a proportion at its most uncertain (p = 0.5, i.e. a standard
// deviation of 50 points), with the finite-population correction from the approved population N:
//
//   MoE(n, N) = z · 50 / √n · √((N − n) / (N − 1))        in score points (±4.9 means ±4.9 of 100)
//
// Its exact inverse is Cochran's sample size with the same correction (sampleForMargin):
//
//   n(e, N) = n₀ · N / (n₀ + N − 1),  n₀ = (z · 50 / e)²
//
// The ITA methodology does not derive its minimum samples from a margin: its rule is a share of the
// population with a floor and a cap (20 %, at least 30, everyone below 30, 400 above 2,000 — see
// min-sample.ts), so no framework states a margin the minimum would be the inverse of. The cap of 400 is the
// textbook ±5 % sample of a large population (Yamane, z ≈ 2), which the tests check; below the cap the
// margin at the minimum varies with N (about ±16.06 points at N = 150, n = 30). Why worst-case p rather than
// the observed spread: per-question answer counts give each question's spread but not the spread of a
// respondent's instrument score (questions are correlated within a respondent), so an observed-variance
// margin of the instrument score cannot be computed from what the processing run aggregates.

/** Two-sided 95 % normal quantile, as methodology texts print it. */
export const Z_95 = 1.96;
/** The standard deviation of a 0–100 score at its most uncertain (half the answers at each end). */
const WORST_CASE_SD = 50;

export interface MarginOptions {
  /** Normal quantile of the confidence level (default 1.96, 95 %). */
  z?: number;
}

/**
 * ± margin, in score points, of an instrument's score from `sample` respondents out of a population of
 * `population`; null when nobody answered (no score to be uncertain about); 0 when everyone answered (a
 * census: more responses than the approved population also counts as everyone).
 */
export function marginOfError(
  sample: number,
  population: number,
  options: MarginOptions = {},
): number | null {
  checkCount('sample', sample);
  checkCount('population', population);
  const z = quantile(options);
  if (sample === 0) return null;
  if (sample >= population) return 0;
  const fpc = Math.sqrt((population - sample) / (population - 1));
  return ((z * WORST_CASE_SD) / Math.sqrt(sample)) * fpc;
}

/**
 * The (fractional) sample whose margin is exactly `margin` points in a population of `population`; round
 * it up for the smallest whole sample with at most that margin. `population` may be Infinity.
 */
export function sampleForMargin(margin: number, population: number, options: MarginOptions = {}): number {
  if (!(margin > 0) || !Number.isFinite(margin))
    throw new RangeError(`sampleForMargin: the margin must be a positive number (got ${margin})`);
  if (population !== Number.POSITIVE_INFINITY) checkCount('population', population);
  const z = quantile(options);
  const n0 = ((z * WORST_CASE_SD) / margin) ** 2;
  if (population === Number.POSITIVE_INFINITY) return n0;
  return Math.min(population, (n0 * population) / (n0 + population - 1));
}

function quantile(options: MarginOptions): number {
  const z = options.z ?? Z_95;
  if (!(z > 0) || !Number.isFinite(z)) throw new RangeError(`margin of error: z must be positive (got ${z})`);
  return z;
}

function checkCount(what: string, n: number) {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`margin of error: the ${what} must be a whole number of at least 0 (got ${n})`);
}
