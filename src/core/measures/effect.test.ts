import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measureEffect, type YearScores } from './effect.ts';

const before: YearScores = {
  indicators: { '4': 83.24, '9': 90 },
  questions: { 'IIT:i10': 80, 'IIT:i12': 88 },
};

describe('measureEffect', () => {
  it('is pending until the next year is published', () => {
    const e = measureEffect({ indicators: ['4'], questions: [] }, before, null);
    expect(e.status).toBe('pending');
    expect(e.lines).toEqual([
      { kind: 'indicator', code: '4', instrument: null, before: 83.24, after: null, change: null },
    ]);
  });

  it('measures the change of every target and its mean', () => {
    const after: YearScores = { indicators: { '4': 90.5 }, questions: { 'IIT:i10': 92, 'IIT:i12': 86 } };
    const e = measureEffect(
      {
        indicators: ['4'],
        questions: [
          { instrument: 'IIT', code: 'i10' },
          { instrument: 'IIT', code: 'i12' },
        ],
      },
      before,
      after,
    );
    expect(e.lines.map((l) => l.change)).toEqual([7.26, 12, -2]);
    expect(e).toMatchObject({ status: 'improved', meanChange: 5.75 });
  });

  it('leaves out targets missing from either year, and says unknown when nothing compares', () => {
    const after: YearScores = { indicators: {}, questions: { 'IIT:i99': 50 } };
    const e = measureEffect(
      { indicators: ['4'], questions: [{ instrument: 'IIT', code: 'i10' }] },
      before,
      after,
    );
    expect(e).toMatchObject({ status: 'unknown', meanChange: null });
  });

  it('agrees in sign with the mean of the changes (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 10000 })), {
          minLength: 1,
          maxLength: 6,
        }),
        (pairs) => {
          const b: YearScores = { indicators: {}, questions: {} };
          const a: YearScores = { indicators: {}, questions: {} };
          const codes = pairs.map((_, i) => `x${i}`);
          pairs.forEach(([x, y], i) => {
            (b.indicators as Record<string, number>)[`x${i}`] = x / 100;
            (a.indicators as Record<string, number>)[`x${i}`] = y / 100;
          });
          const e = measureEffect({ indicators: codes, questions: [] }, b, a);
          const sum = pairs.reduce((s, [x, y]) => s + (y - x), 0);
          if (e.status === 'improved') expect(sum).toBeGreaterThan(0);
          if (e.status === 'declined') expect(sum).toBeLessThan(0);
          expect(e.lines).toHaveLength(pairs.length);
        },
      ),
    );
  });
});
