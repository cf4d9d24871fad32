// What a respondent sees for one instrument and agency type, and the check that a submitted answer sheet
// fits it. Answers use the scoring engine's shape (SurveyResponse.answers), so what is stored can be scored
// without conversion. Every applicable question is required: ITA scores are means over respondents, and a
// sheet with holes would weigh questions differently from respondent to respondent.

import type { AgencyType } from '../../shared/agency-types.ts';
import { notFound } from '../errors.ts';
import type { Framework, Localized } from '../framework/schema.ts';
// The applicability rule lives in the scoring engine; sharing it guarantees that the questions shown are
// exactly the questions scored.
import { appliesTo } from '../scoring/answers.ts';

export interface QuestionnaireOption {
  value: string;
  label: Localized;
}

export interface QuestionnaireQuestion {
  code: string;
  text: Localized;
  scaleCode: string;
  /** In the scale's order; quality checks use the position (index) of the chosen option. */
  options: QuestionnaireOption[];
  /** Empty for a single-answer question; otherwise each sub-item is answered separately. */
  subItems: { code: string; text: Localized }[];
}

export interface QuestionnaireGroup {
  indicator: { code: string; name: Localized };
  questions: QuestionnaireQuestion[];
}

export interface Questionnaire {
  year: number;
  instrument: { code: string; name: Localized };
  agencyType: AgencyType;
  /** One group per indicator of the instrument that has an applicable question, in the instrument's order. */
  groups: QuestionnaireGroup[];
}

/** What the respondent page renders. Scores and polarity are left out: respondents need neither. */
export function buildQuestionnaire(
  framework: Framework,
  instrumentCode: string,
  agencyType: AgencyType,
): Questionnaire {
  const instrument = framework.instruments.find((i) => i.code === instrumentCode);
  if (!instrument || instrument.collection === 'open_data')
    throw notFound(
      'unknown_survey_instrument',
      `ไม่พบแบบสอบถาม ${instrumentCode} ในกรอบการประเมินปี ${framework.year}`,
      `The FY${framework.year} framework has no survey instrument ${instrumentCode}`,
    );
  const scales = new Map(framework.scales.map((s) => [s.code, s]));
  const groups: QuestionnaireGroup[] = [];
  for (const indicatorCode of instrument.indicators) {
    const indicator = framework.indicators.find((i) => i.code === indicatorCode);
    const questions = framework.questions
      .filter((q) => q.indicator === indicatorCode && appliesTo(q, agencyType))
      .map((q) => ({
        code: q.code,
        text: q.text,
        scaleCode: q.scale,
        // ZValidFramework guarantees the scale exists; `?? []` only satisfies the type checker.
        options: (scales.get(q.scale)?.options ?? []).map((o) => ({ value: o.value, label: o.label })),
        subItems: q.subItems.map((s) => ({ code: s.code, text: s.text })),
      }));
    if (indicator && questions.length > 0)
      groups.push({ indicator: { code: indicator.code, name: indicator.name }, questions });
  }
  return {
    year: framework.year,
    instrument: { code: instrument.code, name: instrument.name },
    agencyType,
    groups,
  };
}

export function questionsOf(questionnaire: Questionnaire): QuestionnaireQuestion[] {
  return questionnaire.groups.flatMap((g) => g.questions);
}

export type AnswerProblemCode =
  | 'unknown_question' // not a question of this instrument
  | 'not_applicable' // a question of the instrument that does not apply to this agency type
  | 'unknown_option'
  | 'unknown_sub_item'
  | 'missing_sub_item'
  | 'unanswered'
  | 'answer_shape'; // a single option where sub-items are expected, or the other way round

export interface AnswerProblem {
  code: AnswerProblemCode;
  questionCode: string;
  subItemCode?: string;
  th: string;
  en: string;
}

/**
 * Every problem of an answer sheet, in questionnaire order (then unknown questions), so that the respondent
 * page can point at each one. An empty list means the sheet is complete and valid. Values are `unknown`
 * because this runs on what a browser sent.
 */
