// The actor's scope as a SQL condition on `agencies`: the same rule as inScope() in core/authz.ts, applied in
// the database so lists, counts and pages never load agencies the actor may not see.
import { eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/authz.ts';
import { agencies } from '../../db/schema/index.ts';

/** undefined means "no restriction" (admin). */
export function agencyScopeCondition(actor: Actor): SQL | undefined {
  switch (actor.role) {
    case 'admin':
      return undefined;
    case 'assessor':
      return inArray(agencies.id, actor.assignedAgencies);
    case 'supervisor':
      return or(
        inArray(agencies.provinceCode, actor.scope.provinces),
        inArray(agencies.ministryCode, actor.scope.ministries),
        inArray(agencies.id, actor.scope.agencies),
      );
    case 'agency_admin':
    case 'executive':
      return actor.agencyId ? eq(agencies.id, actor.agencyId) : sql`false`;
  }
}
