// What other modules may use of stakeholder data: the minimum samples of an agency.
export { minimumsFor, surveyInstruments } from './minimums.ts';
