import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GroupRow, protectBreakdown, suppressSmallGroups } from './suppression.ts';

const group = (key: string, count: number) => ({ key, count, meanScore: count * 10, label: `g-${key}` });

describe('suppressSmallGroups', () => {
  it('leaves groups of five or more alone', () => {
    expect(suppressSmallGroups([group('a', 5), group('b', 9)])).toEqual([
      { ...group('a', 5), suppressed: false },
      { ...group('b', 9), suppressed: false },
    ]);
  });

  it('hides the count and every value of a small group, keeping its key and not saying why', () => {
    const [small] = suppressSmallGroups([group('a', 4), group('b', 9), group('c', 3)]);
    expect(small).toEqual({ key: 'a', count: null, meanScore: null, label: null, suppressed: true });
  });

  it('also hides the next-smallest group when only one is small', () => {
    const sut = suppressSmallGroups([group('a', 12), group('b', 2), group('c', 7), group('d', 30)]);
    expect(sut.map((g) => g.suppressed)).toEqual([false, true, true, false]);
    expect(sut[2]).toMatchObject({ count: null, meanScore: null });
  });

  it('needs no complementary group with two small groups', () => {
    expect(
      suppressSmallGroups([group('a', 2), group('b', 1), group('c', 9)]).map((g) => g.suppressed),
    ).toEqual([true, true, false]);
  });

  it('breaks a tie for the complementary group by key', () => {
    const sut = suppressSmallGroups([group('z', 8), group('m', 8), group('a', 1)]);
    expect(sut.map((g) => g.suppressed)).toEqual([false, true, true]);
  });

  it('takes another minimum and refuses a meaningless one', () => {
    expect(
      suppressSmallGroups([group('a', 9), group('b', 10), group('c', 11)], 10).map((g) => g.suppressed),
    ).toEqual([true, true, false]);
    expect(() => suppressSmallGroups([], 0)).toThrow(
      expect.objectContaining({ code: 'invalid_suppression_minimum' }),
    );
  });
});

describe('protectBreakdown', () => {
  it('prints the total only when no group is hidden', () => {
    expect(protectBreakdown([group('a', 5), group('b', 9)]).total).toBe(14);
    // The report that opened the issue: one group of one, and a total of 1 beside it.
    expect(protectBreakdown([{ key: 'web', count: 1 }])).toEqual({
      total: null,
      groups: [{ key: 'web', count: null, suppressed: true }],
    });
    expect(protectBreakdown([group('a', 1), group('b', 1)]).total).toBeNull();
  });

  /**
   * The reader knows this algorithm and sees one output. For every hidden group, the counts it could have —
   * every input (visible counts as printed, hidden ones anywhere in 1..UNIVERSE) that gives the very same
   * output — must hold at least two values.
   */
  const UNIVERSE = 11;
  function possibleCounts(output: ReturnType<typeof protectBreakdown<GroupRow>>, minimum: number) {
    const seen = output.groups.map(() => new Set<number>());
    const hidden = output.groups.flatMap((g, i) => (g.suppressed ? [i] : []));
    const candidate = output.groups.map((g) => ({ key: g.key, count: g.count ?? 0 }));
    const expected = JSON.stringify(output);
    const visit = (h: number) => {
      if (h === hidden.length) {
        if (JSON.stringify(protectBreakdown(candidate, minimum)) !== expected) return;
        for (const i of hidden) seen[i]?.add(candidate[i]?.count ?? -1);
        return;
      }
      const i = hidden[h] as number;
      for (let n = 1; n <= UNIVERSE; n++) {
        (candidate[i] as GroupRow).count = n;
        visit(h + 1);
      }
    };
    visit(0);
    return hidden.map((i) => ({ key: output.groups[i]?.key, counts: [...(seen[i] ?? [])] }));
  }

  it('property: from the output alone, no hidden group’s count can be derived (minimum 3 and more)', () => {
    const groups = fc.uniqueArray(
      fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd'), count: fc.integer({ min: 1, max: 9 }) }),
      {
        selector: (g) => g.key,
        minLength: 1,
        maxLength: 4,
      },
    );
    fc.assert(
      fc.property(groups, fc.integer({ min: 3, max: 7 }), (list, minimum) => {
        const output = protectBreakdown(list, minimum);
        for (const [i, row] of output.groups.entries()) {
          if (!row.suppressed) expect(row.count).toBe(list[i]?.count);
          if ((list[i]?.count ?? 0) < minimum) expect(row.suppressed).toBe(true);
        }
        for (const hidden of possibleCounts(output, minimum))
          expect(hidden.counts.length, `group ${hidden.key} of ${JSON.stringify(list)}`).toBeGreaterThan(1);
      }),
      { numRuns: 300 },
    );
  });

  it('property: with the total printed, it equals the sum and nothing is hidden', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 8 }), (counts) => {
        const out = protectBreakdown(counts.map((count, i) => ({ key: `k${i}`, count })));
        if (out.total !== null) {
          expect(out.groups.every((g) => !g.suppressed)).toBe(true);
          expect(out.total).toBe(counts.reduce((s, n) => s + n, 0));
        } else expect(out.groups.some((g) => g.suppressed)).toBe(true);
      }),
    );
  });
});
