import { describe, expect, it } from 'vitest';
import { scoreFromAnswers as sut } from './engine.ts';
import { fy2568Structure, handCase, miniFramework, problemsOf } from './test-fixtures.ts';

const framework = miniFramework();

describe('scoreFromAnswers', () => {
  describe('hand-computed case', () => {
    const result = sut(framework, handCase());

    it('scores questions as the mean over the respondents who answered them', () => {
      expect(result.questions).toEqual({
        IIT: { a1: 66.67, a2: 83.34, a3: 55.56 }, // 200/3 · 166.67/2 = 83.335 · 166.67/3
        EIT1: { e1: 50, e2: 50 },
        EIT2: { e1: 66.67, e2: 100 },
        OIT: { o1: 100, o2: 0, o3: 100 },
      });
    });

    it('scores indicators as the mean of their applicable questions (a4 excluded for an SAO)', () => {
      expect(result.indicatorsByInstrument).toEqual({
        IIT: { '1': 75, '2': 55.56 }, // (200/3 + 83.335)/2 = 75.0008…
        EIT1: { '3': 50 },
        EIT2: { '3': 83.34 },
        OIT: { '4': 75 }, // sub-indicators 50 and 100, not the item mean 66.67
      });
      expect(result.subIndicators).toEqual({ '4.1': 50, '4.2': 100 });
      // The shared indicator 3 shows EIT1 and EIT2 weighted 15:15: (50 + 83.335)/2 = 66.6675.
      expect(result.indicators).toEqual({ '1': 75, '2': 55.56, '3': 66.67, '4': 75 });
    });

    it('weights instruments into the total and rates it', () => {
      // IIT (75.00083… + 55.5555…)/2 = 65.2781…; total 0.4·65.278 + 0.15·50 + 0.15·83.335 + 0.3·75.
      expect(result.instruments).toEqual({ IIT: 65.28, EIT1: 50, EIT2: 83.34, OIT: 75 });
      expect(result.total).toBe(68.61);
      expect(result.rating).toMatchObject({ code: 'urgent', passes: false });
      expect(result.notProcessed).toEqual({});
    });
  });

  it('lets a question apply to the agency type it names', () => {
    const university = sut(
      framework,
      handCase({ agencyType: 'university', oit: { o1: 100, o2: 0, o3: 100, o4: 0 } }),
    );
    expect(university.questions?.IIT?.a4).toBe(0); // the one respondent answered "none"
    expect(university.indicatorsByInstrument.IIT?.['2']).toBe(27.78); // (55.56 + 0)/2
    expect(university.subIndicators?.['4.2']).toBe(50);
  });

  describe('instruments not processed', () => {
    it('contribute 0 and say which condition failed', () => {
      const result = sut(
        framework,
        handCase({
          processing: {
            registered: true,
            populationEntered: { IIT: true, EIT1: false },
            minimumSample: { IIT: 4, EIT1: 2, EIT2: 1 },
            oitAnswered: true,
          },
        }),
      );
      expect(result.notProcessed).toEqual({ IIT: 'minimum_sample', EIT1: 'population_entered' });
      expect(result.instruments).toEqual({ IIT: null, EIT1: null, EIT2: 83.34, OIT: 75 });
      expect(result.total).toBe(35); // 0 + 0 + 12.50025 + 22.5
      expect(result.indicators).toEqual({ '3': 83.34, '4': 75 });
      expect(Object.keys(result.questions ?? {})).toEqual(['EIT2', 'OIT']);
    });

    it('include OIT when it was not answered as required', () => {
      const result = sut(
        framework,
        handCase({ oit: {}, processing: { ...handCase().processing, oitAnswered: false } }),
      );
      expect(result.notProcessed).toEqual({ OIT: 'answered' });
      expect(result.total).toBe(46.11); // 68.61 − 22.5
    });

    it('include everything when the agency is not registered', () => {
      const result = sut(
        framework,
        handCase({ processing: { ...handCase().processing, registered: false } }),
      );
      expect(result.notProcessed).toEqual({
        IIT: 'registered',
        EIT1: 'registered',
        EIT2: 'registered',
        OIT: 'registered',
      });
      expect(result.instruments).toEqual({ IIT: null, EIT1: null, EIT2: null, OIT: null });
      expect(result.indicators).toEqual({});
      expect(result.total).toBe(0);
      expect(result.rating.code).toBe('urgent');
    });

    it('include a survey whose respondents skipped every question of an indicator', () => {
      const result = sut(
        framework,
        handCase({
          responses: { ...handCase().responses, EIT2: [{ answers: {} }] },
        }),
      );
      expect(result.notProcessed).toEqual({ EIT2: 'answered' });
    });
  });

  describe('errors', () => {
    it('names unknown questions, options, sub-items and instruments, all at once', () => {
      const problems = problemsOf(() =>
        sut(
          framework,
          handCase({
            responses: {
              IIT: [
                { answers: { a1: 'sometimes', zz9: 'most', e1: 'most' } },
                { answers: { a3: { x: 'no', w: 'yes' }, a2: { x: 'no' } } },
              ],
              OIT: [],
              XYZ: [],
            },
          }),
        ),
      );
      expect(problems.map((p) => [p.code, p.path])).toEqual([
        ['unknown_instrument', 'responses.OIT'],
        ['unknown_instrument', 'responses.XYZ'],
        ['unknown_option', 'responses.IIT[0].answers.a1'],
        ['unknown_question', 'responses.IIT[0].answers.zz9'],
        ['unknown_question', 'responses.IIT[0].answers.e1'], // an EIT question in an IIT response
        ['unknown_sub_item', 'responses.IIT[1].answers.a3.w'],
        ['answer_shape', 'responses.IIT[1].answers.a2'],
      ]);
      expect(problems[3]?.th).toContain('zz9');
      expect(problems[3]?.en).toContain('zz9');
    });

    it('rejects a plain answer to a question with sub-items', () => {
      const problems = problemsOf(() =>
        sut(framework, handCase({ responses: { IIT: [{ answers: { a3: 'yes' } }] } })),
      );
      expect(problems).toEqual([
        expect.objectContaining({ code: 'answer_shape', path: 'responses.IIT[0].answers.a3' }),
      ]);
    });

    it('rejects unknown, non-binary and missing OIT item scores', () => {
      const problems = problemsOf(() => sut(framework, handCase({ oit: { o1: 50, o9: 100, o3: 100 } })));
      expect(problems.map((p) => [p.code, p.path])).toEqual([
        ['oit_score_not_binary', 'oit.o1'],
        ['unknown_oit_item', 'oit.o9'],
        ['missing_score', 'oit.o2'],
      ]);
    });

    it('refuses a framework that has no questions', () => {
      expect(() => sut(fy2568Structure(), handCase())).toThrow(
        expect.objectContaining({ name: 'FrameworkRuleError', code: 'framework_without_questions' }),
      );
    });

    it('asks for processing facts the framework needs', () => {
      const problems = problemsOf(() =>
        sut(
          framework,
          handCase({
            processing: {
              registered: true,
              populationEntered: { IIT: true },
              minimumSample: {},
              oitAnswered: true,
            },
          }),
        ),
      );
      expect(problems.map((p) => p.path)).toEqual([
        'processing.minimumSample.IIT',
        'processing.populationEntered.EIT1',
        'processing.minimumSample.EIT2',
      ]);
    });
  });
});
