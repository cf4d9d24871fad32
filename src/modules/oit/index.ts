// What other modules may use of OIT (agency and assessor side of one agency-year's OIT): the routes of each
// side, and the audit entity ids of an item and of the review.
export { oitAssessmentRoutes } from './assessment.routes.ts';
export { oitRoutes } from './oit.routes.ts';
export { itemEntityId, reviewEntityId } from './oit.workflow.ts';
