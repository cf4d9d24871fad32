// Typed errors of the scoring engine. They carry a machine code and a message in Thai and English, in the
// same shape as DomainError (src/core/errors.ts), but stay self-contained so the engine imports nothing
// outside src/core/framework; the HTTP layer maps them (input errors → 400, framework errors → 409/422).

/** One thing wrong with the input; errors list every problem so that a caller can fix them all at once. */
export interface ScoringProblem {
  code: ScoringProblemCode;
  /** Where the problem is, e.g. `responses.IIT[3].answers.i4` or `indicators.9`. */
  path: string;
  th: string;
  en: string;
}

export type ScoringProblemCode =
  | 'unknown_instrument'
  | 'unknown_indicator'
  | 'unknown_question'
  | 'unknown_sub_item'
  | 'unknown_option'
  | 'unknown_oit_item'
  | 'answer_shape' // a plain answer where sub-items are expected, or the other way round
  | 'input_shape' // neither or both of indicators and instruments
  | 'missing_score'
  | 'score_out_of_range'
  | 'oit_score_not_binary'
  | 'missing_context' // a processing fact the framework needs was not supplied
  | 'unknown_reason' // a not-processed reason that is not a processing condition
  | 'ambiguous_instrument' // e.g. both EIT and EIT1 given
  | 'invalid_count' // answer counts: not a whole number, or a distinct answer counted 0 times
  | 'count_exceeds_respondents'; // answer counts: more answers to a question than respondents

export type ScoringErrorCode =
  | 'invalid_scoring_input'
  | 'invalid_population'
  | 'no_sample_rule'
  | 'no_sample_row'
  | 'sample_rule_cycle'
  | 'unknown_instrument'
  | 'invalid_rating_input'
  | 'no_rating_rule'
  | 'framework_without_questions';

export class ScoringError extends Error {
  constructor(
    readonly code: ScoringErrorCode,
    readonly th: string,
    readonly en: string,
    readonly details?: unknown,
  ) {
    super(en);
    this.name = new.target.name;
  }
}

/** The caller's data is wrong (bad answers, scores or populations): fixable by the caller. */
export class ScoringInputError extends ScoringError {}

/** The framework cannot answer the question asked of it (no sample rule, no table row, a rule cycle). */
export class FrameworkRuleError extends ScoringError {}

export function invalidScoringInput(problems: ScoringProblem[]): ScoringInputError {
  const n = problems.length;
  return new ScoringInputError(
    'invalid_scoring_input',
    `ข้อมูลสำหรับคำนวณคะแนนไม่ถูกต้อง ${n} รายการ: ${problems.map((p) => p.th).join('; ')}`,
    `The scoring input has ${n} problem${n === 1 ? '' : 's'}: ${problems.map((p) => p.en).join('; ')}`,
    { problems },
  );
}

export const problem = (code: ScoringProblemCode, path: string, th: string, en: string): ScoringProblem => ({
  code,
  path,
  th,
  en,
});
