// Small robust statistics for the response-quality checks. Inputs are copied before sorting: callers'
// arrays are never reordered.

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Median absolute deviation from the median: a spread measure that a few extreme peers cannot inflate. */
export function medianAbsoluteDeviation(values: readonly number[]): number | null {
  const centre = median(values);
  return centre === null ? null : median(values.map((v) => Math.abs(v - centre)));
}

/**
 * Iglewicz and Hoaglin's modified z-score, 0.6745 × (x − median) / MAD: on normal data it matches the
 * ordinary z-score, and |z| > 3.5 is their recommended outlier threshold. Null when the peers have no
 * spread (MAD 0), where any difference would be "infinitely" unusual and nothing can be said.
 */
export function robustZ(value: number, peers: readonly number[]): number | null {
  const centre = median(peers);
  const mad = medianAbsoluteDeviation(peers);
  if (centre === null || mad === null || mad === 0) return null;
  return (0.6745 * (value - centre)) / mad;
}

/** Population variance (divides by n): a respondent's answers are all there is, not a sample of them. */
export function variance(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
}
