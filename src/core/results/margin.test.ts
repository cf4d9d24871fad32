import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { marginOfError, sampleForMargin, Z_95 } from './margin.ts';

const population = fc.integer({ min: 2, max: 5_000_000 });
const margin = fc.double({ min: 0.1, max: 40, noNaN: true });

describe('marginOfError', () => {
  it('is null without respondents and 0 for a census (or more responses than the population)', () => {
    expect(marginOfError(0, 100)).toBeNull();
    expect(marginOfError(0, 0)).toBeNull();
    expect(marginOfError(100, 100)).toBe(0);
    expect(marginOfError(120, 100)).toBe(0);
    expect(marginOfError(1, 1)).toBe(0);
  });

  it('is z · 50 / √n with the finite-population correction', () => {
    // 1.96 · 50 / √30 · √(120/149) = 17.892… · 0.8974… — the FY2568 minimum for 150 staff.
    expect(marginOfError(30, 150)).toBeCloseTo(16.0569, 4);
    expect(marginOfError(400, 1_000_000)).toBeCloseTo((Z_95 * 50) / 20, 2);
    expect(marginOfError(100, 1000, { z: 2.576 })).toBeCloseTo(
      ((2.576 * 50) / 10) * Math.sqrt(900 / 999),
      12,
    );
  });

  it('refuses counts that are not whole numbers of at least 0', () => {
    expect(() => marginOfError(-1, 10)).toThrow(RangeError);
    expect(() => marginOfError(1.5, 10)).toThrow(RangeError);
    expect(() => marginOfError(1, Number.NaN)).toThrow(RangeError);
    expect(() => marginOfError(1, 10, { z: 0 })).toThrow(RangeError);
  });

  it('shrinks as the sample grows and never exceeds the margin without the correction', () => {
    fc.assert(
      fc.property(population, fc.nat(), (N, k) => {
        const n = 1 + (k % N);
        const m = marginOfError(n, N) as number;
        expect(m).toBeLessThanOrEqual((Z_95 * 50) / Math.sqrt(n) + 1e-12);
        if (n + 1 <= N) expect(marginOfError(n + 1, N) as number).toBeLessThan(m);
      }),
    );
  });
});

describe('sampleForMargin is the inverse of marginOfError', () => {
  it('gives back the margin at exactly the sample it computes', () => {
    fc.assert(
      fc.property(population, margin, (N, e) => {
        const n = sampleForMargin(e, N);
        if (n >= N) return; // the whole population: margin 0, nothing to invert
        const back = ((Z_95 * 50) / Math.sqrt(n)) * Math.sqrt((N - n) / (N - 1));
        expect(back / e).toBeCloseTo(1, 9);
      }),
    );
  });

  it('rounds up to the smallest whole sample within the margin', () => {
    fc.assert(
      fc.property(population, margin, (N, e) => {
        const exact = sampleForMargin(e, N);
        const n = Math.min(N, Math.ceil(exact - 1e-9));
        expect(marginOfError(n, N) as number).toBeLessThanOrEqual(e * (1 + 1e-9));
        if (n - 1 >= 1 && n - 1 < exact - 1e-9) expect(marginOfError(n - 1, N) as number).toBeGreaterThan(e);
      }),
    );
  });

  it("puts the methodology's 400 for populations above 2,000 within ±5 points", () => {
    expect(Math.ceil(sampleForMargin(5, Number.POSITIVE_INFINITY))).toBe(385);
    for (const N of [2001, 10_000, 1_000_000]) expect(marginOfError(400, N) as number).toBeLessThan(5);
  });
});
