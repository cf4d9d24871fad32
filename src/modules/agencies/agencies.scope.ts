// The actor's scope as a SQL condition on `agencies`: the rule of core/scope.ts (the same one inScope()
// applies to single agencies), applied in the database so lists, counts and pages never load agencies the
// actor may not see. Always a condition: "every agency" is `true`, reachable only from the admin scope.
import { inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/authz.ts';
import { assertNever } from '../../core/exhaustive.ts';
import { type AgencyScope, agencyScopeOf } from '../../core/scope.ts';
import { agencies } from '../../db/schema/index.ts';

export function agencyScopeCondition(actor: Actor): SQL {
  return scopeCondition(agencyScopeOf(actor));
}

/** The ids of the agencies in the actor's scope, as a subquery (for `inArray` on another table's column). */
export function agencyIdsInScope(actor: Actor): SQL {
  return sql`(select ${agencies.id} from ${agencies} where ${agencyScopeCondition(actor)})`;
}

/** The ids of the agencies of a scope value (a province's, a ministry's, every agency), as a subquery. */
export function agencyIdsWithin(scope: AgencyScope): SQL {
  return sql`(select ${agencies.id} from ${agencies} where ${scopeCondition(scope)})`;
}

export function scopeCondition(scope: AgencyScope): SQL {
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'some': {
      const parts = [
        scope.agencyIds.length > 0 ? inArray(agencies.id, [...scope.agencyIds]) : undefined,
        scope.provinces.length > 0 ? inArray(agencies.provinceCode, [...scope.provinces]) : undefined,
        scope.ministries.length > 0 ? inArray(agencies.ministryCode, [...scope.ministries]) : undefined,
      ];
      return or(...parts) ?? sql`false`;
    }
    default:
      return assertNever(scope);
  }
}
