import { describe, expect, it } from 'vitest';
import { type Actor, can, ROLES, type Role } from '../authz.ts';

const actor = (role: Role, scope: Partial<Actor['scope']> = {}): Actor => ({
  userId: 'u',
  username: 'u',
  role,
  agencyId: null,
  scope: { provinces: [], ministries: [], agencies: [], ...scope },
  assignedAgencies: [],
});

describe('lessons learned authorization', () => {
  it('lets NACC read and set any scope, the nation included', () => {
    for (const action of ['lessons.read', 'lessons.setTarget'] as const) {
      expect(can(actor('admin'), action, { kind: 'nation' })).toBe(true);
      expect(can(actor('admin'), action, { kind: 'province', code: 'TH-10' })).toBe(true);
    }
  });

  it('lets a supervisor read and set only the provinces and ministries of its scope, never the nation', () => {
    const sut = actor('supervisor', { provinces: ['TH-47'], ministries: ['MOI'], agencies: ['a1'] });
    for (const action of ['lessons.read', 'lessons.setTarget'] as const) {
      expect(can(sut, action, { kind: 'province', code: 'TH-47' })).toBe(true);
      expect(can(sut, action, { kind: 'ministry', code: 'MOI' })).toBe(true);
      expect(can(sut, action, { kind: 'province', code: 'TH-10' })).toBe(false);
      expect(can(sut, action, { kind: 'ministry', code: 'MOF' })).toBe(false);
      expect(can(sut, action, { kind: 'nation' })).toBe(false);
    }
  });

  it('refuses every other role, whatever its scope', () => {
    for (const role of ROLES.filter((r) => r !== 'admin' && r !== 'supervisor')) {
      const sut = actor(role, { provinces: ['TH-47'] });
      expect(can(sut, 'lessons.scopes', null)).toBe(false);
      expect(can(sut, 'lessons.read', { kind: 'province', code: 'TH-47' })).toBe(false);
      expect(can(sut, 'lessons.setTarget', { kind: 'nation' })).toBe(false);
    }
    expect(can(null, 'lessons.read', { kind: 'nation' })).toBe(false);
  });
});
