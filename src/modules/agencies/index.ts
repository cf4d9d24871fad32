// What other modules may import from the agency registry.

export { agencyRoutes } from './agencies.routes.ts';
export { agencyScopeCondition } from './agencies.scope.ts';
export { agencyRef, loadAgencyFor } from './agencies.service.ts';
export { dashboardRoutes } from './dashboard.routes.ts';
export {
  existingAgencyIds,
  type ParticipantFilter,
  participantPage,
  participatingAgencyIds,
} from './participants.ts';
export { frameworkLoaded, latestFrameworkYear, openCycle } from './participations.repo.ts';
export { participationRoutes } from './participations.routes.ts';
