// The home page's summary, shaped by role: NACC admins see the whole registry, supervisors and assessors
// their agencies, agency accounts (admin, executive, staff) their own agency.
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize, can } from '../../core/authz.ts';
import { assertNever } from '../../core/exhaustive.ts';
import { DASHBOARD_AGENCIES_MAX } from '../../shared/limits.ts';
import { latestFrameworkYear } from '../frameworks/index.ts';
import { userTotals } from '../users/index.ts';
import { presentAgencySummary, presentParticipation } from './agencies.present.ts';
import { selectParticipations } from './agencies.repo.ts';
import { agencyScopeCondition } from './agencies.scope.ts';
import { agencyRef } from './agency-year.ts';
import { agencyTotals, assignedForYear, selectScopedAgencies } from './dashboard.repo.ts';
import type { Dashboard } from './dashboard.schema.ts';
import { cycleCounts } from './participations.repo.ts';

type Deps = Pick<AppDeps, 'db'>;

export async function dashboard(deps: Deps, actor: Actor | null, requestedYear?: number): Promise<Dashboard> {
  authorize(actor, 'dashboard.read', null);
  const { db } = deps;
  const year = requestedYear ?? (await latestFrameworkYear(db));
  const base = { role: actor.role, year };
  switch (actor.role) {
    case 'admin':
      return {
        kind: 'admin',
        ...base,
        agencies: await agencyTotals(db),
        cycle: year === null ? null : await cycleCounts(db, year, agencyScopeCondition(actor)),
        users: await userTotals(db),
      };
    case 'agency_admin':
    case 'executive':
    case 'agency_staff': {
      const [row] = await selectScopedAgencies(db, agencyScopeCondition(actor), year, 1);
      const agency = row ? presentAgencySummary(row) : null;
      // Staff accounts fill in delegated OIT items; the agency's registrations are not theirs to follow.
      const participations =
        row && can(actor, 'participation.read', agencyRef(row.agency))
          ? (await selectParticipations(db, row.agency.id)).map(presentParticipation)
          : [];
      return { kind: 'agency', ...base, agency, participations };
    }
    case 'assessor':
    case 'supervisor': {
      // An assessor's dashboard is about one year's work: the agencies assigned for that year.
      const scope =
        actor.role === 'assessor' && year !== null
          ? assignedForYear(actor.userId, year)
          : agencyScopeCondition(actor);
      const counts =
        year === null
          ? { ...(await cycleCounts(db, 0, scope)), open: 0, registered: 0 }
          : await cycleCounts(db, year, scope);
      const rows = await selectScopedAgencies(db, scope, year, DASHBOARD_AGENCIES_MAX);
      return {
        kind: 'scoped',
        ...base,
        counts,
        agencies: rows.map(presentAgencySummary),
        more: counts.agencies > rows.length,
      };
    }
    default:
      return assertNever(actor.role);
  }
}
