import { describe, expect, it } from 'vitest';
import { toScoreBody } from './score-input.ts';

describe('toScoreBody', () => {
  it('sends every indicator score as a number', () => {
    expect(toScoreBody('indicators', ['1', '2'], { '1': '98.22', '2': ' 99,33 ' })).toEqual({
      ok: true,
      body: { indicators: { '1': 98.22, '2': 99.33 } },
    });
  });

  it('sends instrument scores under "instruments"', () => {
    expect(toScoreBody('instruments', ['IIT'], { IIT: '100' })).toEqual({
      ok: true,
      body: { instruments: { IIT: 100 } },
    });
  });

  it('lists missing and out-of-range codes instead of sending', () => {
    expect(toScoreBody('indicators', ['1', '2', '3'], { '1': '101', '3': 'abc' })).toEqual({
      ok: false,
      missing: ['2'],
      outOfRange: ['1', '3'],
    });
  });
});
