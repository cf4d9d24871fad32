// Scoring from answer counts must equal scoring from the responses they count, bit for bit: the processing
// run aggregates in SQL and scores the counts, the calculator scores responses.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGENCY_TYPES } from '../../shared/agency-types.ts';
import { type Framework, ZValidFramework } from '../framework/schema.ts';
import { scoreAnswers } from './answers.ts';
import { type CountsInput, countsOf, scoreCounts, scoreFromCounts } from './counts.ts';
import type { AnswersInput, AnswerValue, SurveyResponse } from './engine.ts';
import { scoreFromAnswers } from './engine.ts';
import { ScoringError } from './errors.ts';
import { handCase, miniFramework, problemsOf } from './test-fixtures.ts';

const dir = new URL('../../../frameworks/', import.meta.url);
const bundled: Framework[] = readdirSync(dir)
  .filter((f) => /^fy\d{4}\.json$/.test(f))
  .sort()
  .map((f) => ZValidFramework.parse(JSON.parse(readFileSync(new URL(f, dir), 'utf8'))));
const questionLevel = bundled.filter((f) => f.questions.length > 0);

const countsInput = (input: AnswersInput): CountsInput => ({
  agencyType: input.agencyType,
  counts: countsOf(input.responses),
  oit: input.oit,
  processing: input.processing,
});

/** Random respondents of one instrument: each answers any subset of its questions (and of sub-items). */
function responsesFor(framework: Framework, instrument: string, maxLength: number) {
  const inst = framework.instruments.find((i) => i.code === instrument);
  const questions = framework.questions.filter((q) => inst?.indicators.includes(q.indicator));
  const optionsOf = (scale: string) =>
    (framework.scales.find((s) => s.code === scale)?.options ?? []).map((o) => o.value);
  // Few distinct options per draw so that equal answers (and so counts above 1) are common.
  const answer = (q: (typeof questions)[number]): fc.Arbitrary<AnswerValue> =>
    q.subItems.length === 0
      ? fc.constantFrom(...optionsOf(q.scale))
      : fc
          .record(
            Object.fromEntries(q.subItems.map((s) => [s.code, fc.constantFrom(...optionsOf(q.scale))])),
            { requiredKeys: [] },
          )
          .map((a) => a as Record<string, string>);
  const response = fc
    .record(Object.fromEntries(questions.map((q) => [q.code, answer(q)])), { requiredKeys: [] })
    .map((answers): SurveyResponse => ({ answers: answers as Record<string, AnswerValue> }));
  return fc.array(response, { maxLength });
}

function inputFor(framework: Framework): fc.Arbitrary<AnswersInput> {
  const surveys = framework.instruments.filter((i) => i.collection !== 'open_data');
  return fc.record({
    agencyType: fc.constantFrom(...AGENCY_TYPES),
    responses: fc.record(
      Object.fromEntries(surveys.map((i) => [i.code, responsesFor(framework, i.code, 60)])),
      { requiredKeys: [] },
    ),
    oit: fc.record(Object.fromEntries(framework.oitItems.map((o) => [o.code, fc.constantFrom(0, 100)]))),
    processing: fc.record({
      registered: fc.constantFrom(true, true, true, true, false),
      populationEntered: fc.record(Object.fromEntries(surveys.map((i) => [i.code, fc.boolean()]))),
      minimumSample: fc.record(Object.fromEntries(surveys.map((i) => [i.code, fc.nat(20)]))),
      oitAnswered: fc.boolean(),
    }),
  }) as fc.Arbitrary<AnswersInput>;
}

