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
  return answerValidator(framework, instrumentCode, agencyType)(answers);
}

export type AnswerValidator = (answers: Readonly<Record<string, unknown>>) => AnswerProblem[];

/**
 * validateAnswers for one instrument and agency type, with the questionnaire worked out once: for callers
 * that check many sheets against the same framework (the public submit keeps one per framework in force).
 */
export function answerValidator(
  framework: Framework,
  instrumentCode: string,
  agencyType: AgencyType,
): AnswerValidator {
  const asked = questionsOf(buildQuestionnaire(framework, instrumentCode, agencyType)).map((question) => ({
    question,
    options: new Set(question.options.map((o) => o.value)),
    subItems: new Set(question.subItems.map((s) => s.code)),
  }));
  const askedCodes = new Set(asked.map((a) => a.question.code));
  const instrument = framework.instruments.find((i) => i.code === instrumentCode);
  const ofInstrument = new Set(
    framework.questions.filter((q) => instrument?.indicators.includes(q.indicator)).map((q) => q.code),
  );
  return (answers) => {
    const problems: AnswerProblem[] = [];
    for (const a of asked) {
      const code = a.question.code;
      if (!Object.hasOwn(answers, code) || answers[code] === undefined) problems.push(unanswered(code));
      else answerProblems(a, answers[code], problems);
    }
    for (const code of Object.keys(answers)) {
      if (askedCodes.has(code)) continue;
      problems.push(
        ofInstrument.has(code)
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
  };
}

interface AskedQuestion {
  question: QuestionnaireQuestion;
  options: ReadonlySet<string>;
  subItems: ReadonlySet<string>;
}

/** Adds the problems of one answer to `problems`. */
function answerProblems(asked: AskedQuestion, value: unknown, problems: AnswerProblem[]): void {
  const { question } = asked;
  const code = question.code;
  if (question.subItems.length === 0) {
    if (typeof value !== 'string') problems.push(shape(code, false));
    else if (!asked.options.has(value)) problems.push(unknownOption(code, value));
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(shape(code, true));
    return;
  }
  const perSubItem = value as Record<string, unknown>;
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
    else if (!asked.options.has(option))
      problems.push({ ...unknownOption(code, option), subItemCode: sub.code });
  }
  for (const subCode of Object.keys(perSubItem))
    if (!asked.subItems.has(subCode))
      problems.push({
        code: 'unknown_sub_item',
        questionCode: code,
        subItemCode: subCode,
        th: `ไม่พบข้อย่อย ${subCode} ในข้อ ${code}`,
        en: `Question ${code} has no sub-item ${subCode}`,
      });
}

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
