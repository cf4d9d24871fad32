import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandRange, bandSeconds, DURATION_BANDS, durationBand } from './duration.ts';

describe('durationBand', () => {
  it('puts a duration in the band whose range holds it', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 86_400 * 7, noNaN: true }), (seconds) => {
        const band = durationBand(seconds) as number;
        const { fromSeconds, toSeconds } = bandRange(band);
        expect(seconds).toBeGreaterThanOrEqual(fromSeconds);
        if (toSeconds !== null) expect(seconds).toBeLessThan(toSeconds);
      }),
    );
  });

  it('keeps only a factor-of-two precision: every band but the first and last is twice as long as it starts', () => {
    for (let b = 1; b < DURATION_BANDS - 1; b++) {
      const { fromSeconds, toSeconds } = bandRange(b);
      expect(toSeconds).toBe(fromSeconds * 2);
    }
    expect(durationBand(29.9)).toBe(0);
    expect(durationBand(30)).toBe(1);
    expect(durationBand(600)).toBe(durationBand(900));
    expect(durationBand(100_000)).toBe(DURATION_BANDS - 1);
  });

  it('has no band for a duration that is not one', () => {
    expect(durationBand(-1)).toBeNull();
    expect(durationBand(Number.NaN)).toBeNull();
    expect(durationBand(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('stands for each band with a value inside it, increasing with the band', () => {
    let previous = -1;
    for (let b = 0; b < DURATION_BANDS; b++) {
      expect(durationBand(bandSeconds(b))).toBe(b);
      expect(bandSeconds(b)).toBeGreaterThan(previous);
      previous = bandSeconds(b);
    }
  });
});
