// Sums and means for scores. Neumaier's compensated sum keeps the error of long sums (thousands of
// respondents × 33.33) near one ulp, so that half-up rounding of the result sees the decimal it stands for.

export function sumOf(values: readonly number[]): number {
  let sum = 0;
  let compensation = 0;
  for (const v of values) {
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + compensation;
}

/** Mean of a non-empty list; callers decide what an empty list means (skip, not processed, error). */
export function meanOf(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('meanOf: empty list');
  return sumOf(values) / values.length;
}

/**
 * sumOf of a list given as runs of equal values, `[value, count]`, in the order the list would have them:
 * the same additions in the same order, so the result is identical to sumOf of the expanded list, without
 * building it (answer counts give thousands of respondents as a handful of runs).
 */
export function sumOfRuns(runs: readonly (readonly [value: number, count: number])[]): number {
  let sum = 0;
  let compensation = 0;
  for (const [v, count] of runs)
    for (let i = 0; i < count; i++) {
      const t = sum + v;
      compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
      sum = t;
    }
  return sum + compensation;
}
