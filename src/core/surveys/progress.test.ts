import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { surveyProgress } from './progress.ts';

describe('surveyProgress', () => {
  it('reports each instrument against its minimum, in the order given', () => {
    expect(surveyProgress({ IIT: 30, EIT1: 40, EIT2: 20 }, { IIT: 12, EIT1: 55, EIT2: 20 })).toEqual([
      { instrument: 'IIT', counted: 12, minimum: 30, reached: false, percent: 40 },
      { instrument: 'EIT1', counted: 55, minimum: 40, reached: true, percent: 100 },
      { instrument: 'EIT2', counted: 20, minimum: 20, reached: true, percent: 100 },
    ]);
  });

  it('rounds down, so an unreached minimum never shows 100%', () => {
    expect(surveyProgress({ IIT: 400 }, { IIT: 399 })[0]).toMatchObject({ reached: false, percent: 99 });
  });

  it('counts a missing instrument as zero and shows no percent without a minimum', () => {
    expect(surveyProgress({ IIT: null, EIT1: 30 }, {})).toEqual([
      { instrument: 'IIT', counted: 0, minimum: null, reached: false, percent: null },
      { instrument: 'EIT1', counted: 0, minimum: 30, reached: false, percent: 0 },
    ]);
  });

  it('treats a zero minimum as reached', () => {
    expect(surveyProgress({ IIT: 0 }, {})[0]).toMatchObject({ reached: true, percent: 100 });
  });

  it('refuses negative or fractional numbers', () => {
    expect(() => surveyProgress({ IIT: 30 }, { IIT: -1 })).toThrow(
      expect.objectContaining({ code: 'invalid_progress_input' }),
    );
    expect(() => surveyProgress({ IIT: 2.5 }, { IIT: 1 })).toThrow(
      expect.objectContaining({ code: 'invalid_progress_input' }),
    );
  });

  it('property: percent is within 0–100 and reaches 100 exactly when the minimum is reached', () => {
    fc.assert(
      fc.property(fc.nat({ max: 5000 }), fc.nat({ max: 5000 }), (counted, minimum) => {
        const [sut] = surveyProgress({ X: minimum }, { X: counted });
        expect(sut?.percent).toBeGreaterThanOrEqual(0);
        expect(sut?.percent).toBeLessThanOrEqual(100);
        expect(sut?.reached).toBe(counted >= minimum);
        expect(sut?.percent === 100).toBe(sut?.reached);
      }),
    );
  });
});
