import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type NotProcessedReason,
  type SurveyResponse,
  scoreFromAggregates,
  scoreFromAnswers,
} from './engine.ts';
import { FY2568_RATING, fy2568Structure, handCase, miniFramework } from './test-fixtures.ts';

const fy2568 = fy2568Structure();
const mini = miniFramework();
const INDICATORS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
const RATING_ORDER = FY2568_RATING.rules.map((r) => r.code);

const score = fc.double({ min: 0, max: 100, noNaN: true });
const indicatorScores = fc
  .tuple(...INDICATORS.map(() => score))
  .map((values) => Object.fromEntries(INDICATORS.map((code, i) => [code, values[i] as number])));
const notProcessed = fc
  .subarray(['IIT', 'EIT1', 'EIT2', 'OIT'])
  .map((codes) => Object.fromEntries(codes.map((c) => [c, 'minimum_sample' as NotProcessedReason])));

// Random respondents for the mini framework; any answer may be skipped.
const fourLevel = fc.constantFrom('none', 'little', 'much', 'most');
const yesNo = fc.constantFrom('yes', 'no');
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const compact = (answers: Record<string, unknown>) =>
  ({
    answers: Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined)),
  }) as SurveyResponse;
const iitResponse = fc
  .record({
    a1: optional(fourLevel),
    a2: optional(fourLevel),
    a3: optional(fc.record({ x: yesNo, y: yesNo, z: yesNo }, { requiredKeys: [] })),
    a4: optional(fourLevel),
  })
  .map(compact);
const eitResponse = fc.record({ e1: optional(fourLevel), e2: optional(yesNo) }).map(compact);
const answersInput = fc
  .record({
    IIT: fc.array(iitResponse, { minLength: 1, maxLength: 40 }),
    EIT1: fc.array(eitResponse, { minLength: 1, maxLength: 40 }),
    EIT2: fc.array(eitResponse, { minLength: 1, maxLength: 10 }),
    oit: fc.tuple(fc.constantFrom(0, 100), fc.constantFrom(0, 100), fc.constantFrom(0, 100)),
    agencyType: fc.constantFrom('sao' as const, 'university' as const, 'province' as const),
  })
  .map(({ IIT, EIT1, EIT2, oit, agencyType }) =>
    handCase({
      agencyType,
      responses: { IIT, EIT1, EIT2 },
      oit: { o1: oit[0], o2: oit[1], o3: oit[2], o4: oit[0] },
      processing: {
        registered: true,
        populationEntered: { IIT: true, EIT1: true },
        minimumSample: { IIT: 1, EIT1: 1, EIT2: 1 },
        oitAnswered: true,
      },
    }),
  );

describe('scoring engine properties', () => {
  it('keeps the total within 0–100 from aggregates', () => {
    fc.assert(
      fc.property(indicatorScores, notProcessed, (indicators, skipped) => {
        const { total } = scoreFromAggregates(fy2568, { indicators, notProcessed: skipped });
        expect(total).toBeGreaterThanOrEqual(0);
        expect(total).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('keeps every reported score within 0–100 from answers', () => {
    fc.assert(
      fc.property(answersInput, (input) => {
        const result = scoreFromAnswers(mini, input);
        const reported = [
          result.total,
          ...Object.values(result.instruments).filter((s) => s !== null),
          ...Object.values(result.indicators),
          ...Object.values(result.questions ?? {}).flatMap((qs) => Object.values(qs)),
        ];
        for (const s of reported) expect(s >= 0 && s <= 100).toBe(true);
      }),
    );
  });

  it('never lowers the total or the rating when one indicator rises', () => {
    fc.assert(
      fc.property(indicatorScores, fc.constantFrom(...INDICATORS), score, (indicators, code, other) => {
        const before = indicators[code] as number;
        const raised = { ...indicators, [code]: Math.max(before, other) };
        const a = scoreFromAggregates(fy2568, { indicators });
        const b = scoreFromAggregates(fy2568, { indicators: raised });
        expect(b.total).toBeGreaterThanOrEqual(a.total);
        expect(RATING_ORDER.indexOf(b.rating.code)).toBeLessThanOrEqual(RATING_ORDER.indexOf(a.rating.code));
      }),
    );
  });

  it('does not depend on the order of respondents', () => {
    fc.assert(
      fc.property(
        answersInput.chain((input) =>
          fc
            .record({
              IIT: fc.shuffledSubarray([...(input.responses.IIT ?? [])], {
                minLength: input.responses.IIT?.length,
              }),
              EIT1: fc.shuffledSubarray([...(input.responses.EIT1 ?? [])], {
                minLength: input.responses.EIT1?.length,
              }),
            })
            .map((shuffled) => ({
              input,
              shuffled: { ...input, responses: { ...input.responses, ...shuffled } },
            })),
        ),
        ({ input, shuffled }) => {
          expect(scoreFromAnswers(mini, shuffled)).toEqual(scoreFromAnswers(mini, input));
        },
      ),
    );
  });

  it('gives both EIT parts the same score from indicators, and rates as the total says', () => {
    fc.assert(
      fc.property(indicatorScores, (indicators) => {
        const result = scoreFromAggregates(fy2568, { indicators });
        expect(result.instruments.EIT1).toBe(result.instruments.EIT2);
        expect(result.rating.passes).toBe(result.total >= 85);
      }),
    );
  });
});
