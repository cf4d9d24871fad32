// What other modules may use of stakeholder data: the minimum samples of an agency; the EIT population and
// contacts (EIT part 2 draws its sample from them).
export { minimumsFor, surveyInstruments } from './minimums.ts';
export { type ContactRow, contactsByIds, contactsOf, eitPopulationOf } from './stakeholders.queries.ts';
