// What other modules may use of OIT (agency and assessor side of one agency-year's OIT): the audit entity ids
// of an item and of the review. Its routes are registered from src/modules/index.ts.

export { confirmedOitScores } from './confirmed-scores.ts';
export { itemEntityId, reviewEntityId } from './oit.workflow.ts';
