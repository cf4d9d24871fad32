// How long a respondent took, kept only as coarsely as the speeder flag needs. An exact duration is a
// fingerprint: next to the day, it matched interviews to their answers. Bands double in width (under 30 s,
// 30–60 s, 1–2 min, … 64 min and over), so a band says "about this long" within a factor of two — enough to
// compare a response against 30 % of the agency's median, too little to pick one respondent out.

/** Lower bounds of the bands, in seconds; band i is [BOUNDS[i], BOUNDS[i+1]). */
const BOUNDS = [0, 30, 60, 120, 240, 480, 960, 1920, 3840] as const;
export const DURATION_BANDS = BOUNDS.length;

/** The band of a duration in seconds; null when there is no usable duration. */
export function durationBand(seconds: number): number | null {
  if (!Number.isFinite(seconds) || seconds < 0) return null;
  let band = 0;
  while (band + 1 < BOUNDS.length && seconds >= (BOUNDS[band + 1] as number)) band += 1;
  return band;
}

/** The seconds a band covers: [from, to), `to` null for the last (open-ended) band. */
export function bandRange(band: number): { fromSeconds: number; toSeconds: number | null } {
  if (!Number.isInteger(band) || band < 0 || band >= BOUNDS.length) throw new RangeError(`no band ${band}`);
  return { fromSeconds: BOUNDS[band] as number, toSeconds: BOUNDS[band + 1] ?? null };
}

/**
 * One number standing for a band, for medians and comparisons: the geometric middle of its range (the
 * middle on the doubling scale), 15 s for the first band, and √2 × 3840 s for the open-ended last one.
 */
export function bandSeconds(band: number): number {
  const { fromSeconds, toSeconds } = bandRange(band);
  if (fromSeconds === 0) return 15;
  return Math.round(Math.sqrt(fromSeconds * (toSeconds ?? fromSeconds * 2)));
}
