import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Actor, inScope, ROLES } from './authz.ts';
import { agencyScopeOf, scopeContains } from './scope.ts';

const ids = fc.array(fc.constantFrom('a1', 'a2', 'a3'), { maxLength: 3 });
const codes = fc.array(fc.constantFrom('P1', 'P2', 'M1', 'M2'), { maxLength: 2 });
const actor = fc.record({
  userId: fc.constant('u'),
  username: fc.constant('u'),
  role: fc.constantFrom(...ROLES),
  agencyId: fc.option(fc.constantFrom('a1', 'a2', 'a3'), { nil: null }),
  scope: fc.record({ provinces: codes, ministries: codes, agencies: ids }),
  assignedAgencies: ids,
}) as fc.Arbitrary<Actor>;
const agency = fc.record({
  id: fc.constantFrom('a1', 'a2', 'a3'),
  provinceCode: fc.option(fc.constantFrom('P1', 'P2'), { nil: null }),
  ministryCode: fc.option(fc.constantFrom('M1', 'M2'), { nil: null }),
});

describe('agency scope', () => {
  it('is "every agency" for an admin and for no other role', () => {
    fc.assert(
      fc.property(actor, (a) => {
        expect(agencyScopeOf(a).kind === 'all').toBe(a.role === 'admin');
      }),
    );
  });

  it('contains only their own agency for agency accounts (admin, executive, staff), none without one', () => {
    fc.assert(
      fc.property(actor, agency, (a, ag) => {
        if (!['agency_admin', 'executive', 'agency_staff'].includes(a.role)) return;
        expect(inScope(a, ag)).toBe(a.agencyId !== null && a.agencyId === ag.id);
      }),
    );
  });

  it('is what inScope() decides for single agencies', () => {
    fc.assert(
      fc.property(actor, agency, (a, ag) => {
        expect(scopeContains(agencyScopeOf(a), ag)).toBe(inScope(a, ag));
      }),
    );
  });

  it('contains nothing when a scope lists nothing', () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const a: Actor = {
        userId: 'u',
        username: 'u',
        role,
        agencyId: null,
        scope: { provinces: [], ministries: [], agencies: [] },
        assignedAgencies: [],
      };
      expect(inScope(a, { id: 'a1', provinceCode: 'P1', ministryCode: 'M1' })).toBe(false);
    }
  });
});
