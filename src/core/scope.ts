// Which agencies an actor's lists may contain, as a value. The one rule behind inScope() (single agencies)
// and every list, count and page (the agencies module turns it into SQL). It fails closed: "every agency"
// is a value of its own that only the admin branch below can produce (the brand is private to this file),
// so a missing case, an empty list or a forgotten filter can never mean "no restriction".
import type { Actor, AgencyRef } from './authz.ts';
import { assertNever } from './exhaustive.ts';

declare const everyAgency: unique symbol;
/** Every agency (NACC admins). Not constructible outside this file. */
export interface AllAgencies {
  readonly kind: 'all';
  readonly [everyAgency]: true;
}
/** The agencies named, or in one of the provinces or ministries named (any combination; all empty: none). */
export interface SomeAgencies {
  readonly kind: 'some';
  readonly agencyIds: readonly string[];
  readonly provinces: readonly string[];
  readonly ministries: readonly string[];
}
export type AgencyScope = AllAgencies | SomeAgencies;

const ALL = { kind: 'all' } as AllAgencies;
const some = (s: Partial<Omit<SomeAgencies, 'kind'>>): SomeAgencies => ({
  kind: 'some',
  agencyIds: s.agencyIds ?? [],
  provinces: s.provinces ?? [],
  ministries: s.ministries ?? [],
});

export function agencyScopeOf(actor: Actor): AgencyScope {
  switch (actor.role) {
    case 'admin':
      return ALL;
    case 'assessor':
      return some({ agencyIds: actor.assignedAgencies });
    case 'supervisor':
      return some({
        agencyIds: actor.scope.agencies,
        provinces: actor.scope.provinces,
        ministries: actor.scope.ministries,
      });
    case 'agency_admin':
    case 'executive':
    case 'agency_staff':
      return some({ agencyIds: actor.agencyId === null ? [] : [actor.agencyId] });
    default:
      return assertNever(actor.role);
  }
}

export function scopeContains(scope: AgencyScope, agency: AgencyRef): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'some':
      return (
        scope.agencyIds.includes(agency.id) ||
        (agency.provinceCode !== null && scope.provinces.includes(agency.provinceCode)) ||
        (agency.ministryCode !== null && scope.ministries.includes(agency.ministryCode))
      );
    default:
      return assertNever(scope);
  }
}
