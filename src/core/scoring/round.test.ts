import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundHalfUp as sut } from './round.ts';

describe('roundHalfUp', () => {
  it.each([
    [1.005, 2, 1.01],
    [95.925, 2, 95.93],
    [2.675, 2, 2.68],
    [91.625, 2, 91.63],
    [83.335, 2, 83.34],
    [1.004999, 2, 1],
    [0.5, 0, 1],
    [1.5, 0, 2],
    [2.5, 0, 3],
    [98.132, 2, 98.13],
    [100, 2, 100],
    [0, 2, 0],
    [1234.5678, 3, 1234.568],
    [8.345, 2, 8.35],
    [1.45, 1, 1.5],
    [0.000125, 4, 0.0001],
    [0.00015, 4, 0.0002],
  ])('rounds %d to %d decimals as %d', (x, decimals, expected) => {
    expect(sut(x, decimals)).toBe(expected);
  });

  it('rounds a half reached through arithmetic noise upward', () => {
    // 0.3 × 98.132 + 0.15 × 99.4666… × 2 + 0.4 × 91.625 style sums land a few ulps off the decimal.
    expect(sut(95.92499999999993, 2)).toBe(95.93);
    expect(sut(0.1 + 0.2, 1)).toBe(0.3);
    expect(sut(1.0049999999999, 2)).toBe(1);
  });

  it('mirrors negative numbers (halves away from zero) and never returns −0', () => {
    expect(sut(-1.005, 2)).toBe(-1.01);
    expect(sut(-2.5, 0)).toBe(-3);
    expect(sut(-1.004, 2)).toBe(-1);
    expect(Object.is(sut(-0.001, 2), 0)).toBe(true);
  });

  it('handles very large and very small magnitudes', () => {
    expect(sut(1e21, 2)).toBe(1e21);
    expect(sut(1e-30, 2)).toBe(0);
    expect(sut(123456789.125, 2)).toBe(123456789.13);
  });

  it('rejects non-finite numbers and bad decimals', () => {
    expect(() => sut(Number.NaN, 2)).toThrow(RangeError);
    expect(() => sut(Number.POSITIVE_INFINITY, 2)).toThrow(RangeError);
    expect(() => sut(1, -1)).toThrow(RangeError);
    expect(() => sut(1, 1.5)).toThrow(RangeError);
  });

  describe('the fast path in numbers', () => {
    // The BigInt rounding round.ts had before it rounded in plain numbers where they are exact.
    function reference(x: number, decimals: number): number {
      const [mantissa = '0', exponent = '0'] = Math.abs(x).toExponential(13).split('e');
      const digits = BigInt(mantissa.replace('.', ''));
      const dropped = -(Number(exponent) - 13 + decimals);
      let kept: bigint;
      if (dropped <= 0) kept = digits * 10n ** BigInt(-dropped);
      else {
        const divisor = 10n ** BigInt(dropped);
        kept = digits / divisor;
        if (2n * (digits % divisor) >= divisor) kept += 1n;
      }
      if (kept === 0n) return 0;
      const magnitude = Number(`${kept}e-${decimals}`);
      return x < 0 ? -magnitude : magnitude;
    }

    it('gives bit for bit what BigInt arithmetic gives, at every magnitude and number of places', () => {
      fc.assert(
        fc.property(
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.integer({ min: 0, max: 20 }),
          (x, d) => {
            expect(Object.is(sut(x, d), reference(x, d))).toBe(true);
          },
        ),
        { numRuns: 20_000 },
      );
    });

    it('does so on scores and on decimal halves', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 10_000_000 }),
          fc.integer({ min: 0, max: 8 }),
          fc.integer({ min: 0, max: 4 }),
          (n, shift, d) => {
            for (const x of [Number(`${n}5e-${shift + 1}`), n / 3, (n * 0.7) / 7, -n / 9]) {
              expect(Object.is(sut(x, d), reference(x, d))).toBe(true);
            }
          },
        ),
        { numRuns: 20_000 },
      );
    });
  });

  describe('properties', () => {
    const decimals = fc.integer({ min: 0, max: 4 });
    const score = fc.double({ min: -1000, max: 1000, noNaN: true });

    it('rounds every decimal half n.5 × 10^−d up (away from zero)', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 10_000_000 }), decimals, (n, d) => {
          const half = Number(`${n}5e-${d + 1}`); // e.g. n=1, d=2 → 0.015
          expect(sut(half, d)).toBe(Number(`${n + 1}e-${d}`));
          expect(sut(-half, d)).toBe(-Number(`${n + 1}e-${d}`));
        }),
      );
    });

    it('stays within half a unit of the last kept decimal', () => {
      fc.assert(
        fc.property(score, decimals, (x, d) => {
          expect(Math.abs(sut(x, d) - x)).toBeLessThanOrEqual(0.5 * 10 ** -d + 1e-9);
        }),
      );
    });

    it('is idempotent', () => {
      fc.assert(
        fc.property(score, decimals, (x, d) => {
          const once = sut(x, d);
          expect(sut(once, d)).toBe(once);
        }),
      );
    });

    it('never decreases when its argument increases', () => {
      fc.assert(
        fc.property(score, score, decimals, (a, b, d) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(sut(lo, d)).toBeLessThanOrEqual(sut(hi, d));
        }),
      );
    });

    it('agrees with toFixed wherever the binary value is not near a half', () => {
      fc.assert(
        fc.property(score, decimals, (x, d) => {
          const scaled = Math.abs(x) * 10 ** d;
          fc.pre(Math.abs((scaled % 1) - 0.5) > 1e-6);
          expect(sut(x, d)).toBe(Number(x.toFixed(d)) || 0);
        }),
      );
    });
  });
});
