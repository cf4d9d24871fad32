// How every measures use case opens: the agency loaded and the actor authorized (401 → 404 → 403).
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize } from '../../core/authz.ts';
import { type AgencyTarget, authorizedAgency } from '../agencies/index.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

/** The audit entity of an agency-year's measures (every version). */
export const measuresEntityId = (agencyId: string, year: number) => `${agencyId}:${year}`;

export function measuresAgency(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  action: 'measures.read' | 'measures.write' | 'measures.review' | 'measures.approve',
): Promise<AgencyTarget> {
  return authorizedAgency(deps.db, actor, agencyId, ({ actor, ref }) => authorize(actor, action, ref));
}
