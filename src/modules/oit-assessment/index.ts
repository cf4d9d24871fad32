// What other modules may use of the OIT assessment: the routes, and the OIT score of an agency-year's item
// scores (the scoring engine's OIT part) for readers such as the readiness view.
export { oitAssessmentRoutes } from './oit-assessment.routes.ts';
