import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missingComponents, proposedScore } from './proposal.ts';

describe('proposedScore', () => {
  it('proposes 100 when every component is found, in any order or with repeats', () => {
    expect(proposedScore(3, [2, 0, 1])).toBe(100);
    expect(proposedScore(2, [1, 0, 1])).toBe(100);
  });

  it('proposes 0 when a component is missing, or for an item without components', () => {
    expect(proposedScore(3, [0, 2])).toBe(0);
    expect(proposedScore(3, [])).toBe(0);
    expect(proposedScore(0, [])).toBe(0);
  });

  it('is 100 exactly when nothing is missing (any count, any ticks)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(fc.integer({ min: 0, max: 14 })), (n, found) => {
        const missing = missingComponents(n, found);
        expect(proposedScore(n, found)).toBe(missing.length === 0 ? 100 : 0);
        expect(missing.every((i) => i >= 0 && i < n && !found.includes(i))).toBe(true);
      }),
    );
  });
});
