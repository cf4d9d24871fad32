import { describe, expect, it } from 'vitest';
import { scoreFromAggregates as sut } from './engine.ts';
import { ScoringInputError } from './errors.ts';
import { fy2568Structure, problemsOf, SEED_004, singleEitStructure } from './test-fixtures.ts';

const fy2568 = fy2568Structure();

const SEED_004_INDICATORS = SEED_004.indicators;

describe('scoreFromAggregates', () => {
  describe('seed 004 worked example', () => {
    const result = sut(fy2568, { indicators: SEED_004_INDICATORS });

    it('gives the published total 95.93 and the rating ผ่านดี', () => {
      expect(result.total).toBe(95.93);
      expect(result.rating).toEqual({ code: 'good', th: 'ผ่านดี', en: 'Good', passes: true });
    });

    it('averages indicators into instruments, both EIT parts sharing 6–8', () => {
      // IIT 490.66/5 = 98.132; EIT 298.4/3 = 99.4666…; OIT 183.25/2 = 91.625 (a half, rounded up).
      expect(result.instruments).toEqual({ IIT: 98.13, EIT1: 99.47, EIT2: 99.47, OIT: 91.63 });
      expect(result.indicators).toEqual({ ...SEED_004_INDICATORS });
      expect(result.indicatorsByInstrument.EIT2).toEqual({ '6': 99.76, '7': 99.2, '8': 99.44 });
      expect(result.notProcessed).toEqual({});
      expect(result.year).toBe(2568);
    });
  });

  it('accepts instrument scores, with EIT standing for both parts', () => {
    const result = sut(fy2568, { instruments: { IIT: 98.132, EIT: 298.4 / 3, OIT: 91.625 } });
    expect(result.instruments).toEqual({ IIT: 98.13, EIT1: 99.47, EIT2: 99.47, OIT: 91.63 });
    expect(result.total).toBe(95.93);
    expect(result.indicators).toEqual({});
  });

  it('accepts the parts separately', () => {
    const result = sut(fy2568, { instruments: { IIT: 90, EIT1: 80, EIT2: 100, OIT: 90 } });
    expect(result.total).toBe(90); // 27 + 12 + 15 + 36
    expect(result.rating.code).toBe('pass'); // EIT1 below 85
  });

  it('rejects EIT together with one of its parts', () => {
    const problems = problemsOf(() => sut(fy2568, { instruments: { IIT: 90, EIT: 90, EIT1: 90, OIT: 90 } }));
    expect(problems).toEqual([expect.objectContaining({ code: 'ambiguous_instrument' })]);
  });

  it('rejects EIT1/EIT2 under a framework with a single EIT', () => {
    const problems = problemsOf(() =>
      sut(singleEitStructure(), { instruments: { IIT: 90, EIT1: 90, EIT2: 90, OIT: 90 } }),
    );
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['unknown_instrument', 'instruments.EIT1'],
      ['unknown_instrument', 'instruments.EIT2'],
      ['missing_score', 'instruments.EIT'],
    ]);
    expect(problems[0]?.en).toContain('IIT, EIT, OIT');
  });

  it('scores a single-EIT framework from instrument scores', () => {
    expect(sut(singleEitStructure(), { instruments: { IIT: 90, EIT: 80, OIT: 100 } }).total).toBe(91);
  });

  it('lists every missing, unknown and out-of-range score at once', () => {
    const { '4': _dropped, '9': _alsoDropped, ...rest } = SEED_004_INDICATORS;
    const problems = problemsOf(() =>
      sut(fy2568, { indicators: { ...rest, '1': 100.01, '2': -1, '3': Number.NaN, '11': 50 } }),
    );
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['score_out_of_range', 'indicators.1'],
      ['score_out_of_range', 'indicators.2'],
      ['score_out_of_range', 'indicators.3'],
      ['unknown_indicator', 'indicators.11'],
      ['missing_score', 'indicators.4'],
      ['missing_score', 'indicators.9'],
    ]);
    expect(problems.every((p) => p.th.length > 0 && p.en.length > 0)).toBe(true);
  });

  it('rejects infinite instrument scores and carries Thai and English messages', () => {
    try {
      sut(fy2568, { instruments: { IIT: Number.POSITIVE_INFINITY, EIT: 90, OIT: 90 } });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'invalid_scoring_input', name: 'ScoringInputError' });
      expect((e as ScoringInputError).th).toContain('instruments.IIT');
      expect((e as ScoringInputError).en).toContain('1 problem');
    }
  });

  it('rejects input with both or neither of indicators and instruments', () => {
    expect(() => sut(fy2568, {} as never)).toThrow(
      expect.objectContaining({ details: { problems: [expect.objectContaining({ code: 'input_shape' })] } }),
    );
    expect(() => sut(fy2568, { indicators: SEED_004_INDICATORS, instruments: { EIT: 1 } } as never)).toThrow(
      ScoringInputError,
    );
  });

  describe('instruments not processed', () => {
    it('need no score and contribute 0', () => {
      const result = sut(fy2568, {
        instruments: { IIT: 90, EIT1: 90, OIT: 90 },
        notProcessed: { EIT2: 'minimum_sample' },
      });
      expect(result.instruments.EIT2).toBeNull();
      expect(result.notProcessed).toEqual({ EIT2: 'minimum_sample' });
      expect(result.total).toBe(76.5); // 27 + 13.5 + 0 + 36
      expect(result.rating.code).toBe('improve');
    });

    it('keep shared indicators from the part that was processed', () => {
      const { '1': _, '2': __, '3': ___, '4': ____, '5': _____, ...rest } = SEED_004_INDICATORS;
      const result = sut(fy2568, { indicators: rest, notProcessed: { IIT: 'population_entered' } });
      expect(Object.keys(result.indicators)).toEqual(['6', '7', '8', '9', '10']);
      expect(result.total).toBe(66.49); // 0 + 29.84 + 36.65
    });

    it('all of them when the agency did not register', () => {
      const result = sut(fy2568, { instruments: {}, notProcessed: { IIT: 'registered' } });
      expect(result.notProcessed).toEqual({
        IIT: 'registered',
        EIT1: 'registered',
        EIT2: 'registered',
        OIT: 'registered',
      });
      expect(result.total).toBe(0);
      expect(result.rating.code).toBe('urgent');
    });

    it('reject a score for an instrument marked not processed, and unknown reasons', () => {
      const problems = problemsOf(() =>
        sut(fy2568, {
          instruments: { IIT: 90, EIT: 90, OIT: 90 },
          notProcessed: { OIT: 'late' as never, EIT1: 'minimum_sample' },
        }),
      );
      expect(problems.map((p) => [p.code, p.path])).toEqual([
        ['unknown_reason', 'notProcessed.OIT'],
        ['ambiguous_instrument', 'instruments.EIT1'],
      ]);
    });
  });

  it('rounds to the framework’s decimals', () => {
    const oneDecimal = fy2568Structure({
      policy: {
        decimals: 1,
        unprocessedInstrument: 'zero',
        rounding: 'half_up',
        showScoresDuringCollection: false,
      },
    });
    const result = sut(oneDecimal, { indicators: SEED_004_INDICATORS });
    expect(result.total).toBe(95.9);
    expect(result.instruments.OIT).toBe(91.6);
  });
});
