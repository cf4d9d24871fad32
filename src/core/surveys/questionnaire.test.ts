import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { ZValidFramework } from '../framework/schema.ts';
import { scoreFromAnswers } from '../scoring/index.ts';
import { answerValidator, buildQuestionnaire, questionsOf, validateAnswers } from './questionnaire.ts';
import { surveyFramework, VALID_SAO_IIT } from './test-fixtures.ts';

const framework = surveyFramework();
const codesOf = (instrument: string, type: 'sao' | 'university' | 'province') =>
  questionsOf(buildQuestionnaire(framework, instrument, type)).map((q) => q.code);

describe('buildQuestionnaire', () => {
  it('groups the applicable questions by indicator, in framework order', () => {
    const sut = buildQuestionnaire(framework, 'IIT', 'sao');
    expect(sut.groups.map((g) => [g.indicator.code, g.questions.map((q) => q.code)])).toEqual([
      ['1', ['a1', 'a2', 'a3']],
      ['2', ['a4', 'a5', 'a6']],
    ]);
    expect(sut.groups[0]?.indicator.name).toEqual({ th: 'หน้าที่', en: 'Duties' });
  });

  it('applies onlyTypes and exceptTypes', () => {
    expect(codesOf('IIT', 'university')).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8']);
    expect(codesOf('IIT', 'province')).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a8']);
  });

  it('gives each question its scale options in order and its sub-items, without scores', () => {
    const [a1, a2, a3] = questionsOf(buildQuestionnaire(framework, 'IIT', 'sao'));
    expect(a1?.options.map((o) => o.value)).toEqual(['none', 'little', 'much', 'most']);
    expect(a1?.options[0]).toEqual({ value: 'none', label: { th: 'ระดับ 0' } });
    expect(a2?.subItems.map((s) => s.code)).toEqual(['x', 'y']);
    expect(a3?.scaleCode).toBe('yesno');
  });

  it('gives EIT parts 1 and 2 the same questions, since they share indicators', () => {
    expect(codesOf('EIT1', 'sao')).toEqual(['e1', 'e2']);
    expect(codesOf('EIT2', 'sao')).toEqual(['e1', 'e2']);
  });

  it('refuses open-data and unknown instruments', () => {
    for (const code of ['OIT', 'NOPE']) {
      const call = () => buildQuestionnaire(framework, code, 'sao');
      expect(call).toThrow(DomainError);
      expect(call).toThrow(expect.objectContaining({ kind: 'not_found', code: 'unknown_survey_instrument' }));
    }
  });

  it('gives the FY2568 IIT 15 questions in 5 groups', () => {
    const fy2568 = ZValidFramework.parse(JSON.parse(readFileSync('frameworks/fy2568.json', 'utf8')));
    const sut = buildQuestionnaire(fy2568, 'IIT', 'sao');
    expect(sut.groups).toHaveLength(5);
    expect(questionsOf(sut)).toHaveLength(15);
  });
});

describe('validateAnswers', () => {
  const validate = (answers: Record<string, unknown>, type: 'sao' | 'university' = 'sao') =>
    validateAnswers(framework, 'IIT', type, answers);
  const codes = (answers: Record<string, unknown>) =>
    validate(answers).map((p) => [p.code, p.questionCode, p.subItemCode].filter(Boolean).join(':'));

  it('accepts a complete sheet', () => {
    expect(validate(VALID_SAO_IIT)).toEqual([]);
  });

  it('requires every applicable question', () => {
    const { a4: _, ...rest } = VALID_SAO_IIT;
    expect(codes(rest)).toEqual(['unanswered:a4']);
    expect(validate(VALID_SAO_IIT, 'university').map((p) => p.questionCode)).toEqual(['a7', 'a8']);
  });

  it('names unknown and not-applicable questions', () => {
    expect(codes({ ...VALID_SAO_IIT, a7: 'most', zz9: 'most', e1: 'most' })).toEqual([
      'not_applicable:a7',
      'unknown_question:zz9',
      'unknown_question:e1',
    ]);
  });

  it('names unknown options, sub-items and missing sub-items', () => {
    expect(
      codes({ ...VALID_SAO_IIT, a1: 'maybe', a2: { x: 'much', z: 'most' }, a3: { p: 'no', q: 'most' } }),
    ).toEqual(['unknown_option:a1', 'missing_sub_item:a2:y', 'unknown_sub_item:a2:z', 'unknown_option:a3:q']);
  });

  it('rejects a wrong answer shape', () => {
    expect(codes({ ...VALID_SAO_IIT, a1: { x: 'most' }, a2: 'most', a4: 3, a5: null, a6: ['most'] })).toEqual(
      ['answer_shape:a1', 'answer_shape:a2', 'answer_shape:a4', 'answer_shape:a5', 'answer_shape:a6'],
    );
    expect(codes({ ...VALID_SAO_IIT, a2: { x: 1, y: 'most' } })).toEqual(['answer_shape:a2:x']);
  });

  it('explains every problem in Thai and English', () => {
    for (const p of validate({ a1: 'maybe', zz9: 1 })) {
      expect(p.th).toMatch(/[\u0E00-\u0E7F]/);
      expect(p.en).toMatch(/[A-Za-z]/);
    }
  });

  it('does not trip over inherited property names', () => {
    expect(codes({ ...VALID_SAO_IIT, ['__proto__']: 'x', constructor: 'x' })).toContain(
      'unknown_question:constructor',
    );
  });

  it('answers the same through a validator made once and reused for many sheets', () => {
    const check = answerValidator(framework, 'IIT', 'sao');
    const sheets = [
      VALID_SAO_IIT,
      { a1: 'maybe', zz9: 1 },
      { ...VALID_SAO_IIT, a2: { x: 1, y: 'most' } },
      {},
    ];
    for (const sheet of sheets) expect(check(sheet)).toEqual(validate(sheet));
    expect(check(VALID_SAO_IIT)).toEqual([]);
  });

  it('property: a sheet passes exactly when it can be scored with every question answered', () => {
    const option = fc.constantFrom('none', 'little', 'much', 'most');
    const yesNo = fc.constantFrom('yes', 'no');
    const sheet = fc.record({
      a1: option,
      a2: fc.record({ x: option, y: option }),
      a3: fc.record({ p: yesNo, q: yesNo }),
      a4: option,
      a5: option,
      a6: option,
    });
    fc.assert(
      fc.property(sheet, fc.subarray(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']), (answers, dropped) => {
        const partial = Object.fromEntries(Object.entries(answers).filter(([k]) => !dropped.includes(k)));
        const problems = validate(partial);
        expect(problems.map((p) => p.questionCode)).toEqual(dropped);
        expect(problems.every((p) => p.code === 'unanswered')).toBe(true);
        if (dropped.length === 0) {
          // A valid sheet is one the scoring engine accepts.
          const scored = scoreFromAnswers(framework, {
            agencyType: 'sao',
            responses: { IIT: [{ answers: partial as Record<string, string> }] },
            oit: { o1: 100 },
            processing: { registered: true, populationEntered: {}, minimumSample: {}, oitAnswered: true },
          });
          expect(scored.instruments.IIT).not.toBeNull();
        }
      }),
    );
  });
});
