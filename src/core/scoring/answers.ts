// From raw answers to unrounded scores: validate every answer against the framework, decide which
// instruments are processed, then score questions → indicators → instruments (seed 004's table).

import type { AgencyType } from '../../shared/agency-types.ts';
import type { Framework, Instrument, OitItem, Question, Scale } from '../framework/schema.ts';
import { meanOf, sumOf } from './arithmetic.ts';
import type { AnswersInput, AnswerValue, NotProcessedReason, UnroundedScores } from './engine.ts';
import { FrameworkRuleError, invalidScoringInput, problem, type ScoringProblem } from './errors.ts';
import { processingFailure } from './processing.ts';

type Applicable = { appliesTo?: { onlyTypes?: readonly string[]; exceptTypes?: readonly string[] } };

export function appliesTo(item: Applicable, agencyType: AgencyType): boolean {
  const a = item.appliesTo;
  if (a?.onlyTypes) return a.onlyTypes.includes(agencyType);
  if (a?.exceptTypes) return !a.exceptTypes.includes(agencyType);
  return true;
}

export function scoreAnswers(framework: Framework, input: AnswersInput): UnroundedScores {
  const problems: ScoringProblem[] = [];
  const scales = new Map(framework.scales.map((s) => [s.code, s]));
  const surveys = surveyInstruments(framework);
  checkSurveyKeys(framework, Object.keys(input.responses), 'responses', problems);

  // Per survey instrument and applicable question, one score per respondent who answered it.
  const questionScores = new Map<string, Map<string, number>>();
  for (const inst of surveys) {
    const perQuestion = new Map<string, number[]>();
    const questions = questionsOf(framework, inst);
    (input.responses[inst.code] ?? []).forEach((response, r) => {
      for (const [code, value] of Object.entries(response.answers)) {
        const path = `responses.${inst.code}[${r}].answers.${code}`;
        const question = questions.get(code);
        if (!question) {
          problems.push(unknownQuestion(path, code, inst.code));
          continue;
        }
        const score = answerScore(question, scales.get(question.scale), value, path, problems);
        // Answers to questions that do not apply to this agency type are ignored, not rejected: an agency
        // re-classified mid-cycle keeps responses collected under its old type.
        if (score === undefined || !appliesTo(question, input.agencyType)) continue;
        const list = perQuestion.get(code) ?? [];
        list.push(score);
        perQuestion.set(code, list);
      }
    });
    // Sorting makes the sum, and so the score, independent of the order responses arrived in.
    const scores = new Map<string, number>();
    for (const [code, answers] of perQuestion)
      scores.set(code, sumOf([...answers].sort((a, b) => a - b)) / answers.length);
    questionScores.set(inst.code, scores);
  }
  const respondents = (code: string) => input.responses[code]?.length ?? 0;
  return finishScores(framework, input, respondents, questionScores, problems);
}

/** The framework's survey instruments; refuses a structure-level framework (see requireQuestionLevel). */
export function surveyInstruments(framework: Framework): Instrument[] {
  const surveys = framework.instruments.filter((i) => i.collection !== 'open_data');
  requireQuestionLevel(framework, surveys.length > 0);
  return surveys;
}

/** The questions an instrument asks (those of the indicators it scores), by code. */
export function questionsOf(framework: Framework, inst: Instrument): Map<string, Question> {
  return new Map(
    framework.questions.filter((q) => inst.indicators.includes(q.indicator)).map((q) => [q.code, q]),
  );
}

/** Notes every key of the answers (or counts) that is not a survey instrument of the framework. */
export function checkSurveyKeys(
  framework: Framework,
  keys: readonly string[],
  path: string,
  problems: ScoringProblem[],
) {
  const known = new Set(framework.instruments.map((i) => i.code));
  const surveys = new Set(
    framework.instruments.filter((i) => i.collection !== 'open_data').map((i) => i.code),
  );
  for (const code of keys)
    if (!surveys.has(code))
      problems.push(
        known.has(code)
          ? problem(
              'unknown_instrument',
              `${path}.${code}`,
              `แบบวัด ${code} ไม่ได้เก็บข้อมูลด้วยแบบสอบถาม`,
              `Instrument ${code} is not a survey`,
            )
          : problem(
              'unknown_instrument',
              `${path}.${code}`,
              `ไม่พบแบบวัด ${code} ในกรอบการประเมิน`,
              `Unknown instrument ${code}`,
            ),
      );
}

