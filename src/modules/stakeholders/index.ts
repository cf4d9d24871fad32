// What other modules may use of stakeholder data: the routes, and the minimum samples of an agency.
export { minimumsFor, surveyInstruments } from './minimums.ts';
export { stakeholderRoutes } from './stakeholders.routes.ts';
