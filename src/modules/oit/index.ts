// What other modules may use of OIT (agency and assessor side of one agency-year's OIT): the audit entity ids
// of an item and of the review, the status of agency-years' assessments, the scores of confirmed reviews. Its
// routes are registered from src/modules/index.ts.
export { confirmedOitDetails, confirmedOitScores } from './confirmed-scores.ts';
export { NO_OIT_COUNTS, type OitCounts, oitCountsIn, oitStatuses } from './oit.queries.ts';
export { itemEntityId, reviewEntityId } from './oit.workflow.ts';