export function unknownQuestion(path: string, code: string, instrument: string): ScoringProblem {
  return problem(
    'unknown_question',
    path,
    `ไม่พบข้อคำถาม ${code} ในแบบวัด ${instrument}`,
    `Question ${code} is not part of instrument ${instrument}`,
  );
}

/**
 * Everything after the answers are collected, shared by scoring from raw answers and from answer counts so
 * that the two cannot disagree: OIT checks, processing conditions, questions → indicators → instruments.
 * `questionScores` holds, per survey instrument, the full-precision score of every applicable question that
 * somebody answered; `respondents` the number of responses per instrument. Throws on any problem noted.
 */
export function finishScores(
  framework: Framework,
  input: Pick<AnswersInput, 'agencyType' | 'oit' | 'processing'>,
  respondents: (instrument: string) => number,
  questionScores: ReadonlyMap<string, ReadonlyMap<string, number>>,
  problems: ScoringProblem[],
): UnroundedScores {
  const oitCodes = new Map(framework.oitItems.map((o) => [o.code, o]));
  for (const [code, score] of Object.entries(input.oit)) {
    if (!oitCodes.has(code))
      problems.push(
        problem('unknown_oit_item', `oit.${code}`, `ไม่พบข้อ OIT ${code}`, `Unknown OIT item ${code}`),
      );
    else if (score !== 0 && score !== 100)
      problems.push(
        problem(
          'oit_score_not_binary',
          `oit.${code}`,
          `คะแนนข้อ OIT ${code} ต้องเป็น 0 หรือ 100 (ได้รับ ${score})`,
          `OIT item ${code} must score 0 or 100 (got ${score})`,
        ),
      );
  }

  const notProcessed: Record<string, NotProcessedReason> = {};
  for (const inst of framework.instruments) {
    const failed = processingFailure(inst, input.processing, respondents(inst.code), problems);
    if (failed) notProcessed[inst.code] = failed;
  }

  const scores: Required<UnroundedScores> = {
    instruments: {},
    indicatorsByInstrument: {},
    notProcessed,
    subIndicators: {},
    questions: {},
  };
  for (const inst of framework.instruments) {
    if (notProcessed[inst.code]) continue;
    const scored =
      inst.collection === 'open_data'
        ? scoreOpenData(framework, inst, input, problems)
        : scoreSurvey(framework, inst, input.agencyType, questionScores.get(inst.code) ?? new Map());
    if (!scored) {
      // Processing conditions held but nothing scorable was collected (e.g. no conditions listed and no
      // responses): treat it as not answered rather than invent a score.
      notProcessed[inst.code] = 'answered';
      continue;
    }
    scores.instruments[inst.code] = meanOf(Object.values(scored.indicators));
    scores.indicatorsByInstrument[inst.code] = scored.indicators;
    scores.questions[inst.code] = scored.questions;
    Object.assign(scores.subIndicators, scored.subIndicators);
  }
  if (problems.length > 0) throw invalidScoringInput(problems);
  return scores;
}

/** A respondent's score for one question, or undefined when unanswered (or invalid: a problem is noted). */
export function answerScore(
  question: Question,
  scale: Scale | undefined,
  value: AnswerValue,
  path: string,
  problems: ScoringProblem[],
): number | undefined {
  const optionScore = (option: string, reversed: boolean, at: string) => {
    const found = scale?.options.find((o) => o.value === option);
    if (found) return reversed ? 100 - found.score : found.score;
    problems.push(
      problem(
        'unknown_option',
        at,
        `ตัวเลือก "${option}" ไม่มีในมาตรวัดของข้อ ${question.code}`,
        `Option "${option}" is not on the scale of question ${question.code}`,
      ),
    );
    return undefined;
  };
  const hasSubItems = question.subItems.length > 0;
  const isPerSubItem = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (hasSubItems ? !isPerSubItem : typeof value !== 'string') {
    problems.push(
      problem(
        'answer_shape',
        path,
        hasSubItems ? `ข้อ ${question.code} ต้องตอบแยกตามข้อย่อย` : `ข้อ ${question.code} ต้องตอบเป็นตัวเลือกเดียว`,
        hasSubItems
          ? `Question ${question.code} is answered per sub-item`
          : `Question ${question.code} takes a single option`,
      ),
    );
    return undefined;
  }
  if (typeof value === 'string') return optionScore(value, question.polarity === 'reversed', path);

  for (const sub of Object.keys(value))
    if (!question.subItems.some((s) => s.code === sub))
      problems.push(
        problem(
          'unknown_sub_item',
          `${path}.${sub}`,
          `ไม่พบข้อย่อย ${sub} ในข้อ ${question.code}`,
          `Question ${question.code} has no sub-item ${sub}`,
        ),
      );
  // Sub-items in the framework's order, not the answer's key order, so the mean is reproducible.
  const subScores: number[] = [];
  for (const sub of question.subItems) {
    const option = value[sub.code];
    if (option === undefined) continue;
    const polarity = sub.polarity ?? question.polarity;
    const score = optionScore(option, polarity === 'reversed', `${path}.${sub.code}`);
    if (score !== undefined) subScores.push(score);
  }
  return subScores.length > 0 ? meanOf(subScores) : undefined;
}

