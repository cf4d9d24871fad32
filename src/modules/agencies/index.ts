// What other modules may import from the agency registry.

export { cycleNotOpen } from './agencies.errors.ts';
export { type AgencyName, agencyNamesByIds } from './agencies.queries.ts';
export type { AgencyRow, ParticipationRow } from './agencies.repo.ts';
export { agencyRoutes } from './agencies.routes.ts';
export { agencyScopeCondition } from './agencies.scope.ts';
export { loadAgencyFor } from './agencies.service.ts';
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
export { dashboardRoutes } from './dashboard.routes.ts';
export { frameworkLoaded, latestFrameworkYear, openCycle } from './participations.repo.ts';
export { participationRoutes } from './participations.routes.ts';
