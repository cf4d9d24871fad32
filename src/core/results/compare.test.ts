import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Framework, type FrameworkInput, ZValidFramework } from '../framework/schema.ts';
import { compareYears, type YearScores } from './compare.ts';

const raw = (year: number) =>
  JSON.parse(
    readFileSync(new URL(`../../../frameworks/fy${year}.json`, import.meta.url), 'utf8'),
  ) as FrameworkInput;
const fy = (year: number): Framework => ZValidFramework.parse(raw(year));
const SEED_004 = {
  '1': 98.22,
  '2': 99.33,
  '3': 100,
  '4': 94.44,
  '5': 98.67,
  '6': 99.76,
  '7': 99.2,
  '8': 99.44,
  '9': 93.25,
  '10': 90,
};
const year = (
  framework: Framework,
  total: number,
  indicators: Record<string, number>,
  code = 'good',
): YearScores => ({
  framework,
  total,
  rating: { code, th: code },
  indicators,
});

describe('compareYears', () => {
  it('compares FY2568 with FY2567 through the crosswalk, differences at two decimals', () => {
    const previous = { ...SEED_004, '4': 90.1, '9': 93.26 };
    const c = compareYears(year(fy(2568), 95.93, SEED_004), year(fy(2567), 94.1, previous, 'pass'));
    expect(c.matchedBy).toBe('crosswalk');
    expect(c.total).toEqual({ current: 95.93, previous: 94.1, difference: 1.83 });
    expect(c.indicators.find((i) => i.code === '4')).toMatchObject({
      previousCodes: ['4'],
      current: 94.44,
      previous: 90.1,
      difference: 4.34,
    });
    expect(c.indicators.find((i) => i.code === '9')).toMatchObject({ difference: -0.01 });
    expect(c.indicators).toHaveLength(10);
  });

  it('matches equal codes when the crosswalk does not come from the earlier year', () => {
    const c = compareYears(year(fy(2568), 95.93, SEED_004), year(fy(2565), 90, { '1': 97 }, 'A'));
    expect(c.matchedBy).toBe('code');
    expect(c.indicators[0]).toMatchObject({
      code: '1',
      previousCodes: ['1'],
      previous: 97,
      difference: 1.22,
    });
    expect(c.indicators[1]).toMatchObject({ code: '2', previous: null, difference: null });
  });

  it('does not compare an indicator that merges earlier indicators or takes part of a split one', () => {
    const input = raw(2568);
    // Send one FY2567 indicator-5 question (I25) into indicator 1 as well: 1 now continues 1 and 5.
    input.crosswalk?.codes.push({ from: 'I25', to: 'i1' });
    const c = compareYears(year(ZValidFramework.parse(input), 95, SEED_004), year(fy(2567), 94, SEED_004));
    expect(c.indicators[0]).toMatchObject({
      code: '1',
      previousCodes: ['1', '5'],
      previous: null,
      difference: null,
    });
    expect(c.indicators[4]).toMatchObject({ code: '5', previousCodes: ['5'], previous: null });
    expect(c.indicators[1]).toMatchObject({ code: '2', previous: 99.33, difference: 0 });
  });
});
