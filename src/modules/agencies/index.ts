// What other modules may import from the agency registry.

export { cycleClosed, cycleNotOpen } from './agencies.errors.ts';
export {
  type AgencyBrief,
  type AgencyName,
  type AgencyProfile,
  agencyBriefsByIds,
  agencyNamesByIds,
  agencyProfilesByIds,
  agencyRefById,
  agencyTypeById,
  type CollectionTarget,
  collectionTarget,
  peerAgencies,
  searchCollectingAgencies,
} from './agencies.queries.ts';
export type { AgencyRow, ParticipationRow } from './agencies.repo.ts';
export { agencyIdsInScope, agencyIdsWithin, agencyScopeCondition } from './agencies.scope.ts';
export { agencyCodeSource, agencyIdsByCodes, participantCodes } from './agency-codes.ts';
export { type AgencyYearParams, ZAgencyYearParams } from './agency-year.schema.ts';
export {
  type AgencyAction,
  type AgencyTarget,
  type AgencyYear,
  type AuthorizeAgency,
  type AuthorizedAgency,
  agencyRef,
  agencyYear,
  allow,
  authorizedAgency,
  type ParticipatingAgency,
  participatingAgency,
  requireParticipation,
} from './agency-year.ts';
export {
  type MonitoredAgency,
  type MonitoredFilter,
  monitoredAgencies,
  monitoredIdsIn,
} from './monitored.ts';
export {
  existingAgencyIds,
  type ParticipantFilter,
  participantIdsIn,
  participantPage,
  participantsIn,
  participatingAgencyIds,
  type YearScopeFilter,
} from './participants.ts';
export { openCycleForSeed } from './participations.seed.ts';
export { type ProcessingSubject, processingSubjects } from './processing-subjects.ts';
