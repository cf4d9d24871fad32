import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  indicatorSuppressed,
  MIN_DISCLOSED_RESPONSES,
  suppressedInstruments,
  tooFewResponses,
} from './disclosure.ts';

describe('public disclosure of instrument scores', () => {
  it('hides groups of 1–4 responses, shows 0 (not processed) and 5 or more', () => {
    expect([0, 1, 4, 5, 6].map(tooFewResponses)).toEqual([false, true, true, false, false]);
    expect(tooFewResponses(null)).toBe(false);
    expect(MIN_DISCLOSED_RESPONSES).toBe(5);
  });

  it('shows everything when every group is large enough', () => {
    expect(
      suppressedInstruments([
        { code: 'IIT', n: 5 },
        { code: 'EIT1', n: 200 },
        { code: 'OIT', n: null },
      ]).size,
    ).toBe(0);
  });

  it('withholds the other survey instruments too, never the open-data one', () => {
    const s = suppressedInstruments([
      { code: 'IIT', n: 4 },
      { code: 'EIT1', n: 120 },
      { code: 'EIT2', n: 0 },
      { code: 'OIT', n: null },
    ]);
    expect(s.get('IIT')?.code).toBe('small_group');
    expect(s.get('EIT1')?.code).toBe('complementary');
    expect(s.get('EIT2')?.code).toBe('complementary');
    expect(s.has('OIT')).toBe(false);
    expect(indicatorSuppressed(['EIT1', 'EIT2'], s)).toBe(true);
    expect(indicatorSuppressed(['OIT'], s)).toBe(false);
  });

  it('never leaves a single survey score that, with the total, would reveal a small group', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.nat(50), { nil: null }), { minLength: 1, maxLength: 5 }), (ns) => {
        const list = ns.map((n, i) => ({ code: `I${i}`, n }));
        const s = suppressedInstruments(list);
        const small = list.filter((i) => tooFewResponses(i.n));
        for (const i of small) expect(s.get(i.code)?.code).toBe('small_group');
        // With any small group, no survey instrument's score stays visible.
        if (small.length > 0) for (const i of list) if (i.n !== null) expect(s.has(i.code)).toBe(true);
        if (small.length === 0) expect(s.size).toBe(0);
      }),
    );
  });
});
