// What other modules may use of stakeholder data: the minimum samples of an agency; the approved populations
// (processing); the EIT population and contacts (EIT part 2 draws its sample from them).

export {
  approvedPopulation,
  type IitIntake,
  type IitIntakeState,
  iitIntake,
} from './intake.ts';
export type { AgencyClass, Populations } from './minimums.ts';
export { minimumsFor, surveyInstruments } from './minimums.ts';
export { approvedPopulations } from './populations.ts';
export { type StakeholderFacts, stakeholderFactsIn } from './scope-status.ts';
export { type ContactRow, contactsByIds, contactsOf, eitPopulationOf } from './stakeholders.queries.ts';
