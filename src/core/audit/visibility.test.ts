import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Actor, type AgencyRef, can, ROLES, type Role } from '../authz.ts';
import { OIT_REVIEW_STATUSES } from '../oit/states.ts';
import { assessmentVisible } from '../oit/visibility.ts';
import {
  AUDIT_ENTITY_TYPES,
  AUDIT_READERS,
  type AuditEntityType,
  auditEntryContent,
  auditEntryReadable,
  auditReadingOf,
} from './visibility.ts';

const agency: AgencyRef = { id: 'agency-a', provinceCode: 'P1', ministryCode: 'M1' };
const actorOf = (role: Role): Actor => ({
  userId: `user-${role}`,
  username: role,
  role,
  agencyId: ['agency_admin', 'executive', 'agency_staff'].includes(role) ? agency.id : null,
  scope: { provinces: role === 'supervisor' ? ['P1'] : [], ministries: [], agencies: [] },
  assignedAgencies: role === 'assessor' ? [agency.id] : [],
});

/** The resource the action guarding an entry's data takes, for an agency in the actor's scope. */
function resourceOf(type: AuditEntityType, actor: Actor, assignedThatYear: boolean): never {
  const action = AUDIT_READERS[type].action;
  const byAction: Record<string, unknown> = {
    'eit2.collect': { agency, assessorsThisYear: assignedThatYear ? [actor.userId] : [] },
    'advice.read': { agency, assessorsThisYear: assignedThatYear ? [actor.userId] : [] },
    'oit.read': agency,
    'lessons.setTarget': { kind: 'nation' },
    'user.read': { id: 'someone-else', agency },
    // A plan's entries carry no agency (a province's or ministry's plan): an agency in scope says nothing of
    // the plan's scope, so they read as entries tied to no agency — those who read every plan (NACC).
    'plans.read': { kind: 'province', code: 'a-province-of-no-agency' },
  };
  const noAgency = [
    'agency.import',
    'assignment.manage',
    'cycle.open',
    'otp.usage',
    'results.process',
    'scope.manage',
  ];
  return (action in byAction ? byAction[action] : noAgency.includes(action) ? null : agency) as never;
}

describe('audit readers', () => {
  it.each(AUDIT_ENTITY_TYPES)(
    'lets exactly the roles read %s entries of an agency in scope that may read the data itself',
    (type) => {
      for (const role of ROLES) {
        const actor = actorOf(role);
        for (const assigned of [true, false]) {
          const dataEndpoint = can(actor, AUDIT_READERS[type].action, resourceOf(type, actor, assigned));
          const entry = { entityType: type, entityId: 'x', agencyInScope: true, assignedThatYear: assigned };
          expect({ role, assigned, readable: auditEntryReadable(actor, entry) }).toEqual({
            role,
            assigned,
            readable: dataEndpoint,
          });
        }
      }
    },
  );

  it('never lets a role other than admin read an entry of an agency out of scope, or of an unknown kind', () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const actor = actorOf(role);
      for (const type of [...AUDIT_ENTITY_TYPES, 'made_up_kind'])
        expect(
          auditEntryReadable(actor, {
            entityType: type,
            entityId: 'x',
            agencyInScope: false,
            assignedThatYear: true,
          }),
        ).toBe(false);
      expect(
        auditEntryReadable(actor, {
          entityType: 'made_up',
          entityId: 'x',
          agencyInScope: true,
          assignedThatYear: true,
        }),
      ).toBe(false);
    }
  });

  it('lets everyone read the entries about their own account (password changes), and no one else’s', () => {
    for (const role of ROLES) {
      const actor = actorOf(role);
      const own = {
        entityType: 'user',
        entityId: actor.userId,
        agencyInScope: false,
        assignedThatYear: false,
      };
      expect(auditEntryReadable(actor, own)).toBe(true);
      const other = {
        entityType: 'user',
        entityId: 'someone-else',
        agencyInScope: false,
        assignedThatYear: false,
      };
      expect(auditEntryReadable(actor, other)).toBe(role === 'admin');
    }
  });

  it('gives admins every entry and no one else an empty reading', () => {
    expect(auditReadingOf('admin').all).toBe(true);
    for (const role of ROLES.filter((r) => r !== 'admin')) expect(auditReadingOf(role).all).toBe(false);
  });
});

describe('audit entry content', () => {
  const score = { score: 0, comment: 'internal', advice: 'fix the page', componentsFound: [0] };
  it('withholds assessors’ scores, comments and advice from agency roles and supervisors until submitted', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES),
        fc.constantFrom(...OIT_REVIEW_STATUSES, null),
        fc.constantFrom('oit_score', 'oit_clarification'),
        (role, status, entityType) => {
          const shown = auditEntryContent(actorOf(role), { entityType, before: null, after: score }, status);
          const visible = assessmentVisible(role, status);
          expect(shown.withheld).toBe(!visible);
          if (!visible) expect(JSON.stringify(shown)).not.toMatch(/internal|fix the page/);
          else expect(shown.after).toEqual(score);
        },
      ),
    );
  });

  it('keeps the status of a review entry but not the OIT score before submission', () => {
    const entry = { entityType: 'oit_review', before: { status: 'approved' }, after: { oitScore: 87.5 } };
    const shown = auditEntryContent(actorOf('executive'), entry, 'approved');
    expect(shown).toEqual({ before: { status: 'approved' }, after: {}, withheld: true });
    expect(auditEntryContent(actorOf('executive'), entry, 'assessed').after).toEqual({ oitScore: 87.5 });
  });

  it('shows the OIT assessment to agency roles once submitted, and to assessors and admins always', () => {
    for (const role of ROLES)
      for (const status of OIT_REVIEW_STATUSES)
        expect(assessmentVisible(role, status)).toBe(
          role === 'admin' || role === 'assessor' || status === 'assessed' || status === 'confirmed',
        );
  });
});
