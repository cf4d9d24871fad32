import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressSmallGroups } from './suppression.ts';

const group = (key: string, count: number) => ({ key, count, meanScore: count * 10, label: `g-${key}` });

describe('suppressSmallGroups', () => {
  it('leaves groups of five or more alone', () => {
    expect(suppressSmallGroups([group('a', 5), group('b', 9)])).toEqual([
      { ...group('a', 5), suppressed: false, reason: null },
      { ...group('b', 9), suppressed: false, reason: null },
    ]);
  });

  it('hides the count and every value of a small group, keeping its key', () => {
    const [small] = suppressSmallGroups([group('a', 4), group('b', 9), group('c', 3)]);
    expect(small).toEqual({
      key: 'a',
      count: null,
      meanScore: null,
      label: null,
      suppressed: true,
      reason: 'small',
    });
  });

  it('also hides the next-smallest group when only one is small and a total is shown', () => {
    const sut = suppressSmallGroups([group('a', 12), group('b', 2), group('c', 7), group('d', 30)]);
    expect(sut.map((g) => g.reason)).toEqual([null, 'small', 'complementary', null]);
    expect(sut[2]).toMatchObject({ count: null, meanScore: null, suppressed: true });
  });

  it('needs no complementary group without a shown total, or with two small groups', () => {
    expect(
      suppressSmallGroups([group('a', 2), group('b', 9)], 5, { totalShown: false }).map((g) => g.reason),
    ).toEqual(['small', null]);
    expect(suppressSmallGroups([group('a', 2), group('b', 1), group('c', 9)]).map((g) => g.reason)).toEqual([
      'small',
      'small',
      null,
    ]);
  });

  it('breaks a tie for the complementary group by key', () => {
    const sut = suppressSmallGroups([group('z', 8), group('m', 8), group('a', 1)]);
    expect(sut.map((g) => g.reason)).toEqual([null, 'complementary', 'small']);
  });

  it('takes another minimum and refuses a meaningless one', () => {
    expect(
      suppressSmallGroups([group('a', 9), group('b', 10), group('c', 11)], 10).map((g) => g.suppressed),
    ).toEqual([true, true, false]);
    expect(() => suppressSmallGroups([], 0)).toThrow(
      expect.objectContaining({ code: 'invalid_suppression_minimum' }),
    );
  });

  it('property: no visible group is small, and a shown total never reveals exactly one hidden group', () => {
    const groups = fc.uniqueArray(
      fc.record({ key: fc.string({ maxLength: 3 }), count: fc.nat({ max: 20 }) }),
      {
        selector: (g) => g.key,
        maxLength: 12,
      },
    );
    fc.assert(
      fc.property(groups, fc.integer({ min: 1, max: 10 }), (list, minimum) => {
        const sut = suppressSmallGroups(list, minimum);
        expect(sut.map((g) => g.key)).toEqual(list.map((g) => g.key));
        for (const [i, row] of sut.entries()) {
          if (!row.suppressed) expect(row.count).toBe(list[i]?.count);
          else expect(row.count).toBeNull();
          if ((list[i]?.count ?? 0) < minimum) expect(row.suppressed).toBe(true);
        }
        const hidden = sut.filter((g) => g.suppressed).length;
        expect(hidden === 1 && list.length > 1).toBe(false);
      }),
    );
  });
});