export function validateAnswers(
  framework: Framework,
  instrumentCode: string,
  agencyType: AgencyType,
  answers: Readonly<Record<string, unknown>>,
): AnswerProblem[] {
  const questionnaire = buildQuestionnaire(framework, instrumentCode, agencyType);
  const problems: AnswerProblem[] = [];
  const asked = questionsOf(questionnaire);
  for (const question of asked) {
    if (!Object.hasOwn(answers, question.code) || answers[question.code] === undefined) {
      problems.push(unanswered(question.code));
      continue;
    }
    problems.push(...answerProblems(question, answers[question.code]));
  }
  const askedCodes = new Set(asked.map((q) => q.code));
  const instrument = framework.instruments.find((i) => i.code === instrumentCode);
  for (const code of Object.keys(answers)) {
    if (askedCodes.has(code)) continue;
    const ofInstrument = framework.questions.some(
      (q) => q.code === code && instrument?.indicators.includes(q.indicator),
    );
    problems.push(
      ofInstrument
        ? {
            code: 'not_applicable',
            questionCode: code,
            th: `ข้อ ${code} ไม่ใช้กับหน่วยงานประเภทนี้`,
            en: `Question ${code} does not apply to this type of agency`,
          }
        : {
            code: 'unknown_question',
            questionCode: code,
            th: `ไม่พบข้อคำถาม ${code} ในแบบสอบถามนี้`,
            en: `Question ${code} is not part of this questionnaire`,
          },
    );
  }
  return problems;
}

function answerProblems(question: QuestionnaireQuestion, value: unknown): AnswerProblem[] {
  const code = question.code;
  if (question.subItems.length === 0) {
    if (typeof value !== 'string') return [shape(code, false)];
    return isOption(question, value) ? [] : [unknownOption(code, value)];
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [shape(code, true)];
  const perSubItem = value as Record<string, unknown>;
  const problems: AnswerProblem[] = [];
  for (const sub of question.subItems) {
    const option = Object.hasOwn(perSubItem, sub.code) ? perSubItem[sub.code] : undefined;
    if (option === undefined)
      problems.push({
        code: 'missing_sub_item',
        questionCode: code,
        subItemCode: sub.code,
        th: `ยังไม่ได้ตอบข้อ ${code} ข้อย่อย ${sub.code}`,
        en: `Question ${code}, sub-item ${sub.code} is unanswered`,
      });
    else if (typeof option !== 'string') problems.push({ ...shape(code, false), subItemCode: sub.code });
    else if (!isOption(question, option))
      problems.push({ ...unknownOption(code, option), subItemCode: sub.code });
  }
  for (const subCode of Object.keys(perSubItem))
    if (!question.subItems.some((s) => s.code === subCode))
      problems.push({
        code: 'unknown_sub_item',
        questionCode: code,
        subItemCode: subCode,
        th: `ไม่พบข้อย่อย ${subCode} ในข้อ ${code}`,
        en: `Question ${code} has no sub-item ${subCode}`,
      });
  return problems;
}

const isOption = (question: QuestionnaireQuestion, value: string) =>
  question.options.some((o) => o.value === value);

const unanswered = (questionCode: string): AnswerProblem => ({
  code: 'unanswered',
  questionCode,
  th: `ยังไม่ได้ตอบข้อ ${questionCode}`,
  en: `Question ${questionCode} is unanswered`,
});

// The option text is the respondent's own input: cut it short so a message cannot carry a long payload.
const unknownOption = (questionCode: string, value: string): AnswerProblem => {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return {
    code: 'unknown_option',
    questionCode,
    th: `ตัวเลือก "${shown}" ไม่มีในข้อ ${questionCode}`,
    en: `Option "${shown}" is not an answer to question ${questionCode}`,
  };
};

const shape = (questionCode: string, perSubItem: boolean): AnswerProblem => ({
  code: 'answer_shape',
  questionCode,
  th: perSubItem ? `ข้อ ${questionCode} ต้องตอบแยกตามข้อย่อย` : `ข้อ ${questionCode} ต้องตอบเป็นตัวเลือกเดียว`,
  en: perSubItem
    ? `Question ${questionCode} is answered per sub-item`
    : `Question ${questionCode} takes a single option`,
});
