import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZValidFramework } from '../framework/schema.ts';
import { FrameworkRuleError, ScoringInputError } from './errors.ts';
import { minimumSample as sut } from './min-sample.ts';
import { FY2568_RATING, fy2568Structure } from './test-fixtures.ts';

const fy2568 = fy2568Structure();

/** A two-instrument framework whose first instrument uses `sample`; the second refers to it. */
function withSample(sample: unknown, second: unknown = undefined) {
  return ZValidFramework.parse({
    year: 2568,
    name: { th: 'ทดสอบ' },
    source: { th: 'ทดสอบ', en: 'test' },
    instruments: [
      {
        code: 'EIT1',
        name: { th: 'EIT1' },
        collection: 'external_self',
        weight: 50,
        indicators: ['1'],
        sample,
      },
      {
        code: 'EIT2',
        name: { th: 'EIT2' },
        collection: 'external_assessor',
        weight: 50,
        indicators: ['1'],
        sample: second,
      },
    ],
    indicators: [{ code: '1', name: { th: 'หนึ่ง' } }],
    rating: FY2568_RATING,
  });
}

describe('minimumSample', () => {
  describe('FY2568 formula (seed 004)', () => {
    it.each([
      [25, 25], // fewer than 30: everyone
      [29, 29],
      [30, 30],
      [100, 30], // 20% = 20, at least 30
      [150, 30], // 20% = 30 exactly
      [151, 31], // 20% = 30.2, rounded up
      [1000, 200],
      [2000, 400],
      [2001, 400], // above 2,000: 400
      [5000, 400],
      [0, 0],
    ])('IIT and EIT1 need %d → %d', (population, expected) => {
      expect(sut(fy2568, 'IIT', { population })).toBe(expected);
      expect(sut(fy2568, 'EIT1', { population })).toBe(expected);
    });

    it.each([
      [1000, 40], // part 1 needs 200; 20% of it = 40
      [100, 20], // part 1 needs 30; 20% = 6, at least 20
      [5000, 80], // part 1 capped at 400; 20% = 80
      [10, 20], // part 1 surveys all 10; EIT2 still needs its own floor of 20
    ])('EIT2 for an EIT population of %d needs %d', (population, expected) => {
      expect(sut(fy2568, 'EIT2', { population })).toBe(expected);
    });
  });

  it('does not let binary noise in share × base ask for one person too many', () => {
    const f = withSample({ kind: 'formula', share: 0.7, atLeast: 1 });
    expect(sut(f, 'EIT1', { population: 100 })).toBe(70); // 0.7 × 100 = 70.00000000000001 in floats
  });

  describe('table rule', () => {
    const table = withSample({
      kind: 'table',
      rows: [
        { peerGroup: 'sao', minimum: 35 },
        { peerGroup: 'sao', sizeClass: 'small', minimum: 30 },
        { peerGroup: 'sao', sizeClass: 'large', minimum: 50 },
        { peerGroup: 'university', minimum: 400 },
      ],
      otherwise: { kind: 'formula', share: 0.2, atLeast: 30, allBelow: 30 },
    });

    it('prefers the row naming the size class, whatever the row order', () => {
      expect(sut(table, 'EIT1', { population: 10_000, peerGroup: 'sao', sizeClass: 'small' })).toBe(30);
      expect(sut(table, 'EIT1', { population: 10_000, peerGroup: 'sao', sizeClass: 'large' })).toBe(50);
    });

    it('falls back to the peer group row without a size class', () => {
      expect(sut(table, 'EIT1', { population: 10_000, peerGroup: 'sao', sizeClass: 'medium' })).toBe(35);
      expect(sut(table, 'EIT1', { population: 10_000, peerGroup: 'sao' })).toBe(35);
      expect(sut(table, 'EIT1', { population: 10_000, peerGroup: 'university' })).toBe(400);
    });

    it('uses the otherwise formula for peer groups not in the table', () => {
      expect(sut(table, 'EIT1', { population: 1000, peerGroup: 'police_station' })).toBe(200);
      expect(sut(table, 'EIT1', { population: 20 })).toBe(20);
    });

    it('lets another instrument refer to a table-ruled minimum', () => {
      const f = withSample(
        { kind: 'table', rows: [{ peerGroup: 'sao', minimum: 50 }] },
        { kind: 'formula', of: { minimumOf: 'EIT1' }, share: 0.2, atLeast: 5 },
      );
      expect(sut(f, 'EIT2', { population: 10, peerGroup: 'sao' })).toBe(10);
    });

    it('fails with a typed error when no row matches and there is no otherwise', () => {
      const f = withSample({ kind: 'table', rows: [{ peerGroup: 'sao', sizeClass: 'small', minimum: 30 }] });
      const err = (() => {
        try {
          sut(f, 'EIT1', { population: 100, peerGroup: 'sao', sizeClass: 'large' });
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(FrameworkRuleError);
      expect(err).toMatchObject({ code: 'no_sample_row', details: { peerGroup: 'sao', sizeClass: 'large' } });
    });
  });

  describe('errors', () => {
    it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects a population of %d', (population) => {
      expect(() => sut(fy2568, 'IIT', { population })).toThrow(ScoringInputError);
      expect(() => sut(fy2568, 'IIT', { population })).toThrow(
        expect.objectContaining({ code: 'invalid_population' }),
      );
    });

    it('rejects an instrument without a sample rule', () => {
      expect(() => sut(fy2568, 'OIT', { population: 10 })).toThrow(
        expect.objectContaining({ code: 'no_sample_rule', th: expect.stringContaining('OIT') }),
      );
    });

    it('rejects an unknown instrument', () => {
      expect(() => sut(fy2568, 'XYZ', { population: 10 })).toThrow(
        expect.objectContaining({ code: 'unknown_instrument' }),
      );
    });

    it('detects rules that refer to each other in a cycle', () => {
      // The framework schema refuses such rules; the engine still must not loop on one built without it.
      const f = withSample(
        { kind: 'formula', share: 0.5, atLeast: 1 },
        { kind: 'formula', share: 0.5, atLeast: 1 },
      );
      const [eit1, eit2] = f.instruments;
      if (!eit1 || !eit2) throw new Error('fixture without two instruments');
      eit1.sample = { kind: 'formula', of: { minimumOf: 'EIT2' }, share: 0.5, atLeast: 1 };
      eit2.sample = { kind: 'formula', of: { minimumOf: 'EIT1' }, share: 0.5, atLeast: 1 };
      expect(() => sut(f, 'EIT1', { population: 100 })).toThrow(
        expect.objectContaining({ code: 'sample_rule_cycle' }),
      );
    });
  });

  describe('properties of well-formed formulas', () => {
    // Well-formed: the floor is at least the full-survey threshold, and the cap is no smaller than what
    // the share asks for at the cap — otherwise a rule could ask fewer people of a larger population.
    const formula = fc
      .record({
        share: fc.integer({ min: 1, max: 100 }).map((p) => p / 100),
        atLeast: fc.integer({ min: 0, max: 100 }),
        allBelowOffset: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        capAbove: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }),
        capExtra: fc.integer({ min: 0, max: 100 }),
      })
      .map(({ share, atLeast, allBelowOffset, capAbove, capExtra }) => ({
        kind: 'formula' as const,
        share,
        atLeast,
        allBelow: allBelowOffset === undefined ? undefined : Math.max(1, atLeast + 1 - allBelowOffset),
        cap:
          capAbove === undefined
            ? undefined
            : { above: capAbove, minimum: Math.max(1, atLeast, Math.ceil(share * capAbove) + capExtra) },
      }));
    const population = fc.integer({ min: 0, max: 10_000 });

    it('never asks for more than the population when the population is below allBelow', () => {
      fc.assert(
        fc.property(formula, population, (rule, n) => {
          fc.pre(rule.allBelow !== undefined && n < rule.allBelow);
          expect(sut(withSample(rule), 'EIT1', { population: n })).toBeLessThanOrEqual(n);
        }),
      );
    });

    it('never asks for fewer than atLeast otherwise', () => {
      fc.assert(
        fc.property(formula, population, (rule, n) => {
          fc.pre(rule.allBelow === undefined || n >= rule.allBelow);
          expect(sut(withSample(rule), 'EIT1', { population: n })).toBeGreaterThanOrEqual(rule.atLeast);
        }),
      );
    });

    it('never decreases as the population grows', () => {
      fc.assert(
        fc.property(formula, population, population, (rule, a, b) => {
          const f = withSample(rule);
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(sut(f, 'EIT1', { population: lo })).toBeLessThanOrEqual(sut(f, 'EIT1', { population: hi }));
        }),
      );
    });

    it('holds for the FY2568 rules over every population up to 3,000', () => {
      let previous = { IIT: 0, EIT2: 0 };
      for (let n = 0; n <= 3000; n++) {
        const iit = sut(fy2568, 'IIT', { population: n });
        const eit2 = sut(fy2568, 'EIT2', { population: n });
        expect(iit).toBeGreaterThanOrEqual(previous.IIT);
        expect(eit2).toBeGreaterThanOrEqual(previous.EIT2);
        expect(n < 30 ? iit <= n : iit >= 30).toBe(true);
        previous = { IIT: iit, EIT2: eit2 };
      }
    });
  });
});
