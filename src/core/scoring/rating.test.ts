import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZRatingScheme } from '../framework/schema.ts';
import { FrameworkRuleError, ScoringInputError } from './errors.ts';
import { rate as sut } from './rating.ts';
import { FY2568_RATING } from './test-fixtures.ts';

const scheme = ZRatingScheme.parse(FY2568_RATING);
const all = (score: number) => ({ IIT: score, EIT1: score, EIT2: score, OIT: score });

describe('rate', () => {
  it.each([
    [97, all(96), 'excellent'],
    [95, all(95), 'excellent'],
    [96, { ...all(99), OIT: 94.99 }, 'good'], // seed 004: an instrument below 95 rules out excellent
    [95.93, { IIT: 98.13, EIT1: 99.47, EIT2: 99.47, OIT: 91.63 }, 'good'],
    [85, all(85), 'good'],
    [90, { ...all(95), EIT2: 84.99 }, 'pass'],
    [84.99, all(100), 'improve'],
    [70, all(70), 'improve'],
    [69.99, all(100), 'urgent'],
    [0, all(0), 'urgent'],
  ])('rates total %d with %o as %s', (total, instruments, code) => {
    expect(sut(scheme, total, instruments).code).toBe(code);
  });

  it('returns the label in Thai and English and whether it passes', () => {
    expect(sut(scheme, 95.93, { ...all(99), OIT: 91.63 })).toEqual({
      code: 'good',
      label: { th: 'ผ่านดี', en: 'Good' },
      passes: true,
    });
    expect(sut(scheme, 80, all(80))).toMatchObject({ label: { th: 'ต้องปรับปรุง' }, passes: false });
  });

  it('takes the first matching rule, in the order the framework lists them', () => {
    const reordered = { ...scheme, rules: [scheme.rules[3], ...scheme.rules].filter((r) => r !== undefined) };
    expect(sut(reordered, 99, all(99)).code).toBe('improve');
  });

  it('passes exactly when the total is at least 85 under the FY2568 scheme', () => {
    const score = fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100);
    fc.assert(
      fc.property(score, score, score, score, score, (total, a, b, c, d) => {
        expect(sut(scheme, total, { IIT: a, EIT1: b, EIT2: c, OIT: d }).passes).toBe(total >= 85);
      }),
    );
  });

  it('rejects missing instrument scores and out-of-range numbers', () => {
    expect(() => sut(scheme, 90, {})).toThrow(ScoringInputError);
    expect(() => sut(scheme, 101, all(90))).toThrow(
      expect.objectContaining({ code: 'invalid_rating_input' }),
    );
    expect(() => sut(scheme, 90, { ...all(90), OIT: Number.NaN })).toThrow(ScoringInputError);
  });

  it('reports a scheme without a catch-all rule as a framework error', () => {
    const partial = { ...scheme, rules: scheme.rules.slice(0, 1) };
    expect(() => sut(partial, 50, all(50))).toThrow(FrameworkRuleError);
  });
});