interface ScoredInstrument {
  indicators: Record<string, number>;
  questions: Record<string, number>;
  subIndicators?: Record<string, number>;
}

function scoreSurvey(
  framework: Framework,
  inst: Instrument,
  agencyType: AgencyType,
  questionScores: ReadonlyMap<string, number>,
): ScoredInstrument | undefined {
  const indicators: Record<string, number> = {};
  const questions: Record<string, number> = {};
  for (const indicator of inst.indicators) {
    const applicable = framework.questions.filter(
      (q) => q.indicator === indicator && appliesTo(q, agencyType),
    );
    // An indicator none of whose questions apply to this agency type is not part of its score.
    if (applicable.length === 0) continue;
    const scored: number[] = [];
    for (const q of applicable) {
      const score = questionScores.get(q.code);
      if (score === undefined) continue; // nobody answered it: skipped, like a respondent's skipped question
      questions[q.code] = score;
      scored.push(score);
    }
    if (scored.length === 0) return undefined;
    indicators[indicator] = meanOf(scored);
  }
  return Object.keys(indicators).length > 0 ? { indicators, questions } : undefined;
}

function scoreOpenData(
  framework: Framework,
  inst: Instrument,
  input: Pick<AnswersInput, 'agencyType' | 'oit'>,
  problems: ScoringProblem[],
): ScoredInstrument | undefined {
  const indicators: Record<string, number> = {};
  const subIndicators: Record<string, number> = {};
  const questions: Record<string, number> = {};
  const applicable = framework.oitItems.filter(
    (o) => inst.indicators.includes(o.indicator) && appliesTo(o, input.agencyType),
  );
  for (const indicator of framework.indicators.filter((i) => inst.indicators.includes(i.code))) {
    const subScores: number[] = [];
    for (const sub of indicator.subIndicators) {
      const items = applicable.filter((o: OitItem) => o.subIndicator === sub.code);
      if (items.length === 0) continue; // no item of it applies to this agency type
      const itemScores: number[] = [];
      for (const item of items) {
        const score = input.oit[item.code];
        if (score === undefined) {
          problems.push(
            problem(
              'missing_score',
              `oit.${item.code}`,
              `ยังไม่มีคะแนนข้อ OIT ${item.code}`,
              `OIT item ${item.code} has no score`,
            ),
          );
          continue;
        }
        questions[item.code] = score;
        itemScores.push(score);
      }
      if (itemScores.length === 0) continue;
      subIndicators[sub.code] = meanOf(itemScores);
      subScores.push(subIndicators[sub.code] as number);
    }
    if (subScores.length > 0) indicators[indicator.code] = meanOf(subScores);
  }
  return Object.keys(indicators).length > 0 ? { indicators, questions, subIndicators } : undefined;
}

// A structure-level framework (published scores only, no questions or items) cannot score answers; saying
// so beats reporting every instrument as "not answered".
function requireQuestionLevel(framework: Framework, hasSurveys: boolean) {
  const hasOpenData = framework.instruments.some((i) => i.collection === 'open_data');
  if ((hasSurveys && framework.questions.length === 0) || (hasOpenData && framework.oitItems.length === 0))
    throw new FrameworkRuleError(
      'framework_without_questions',
      `กรอบการประเมินปี ${framework.year} ไม่มีข้อคำถาม จึงคำนวณคะแนนจากคำตอบไม่ได้`,
      `The FY${framework.year} framework has no questions or OIT items, so answers cannot be scored`,
      { year: framework.year },
    );
}