describe('scoreFromCounts', () => {
  it('has the bundled question-level frameworks to test against', () => {
    expect(questionLevel.map((f) => f.year)).toEqual([2566, 2567, 2568]);
  });

  it.each(questionLevel.map((f) => [f.year, f] as const))(
    'FY%i: counts of random responses score exactly as the responses do, unrounded and reported',
    (_year, framework) => {
      fc.assert(
        fc.property(inputFor(framework), (input) => {
          expect(scoreCounts(framework, countsInput(input))).toStrictEqual(scoreAnswers(framework, input));
          expect(scoreFromCounts(framework, countsInput(input))).toStrictEqual(
            scoreFromAnswers(framework, input),
          );
        }),
        { numRuns: 60 },
      );
    },
  );

  it('agrees on large samples, where the order of additions shows in the last bits', () => {
    const framework = questionLevel.at(-1) as Framework;
    const big = fc.record({
      agencyType: fc.constant('sao' as const),
      responses: fc.record({
        IIT: responsesFor(framework, 'IIT', 1500),
        EIT1: responsesFor(framework, 'EIT1', 800),
      }),
      oit: fc.constant({}),
      processing: fc.constant({
        registered: true,
        populationEntered: { IIT: true, EIT1: true },
        minimumSample: { IIT: 0, EIT1: 0, EIT2: 0 },
        oitAnswered: false,
      }),
    }) as fc.Arbitrary<AnswersInput>;
    fc.assert(
      fc.property(big, (input) => {
        expect(scoreCounts(framework, countsInput(input))).toStrictEqual(scoreAnswers(framework, input));
      }),
      { numRuns: 8 },
    );
  });

  it('does not depend on the order of the counts, of sub-item keys, or on an answer counted in two parts', () => {
    const framework = miniFramework();
    const input = handCase();
    const counts = countsOf(input.responses);
    const iit = counts.IIT;
    if (!iit) throw new Error('no IIT counts');
    const a3 = (iit.answers.a3 ?? []).map(({ answer, count }) => ({
      // jsonb hands objects back with its own key order
      answer: Object.fromEntries(Object.entries(answer as Record<string, string>).reverse()),
      count,
    }));
    const [first, ...rest] = [...(iit.answers.a1 ?? [])].reverse();
    if (!first) throw new Error('no a1 counts');
    const split =
      first.count > 1
        ? [{ ...first, count: 1 }, { ...first, count: first.count - 1 }, ...rest]
        : [first, ...rest];
    const shuffled = { ...counts, IIT: { ...iit, answers: { ...iit.answers, a1: split, a3 } } };
    expect(scoreFromCounts(framework, { ...countsInput(input), counts: shuffled })).toStrictEqual(
      scoreFromAnswers(framework, input),
    );
  });

  it('counts each distinct answer once per respondent, sub-item keys in a fixed order', () => {
    const counts = countsOf({
      IIT: [
        { answers: { a1: 'most', a3: { y: 'no', x: 'yes' } } },
        { answers: { a1: 'most', a3: { x: 'yes', y: 'no' } } },
        { answers: {} },
      ],
    });
    expect(counts).toStrictEqual({
      IIT: {
        respondents: 3,
        answers: {
          a1: [{ answer: 'most', count: 2 }],
          a3: [{ answer: { x: 'yes', y: 'no' }, count: 2 }],
        },
      },
    });
    expect(Object.keys(counts.IIT?.answers.a3?.[0]?.answer as object)).toEqual(['x', 'y']);
  });

  it('refuses a structure-level framework as scoreFromAnswers does', () => {
    const structure = bundled.find((f) => f.questions.length === 0) as Framework;
    const input = { agencyType: 'sao' as const, oit: {}, processing: handCase().processing };
    const viaCounts = () => scoreFromCounts(structure, { ...input, counts: {} });
    const viaAnswers = () => scoreFromAnswers(structure, { ...input, responses: {} });
    expect(viaCounts).toThrow(ScoringError);
    expect(caught(viaCounts)).toEqual(caught(viaAnswers));
  });

  it('reports bad counts, unknown questions and answers, and more answers than respondents', () => {
    const framework = miniFramework();
    const base = countsInput(handCase());
    const codes = problemsOf(() =>
      scoreFromCounts(framework, {
        ...base,
        counts: {
          IIT: {
            respondents: 2,
            answers: {
              a1: [
                { answer: 'most', count: 2 },
                { answer: 'none', count: 1 },
              ],
              a2: [{ answer: 'often', count: 1 }],
              a3: [{ answer: 'yes', count: 1 }],
              zz: [{ answer: 'most', count: 1 }],
              e1: [{ answer: 'most', count: 0 }],
            },
          },
          EIT1: { respondents: -1, answers: {} },
          OIT: { respondents: 1, answers: {} },
        },
      }),
    ).map((p) => `${p.code} ${p.path}`);
    expect(codes).toEqual([
      'unknown_instrument counts.OIT',
      'count_exceeds_respondents counts.IIT.answers.a1',
      'unknown_option counts.IIT.answers.a2[0].answer',
      'answer_shape counts.IIT.answers.a3[0].answer',
      'unknown_question counts.IIT.answers.zz',
      'unknown_question counts.IIT.answers.e1',
      'invalid_count counts.EIT1.respondents',
    ]);
  });
});

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e instanceof ScoringError ? { code: e.code, th: e.th, en: e.en } : e;
  }
  throw new Error('expected a throw');
}
