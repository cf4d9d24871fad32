import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Actor, type AgencyRef, assertFourEyes, can, ROLES, type Role } from './authz.ts';

const agency: AgencyRef = { id: 'agency-a', provinceCode: 'P1', ministryCode: 'M1' };
const actor = (role: Role, o: Partial<Actor> = {}): Actor => ({
  userId: `u-${role}`,
  username: role,
  role,
  agencyId: ['agency_admin', 'executive', 'agency_staff'].includes(role) ? agency.id : null,
  scope: { provinces: [], ministries: [], agencies: [] },
  assignedAgencies: [],
  ...o,
});
const arbActor = fc
  .record({ role: fc.constantFrom(...ROLES), userId: fc.string({ minLength: 1, maxLength: 8 }) })
  .map(({ role, userId }) => actor(role, { userId }));

describe('four eyes', () => {
  it('refuses exactly the accounts among the submitters, whatever their role', () => {
    fc.assert(
      fc.property(arbActor, fc.array(fc.option(fc.string({ maxLength: 8 }))), (a, submitters) => {
        const own = submitters.includes(a.userId);
        expect(can(a, 'review.fourEyes', { submitters })).toBe(!own);
        if (own)
          expect(() => assertFourEyes(a, submitters)).toThrow(expect.objectContaining({ code: 'four_eyes' }));
        else expect(() => assertFourEyes(a, submitters)).not.toThrow();
      }),
    );
  });

  it('applies the same rule to the EIT part-2 interviewer', () => {
    const admin = actor('admin');
    const ref = { agency, assessorsThisYear: [] };
    expect(can(admin, 'eit2.review', { ...ref, interviewerId: admin.userId })).toBe(false);
    expect(can(admin, 'eit2.review', { ...ref, interviewerId: 'someone-else' })).toBe(true);
  });
});

describe('confirming executives', () => {
  const supervisorOf = (provinces: string[]) =>
    actor('supervisor', { scope: { provinces, ministries: [], agencies: [] } });

  it('is for NACC and a supervisor whose scope covers the agency, never an agency role', () => {
    const expected: Record<Role, boolean> = {
      admin: true,
      supervisor: false, // without scope
      assessor: false,
      agency_admin: false,
      executive: false,
      agency_staff: false,
    };
    for (const role of ROLES)
      expect(can(actor(role), 'user.confirmExecutive', agency), role).toBe(expected[role]);
    expect(can(supervisorOf(['P1']), 'user.confirmExecutive', agency)).toBe(true);
    expect(can(supervisorOf(['P2']), 'user.confirmExecutive', agency)).toBe(false);
  });

  it("lets the agency's own admin propose, not confirm", () => {
    const own = actor('agency_admin');
    const other = actor('agency_admin', { agencyId: 'agency-b' });
    expect(can(own, 'user.proposeExecutive', agency)).toBe(true);
    expect(can(own, 'user.confirmExecutive', agency)).toBe(false);
    expect(can(other, 'user.proposeExecutive', agency)).toBe(false);
    for (const role of ['assessor', 'executive', 'agency_staff'] as const)
      expect(can(actor(role), 'user.proposeExecutive', agency), role).toBe(false);
  });
});
