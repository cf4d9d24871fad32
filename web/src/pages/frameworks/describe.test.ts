import { describe, expect, it } from 'vitest';
import { describeRatingRule, describeSampleRule } from './describe.ts';

const t = (key: string, params?: Record<string, unknown>) =>
  params ? `${key.split('.').at(-1)}(${Object.values(params).join(',')})` : (key.split('.').at(-1) as string);

describe('describeSampleRule', () => {
  it('lists share, floor, everyone-below and cap of a formula', () => {
    expect(
      describeSampleRule(
        {
          kind: 'formula',
          of: 'population',
          share: 0.2,
          atLeast: 30,
          allBelow: 30,
          cap: { above: 2000, minimum: 400 },
        },
        t,
        'en',
      ),
    ).toBe('shareOfPopulation(20%); atLeast(30); allBelow(30); cap(2000,400)');
  });

  it('names the instrument whose minimum a share is taken of', () => {
    expect(
      describeSampleRule({ kind: 'formula', of: { minimumOf: 'EIT1' }, share: 0.2, atLeast: 20 }, t, 'en'),
    ).toBe('shareOfMinimum(20%,EIT1); atLeast(20)');
  });

  it('lists the rows of a table', () => {
    expect(
      describeSampleRule(
        { kind: 'table', rows: [{ peerGroup: 'sao', sizeClass: 'S', minimum: 30 }] },
        t,
        'en',
      ),
    ).toBe('table(Subdistrict Administrative Organization (Small): 30)');
  });

  it('says when there is no rule', () => {
    expect(describeSampleRule(undefined, t, 'en')).toBe('none');
  });
});

describe('describeRatingRule', () => {
  it('joins the conditions', () => {
    expect(
      describeRatingRule(
        {
          code: 'excellent',
          label: { th: 'ผ่านดีเยี่ยม' },
          totalAtLeast: 95,
          everyInstrumentAtLeast: 95,
          passes: true,
        },
        t,
      ),
    ).toBe('totalAtLeast(95)andeveryAtLeast(95)');
  });

  it('calls the last rule without conditions "otherwise"', () => {
    expect(describeRatingRule({ code: 'urgent', label: { th: 'ต้องปรับปรุงโดยด่วน' }, passes: false }, t)).toBe(
      'otherwise',
    );
  });
});
