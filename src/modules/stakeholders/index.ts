// What other modules may use of stakeholder data: the minimum samples of an agency.

export type { AgencyClass, Populations } from './minimums.ts';
export { minimumsFor, surveyInstruments } from './minimums.ts';
export { approvedPopulations } from './populations.ts';
