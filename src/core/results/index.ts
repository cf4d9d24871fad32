// Public surface of the results groundwork (issue 10): margins, display codes, past-years import, year-over-
// year comparison. Scoring from answer counts is part of the engine (src/core/scoring: scoreFromCounts).
export {
  compareYears,
  type Difference,
  type IndicatorComparison,
  type YearComparison,
  type YearScores,
} from './compare.ts';
export { displayCodeOf, displayCodes } from './display.ts';
export { type MarginOptions, marginOfError, sampleForMargin, Z_95 } from './margin.ts';
export {
  type PastResult,
  type PastResultProblem,
  type PastResultRow,
  type PastResultsReport,
  type PastResultsTable,
  parsePastResults,
} from './past-results.ts';
export { possibleRatings } from './ratings.ts';
