import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api.ts';
import {
  absenceOf,
  groupInOrder,
  historyRows,
  indicatorFacts,
  passesThreshold,
  reportYear,
  scoreChange,
  signedScore,
  weakestCodes,
} from './report-view.ts';

describe('scoreChange', () => {
  it('reads up, down and the same from the printed figures', () => {
    expect(scoreChange(95.93, 94.1)).toEqual({ direction: 'up', difference: 1.83 });
    expect(scoreChange(90, 92.5)).toEqual({ direction: 'down', difference: -2.5 });
    expect(scoreChange(95.934, 95.926)).toEqual({ direction: 'same', difference: 0 });
  });

  it('has no change without a previous year', () => {
    expect(scoreChange(95.93, null)).toBeNull();
    expect(scoreChange(95.93, undefined)).toBeNull();
    expect(scoreChange(95.93, Number.NaN)).toBeNull();
  });

  it('never reports a negative zero', () => {
    expect(Object.is(scoreChange(80.001, 80.004)?.difference, -0)).toBe(false);
  });
});

describe('signedScore', () => {
  it('prints a plus, a real minus sign or nothing', () => {
    expect(signedScore(1.83)).toBe('+1.83');
    expect(signedScore(-0.5)).toBe('−0.50');
    expect(signedScore(0)).toBe('0.00');
  });
});

describe('groupInOrder', () => {
  it('groups in the order the questions come', () => {
    const qs = [
      { instrument: 'IIT', c: 'i1' },
      { instrument: 'EIT1', c: 'ES1' },
      { instrument: 'IIT', c: 'i2' },
      { instrument: 'EIT2', c: 'EP1' },
    ];
    expect(groupInOrder(qs, (q) => q.instrument).map((g) => [g.key, g.items.map((q) => q.c)])).toEqual([
      ['IIT', ['i1', 'i2']],
      ['EIT1', ['ES1']],
      ['EIT2', ['EP1']],
    ]);
  });
});

describe('weakestCodes', () => {
  const q = (displayCode: string, score: number, weakest: boolean) => ({ displayCode, score, weakest });
  it('lists the marked questions, lowest first, up to the limit', () => {
    const qs = [
      q('i1', 98, false),
      q('i2', 90, true),
      q('ES2', 85.5, true),
      q('EP4', 88, true),
      q('i10', 89, true),
    ];
    expect(weakestCodes(qs)).toEqual(['ES2', 'EP4', 'i10', 'i2']);
    expect(weakestCodes(qs, 2)).toEqual(['ES2', 'EP4']);
    expect(weakestCodes([q('i1', 50, false)])).toEqual([]);
  });
});

describe('historyRows', () => {
  it('sorts by year and gives each year its change from the one before', () => {
    const rows = historyRows([
      { year: 2568, total: 95.93 },
      { year: 2566, total: 96.77 },
      { year: 2567, total: 96.77 },
    ]);
    expect(rows.map((r) => [r.year, r.change])).toEqual([
      [2566, null],
      [2567, { direction: 'same', difference: 0 }],
      [2568, { direction: 'down', difference: -0.84 }],
    ]);
  });
});

describe('indicatorFacts', () => {
  it('counts passes and finds the lowest scored indicator', () => {
    expect(
      indicatorFacts([
        { name: 'การปฏิบัติหน้าที่', score: 98.22, passes: true },
        { name: 'การป้องกันการทุจริต', score: 80, passes: false },
        { name: 'การเปิดเผยข้อมูล', score: null, passes: null },
      ]),
    ).toEqual({ count: 3, passed: 1, lowest: { name: 'การป้องกันการทุจริต', score: 80 } });
    expect(indicatorFacts([]).lowest).toBeNull();
  });
});

describe('passesThreshold', () => {
  it('passes at the threshold and has no verdict without a score', () => {
    expect(passesThreshold(85, 85)).toBe(true);
    expect(passesThreshold(84.99, 85)).toBe(false);
    expect(passesThreshold(null, 85)).toBeNull();
  });
});

describe('absenceOf', () => {
  it('tells a result not yet published from other errors', () => {
    expect(absenceOf(new ApiError(404, 'results_not_published', 'ยังไม่มี', 'None'))).toBe('not_published');
    expect(absenceOf(new ApiError(404, 'agency_not_found', 'ไม่พบ', 'Not found'))).toBe('error');
    expect(absenceOf(new Error('x'))).toBe('error');
  });
});

describe('reportYear', () => {
  it('leads to the newest year with results out, else to the newest year', () => {
    const states = new Map<number, string[]>([
      [2568, []],
      [2567, ['in_effect', 'superseded']],
      [2566, ['in_effect']],
    ]);
    expect(reportYear([2566, 2568, 2567], states)).toBe(2567);
    expect(reportYear([2568, 2569], new Map([[2569, ['cancelled']]]))).toBe(2569);
    expect(reportYear([2568], new Map([[2568, ['embargoed']]]))).toBe(2568);
    expect(reportYear([], new Map())).toBeNull();
  });
});
