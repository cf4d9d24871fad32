import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api.ts';
import { absenceOf, passesThreshold, scoreChange, signedScore, weakestKeys } from './report-view.ts';

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

describe('weakestKeys', () => {
  const q = (key: string, score: number | null) => ({ key, score });

  it('marks the three lowest scores', () => {
    const items = [q('i1', 98), q('i2', 90), q('i3', 100), q('i4', 92), q('i5', 95), q('i6', 91)];
    expect(weakestKeys(items)).toEqual(new Set(['i2', 'i6', 'i4']));
  });

  it('includes ties at the boundary', () => {
    const items = [q('a', 80), q('b', 85), q('c', 90), q('d', 90), q('e', 99)];
    expect(weakestKeys(items)).toEqual(new Set(['a', 'b', 'c', 'd']));
  });

  it('marks nothing when every question has the same score, and never a full score', () => {
    expect(weakestKeys([q('a', 90), q('b', 90), q('c', 90)]).size).toBe(0);
    expect(weakestKeys([q('a', 100), q('b', 99), q('c', 100), q('d', 100)], 3)).toEqual(new Set(['b']));
  });

  it('leaves out questions without a score', () => {
    expect(weakestKeys([q('a', null), q('b', 70), q('c', 95)], 1)).toEqual(new Set(['b']));
    expect(weakestKeys([q('a', null)]).size).toBe(0);
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
