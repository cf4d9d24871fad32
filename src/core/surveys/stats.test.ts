import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, medianAbsoluteDeviation, robustZ, variance } from './stats.ts';

describe('stats', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('measures spread robustly and gives the modified z-score', () => {
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 100])).toBe(1);
    expect(robustZ(0, [1, 2, 3, 4, 100])).toBeCloseTo(-0.6745 * 3);
    expect(robustZ(0, [5, 5, 5])).toBeNull();
  });

  it('uses the population variance', () => {
    expect(variance([0, 100])).toBe(2500);
    expect(variance([7])).toBe(0);
    expect(variance([])).toBeNull();
  });

  it('property: the robust z-score does not change when every value is shifted and scaled', () => {
    const values = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 3, maxLength: 30 });
    fc.assert(
      fc.property(
        values,
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: -500, max: 500 }),
        fc.integer({ min: 1, max: 20 }),
        (peers, x, shift, scale) => {
          const z = robustZ(x, peers);
          const moved = robustZ(
            x * scale + shift,
            peers.map((p) => p * scale + shift),
          );
          if (z === null) expect(moved).toBeNull();
          else expect(moved).toBeCloseTo(z, 9);
        },
      ),
    );
  });
});
