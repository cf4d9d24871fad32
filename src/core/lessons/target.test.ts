import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTarget } from './target.ts';

describe('readTarget', () => {
  it('reads seed 000’s target: 89 points for every agency', () => {
    expect(readTarget([89, 95, 88.99], { threshold: 89, share: 1 })).toEqual({
      threshold: 89,
      targetShare: 1,
      reached: 2,
      share: 0.6667,
      met: false,
    });
    expect(readTarget([89, 95], { threshold: 89, share: 1 }).met).toBe(true);
    expect(readTarget([], { threshold: 89, share: 1 })).toMatchObject({ reached: 0, share: null, met: null });
  });

  it('is met exactly when the agencies reaching the score are at least the share of all', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100),
          { minLength: 1, maxLength: 40 },
        ),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (totals, threshold, percent) => {
          const sut = readTarget(totals, { threshold, share: percent / 100 });
          const reached = totals.filter((t) => t >= threshold).length;
          expect(sut.reached).toBe(reached);
          // Integers only: reached / n ≥ percent / 100 ⇔ 100 · reached ≥ percent · n.
          expect(sut.met).toBe(100 * reached >= percent * totals.length);
        },
      ),
    );
  });
});
