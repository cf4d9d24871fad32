// Public surface of the scoring engine; other modules import from here only.
export { appliesTo } from './answers.ts';
export {
  type AnswerCount,
  type CountsInput,
  countsOf,
  type InstrumentCounts,
  scoreFromCounts,
} from './counts.ts';
export {
  type AggregatesInput,
  type AnswersInput,
  type AnswerValue,
  type NotProcessedReason,
  type ProcessingContext,
  type ScoreResult,
  type SurveyResponse,
  scoreFromAggregates,
  scoreFromAnswers,
} from './engine.ts';
export {
  FrameworkRuleError,
  ScoringError,
  type ScoringErrorCode,
  ScoringInputError,
  type ScoringProblem,
  type ScoringProblemCode,
} from './errors.ts';
export { type MinimumSampleInput, minimumSample } from './min-sample.ts';
export { type Rating, rate } from './rating.ts';
export { roundHalfUp } from './round.ts';
