// Scoring from answer counts: what a database aggregate can hand over instead of every response. Per
// instrument, the number of respondents and, per question, every distinct answer with how many gave it.
//
// Why distinct answers and not counts per option (or per sub-item option): a question with sub-items scores
// each respondent as the mean of the sub-items *they* answered, so two respondents who skipped different
// sub-items cannot be told apart from per-sub-item counts. A distinct answer — the option value, or the whole
// object of sub-item options — determines the respondent's score exactly, and PostgreSQL groups jsonb values
// by content (key order does not matter), so `group by question, answer` gives exactly these counts.
//
// The result is identical, to the last bit, to scoring the responses themselves: every distinct answer is
// scored as answers.ts scores a response, and the question's sum runs over the same sorted values with the
// same compensated additions (sumOfRuns), before finishScores does the rest for both paths.
import type { AgencyType } from '../../shared/agency-types.ts';
import type { Framework } from '../framework/schema.ts';
import {
  answerScore,
  appliesTo,
  checkSurveyKeys,
  finishScores,
  questionsOf,
  surveyInstruments,
  unknownQuestion,
} from './answers.ts';
import { sumOfRuns } from './arithmetic.ts';
import {
  type AnswerValue,
  assemble,
  type ProcessingContext,
  type ScoreResult,
  type SurveyResponse,
  type UnroundedScores,
} from './engine.ts';
import { problem, type ScoringProblem } from './errors.ts';

/** One distinct answer to a question and the number of respondents who gave it. */
export interface AnswerCount {
  answer: AnswerValue;
  count: number;
}

export interface InstrumentCounts {
  /** Responses counted for the instrument, whether or not they answered any question (processing uses it). */
  respondents: number;
  /** Per question code, its distinct answers; a respondent who skipped the question is in none of them. */
  answers: Record<string, readonly AnswerCount[]>;
}

export interface CountsInput {
  agencyType: AgencyType;
  /** Per survey instrument (not open data); an absent instrument has no responses. */
  counts: Record<string, InstrumentCounts>;
  oit: Record<string, number>;
  processing: ProcessingContext;
}

/**
 * The reference aggregation: what the processing run's SQL must produce from the same responses (up to the
 * order of lists and of keys inside sub-item answers, which scoring does not depend on). Answers are listed
 * per question in the order of their canonical JSON, so equal inputs give equal outputs.
 */
export function countsOf(
  responses: Record<string, readonly SurveyResponse[]>,
): Record<string, InstrumentCounts> {
  const out: Record<string, InstrumentCounts> = {};
  for (const [instrument, list] of Object.entries(responses)) {
    const perQuestion = new Map<string, Map<string, AnswerCount>>();
    for (const response of list)
      for (const [code, answer] of Object.entries(response.answers)) {
        const distinct = perQuestion.get(code) ?? new Map<string, AnswerCount>();
        perQuestion.set(code, distinct);
        const key = canonicalKey(answer);
        const seen = distinct.get(key);
        if (seen) seen.count++;
        else distinct.set(key, { answer: canonical(answer), count: 1 });
      }
    const answers: Record<string, AnswerCount[]> = {};
    for (const [code, distinct] of [...perQuestion].sort(([a], [b]) => compare(a, b)))
      answers[code] = [...distinct].sort(([a], [b]) => compare(a, b)).map(([, c]) => c);
    out[instrument] = { respondents: list.length, answers };
  }
  return out;
}

/** Exactly what scoreFromAnswers gives for the responses these counts were made from (see countsOf). */
export function scoreFromCounts(framework: Framework, input: CountsInput): ScoreResult {
  return assemble(framework, scoreCounts(framework, input));
}

/** The unrounded scores, identical to scoreAnswers' for the same responses. */
export function scoreCounts(framework: Framework, input: CountsInput): UnroundedScores {
  const problems: ScoringProblem[] = [];
  const scales = new Map(framework.scales.map((s) => [s.code, s]));
  const surveys = surveyInstruments(framework);
  checkSurveyKeys(framework, Object.keys(input.counts), 'counts', problems);

  const questionScores = new Map<string, Map<string, number>>();
  for (const inst of surveys) {
    const scores = new Map<string, number>();
    questionScores.set(inst.code, scores);
    const counts = input.counts[inst.code];
    if (!counts) continue;
    const base = `counts.${inst.code}`;
    if (!isCount(counts.respondents)) problems.push(badCount(`${base}.respondents`, counts.respondents, 0));
    const questions = questionsOf(framework, inst);
    for (const [code, distinct] of Object.entries(counts.answers)) {
      const question = questions.get(code);
      if (!question) {
        problems.push(unknownQuestion(`${base}.answers.${code}`, code, inst.code));
        continue;
      }
      // Runs of equal scores, summed in ascending order like the sorted list of the answers path.
      const runs = new Map<number, number>();
      let answered = 0;
      distinct.forEach(({ answer, count }, i) => {
        const path = `${base}.answers.${code}[${i}]`;
        if (!isCount(count) || count === 0) {
          problems.push(badCount(`${path}.count`, count, 1));
          return;
        }
        const score = answerScore(question, scales.get(question.scale), answer, `${path}.answer`, problems);
        if (score === undefined) return;
        runs.set(score, (runs.get(score) ?? 0) + count);
        answered += count;
      });
      if (isCount(counts.respondents) && answered > counts.respondents)
        problems.push(
          problem(
            'count_exceeds_respondents',
            `${base}.answers.${code}`,
            `ข้อ ${code} มีผู้ตอบ ${answered} คน มากกว่าจำนวนผู้ตอบแบบวัด ${inst.code} (${counts.respondents} คน)`,
            `Question ${code} has ${answered} answers, more than the ${counts.respondents} respondents of ${inst.code}`,
          ),
        );
      // Answers to questions that do not apply to this agency type are ignored, as on the answers path.
      if (answered === 0 || !appliesTo(question, input.agencyType)) continue;
      const sorted = [...runs].sort(([a], [b]) => a - b);
      scores.set(code, sumOfRuns(sorted) / answered);
    }
  }
  const respondents = (code: string) => {
    const n = input.counts[code]?.respondents ?? 0;
    return isCount(n) ? n : 0;
  };
  return finishScores(framework, input, respondents, questionScores, problems);
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

function badCount(path: string, value: unknown, least: 0 | 1): ScoringProblem {
  return problem(
    'invalid_count',
    path,
    `จำนวนที่ ${path} ต้องเป็นจำนวนเต็มตั้งแต่ ${least} ขึ้นไป (ได้รับ ${String(value)})`,
    `The count at ${path} must be a whole number of at least ${least} (got ${String(value)})`,
  );
}

// Plain code-unit order, not the locale's: the same on every machine.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The answer with sub-item keys in code-unit order (what jsonb equality ignores). */
function canonical(answer: AnswerValue): AnswerValue {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return answer;
  return Object.fromEntries(Object.entries(answer).sort(([a], [b]) => compare(a, b)));
}

function canonicalKey(answer: unknown): string {
  if (answer === undefined) return 'undefined';
  return JSON.stringify(canonical(answer as AnswerValue));
}
