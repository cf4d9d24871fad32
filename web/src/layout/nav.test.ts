import { describe, expect, it } from 'vitest';
import { activeNavItem, navItems } from './nav.ts';

describe('navItems', () => {
  it('gives admins user management and framework import', () => {
    const sut = navItems('admin', null).map((i) => i.to);
    expect(sut).toContain('/users');
    expect(sut).toContain('/frameworks/import');
    expect(sut).toContain('/past-results/import');
    expect(sut).toContain('/processing');
  });

  it('links agency staff to their own agency', () => {
    expect(navItems('agency_admin', 'a1').map((i) => i.to)).toEqual(
      expect.arrayContaining(['/agencies/a1', '/users']),
    );
    expect(navItems('executive', 'a1').map((i) => i.to)).toContain('/agencies/a1');
    expect(navItems('executive', 'a1').map((i) => i.to)).not.toContain('/users');
  });

  it('gives every agency role its OIT page', () => {
    for (const role of ['agency_admin', 'executive', 'agency_staff'] as const)
      expect(navItems(role, 'a1').map((i) => i.to)).toContain('/oit');
    expect(navItems('agency_staff', null).map((i) => i.to)).not.toContain('/oit');
  });

  it('gives every agency role its results report', () => {
    for (const role of ['agency_admin', 'executive', 'agency_staff'] as const)
      expect(navItems(role, 'a1').map((i) => i.to)).toContain('/results');
    expect(navItems('executive', null).map((i) => i.to)).not.toContain('/results');
  });

  it('gives admins and assessors the OIT queue, and only admins the bulk assignment', () => {
    expect(navItems('admin', null).map((i) => i.to)).toEqual(
      expect.arrayContaining(['/oit/queue', '/oit/assignments']),
    );
    expect(navItems('assessor', null).map((i) => i.to)).toContain('/oit/queue');
    for (const role of ['assessor', 'supervisor', 'agency_admin', 'executive', 'agency_staff'] as const)
      expect(navItems(role, 'a1').map((i) => i.to)).not.toContain('/oit/assignments');
  });

  it('keeps import and user management away from everyone but admins and agency admins', () => {
    for (const role of ['supervisor', 'assessor', 'executive'] as const) {
      const sut = navItems(role, null).map((i) => i.to);
      expect(sut).not.toContain('/frameworks/import');
      expect(sut).not.toContain('/past-results/import');
      expect(sut).not.toContain('/processing');
      expect(sut).not.toContain('/users');
    }
  });

  it('shows executives awaiting confirmation to those who confirm them and to agency admins only', () => {
    for (const role of ['admin', 'supervisor', 'agency_admin'] as const)
      expect(navItems(role, 'a1').map((i) => i.to)).toContain('/executives/awaiting');
    for (const role of ['assessor', 'executive', 'agency_staff'] as const)
      expect(navItems(role, 'a1').map((i) => i.to)).not.toContain('/executives/awaiting');
  });

  it('shows the change history to every role (the server shows each only what its scope allows)', () => {
    for (const role of [
      'admin',
      'supervisor',
      'assessor',
      'agency_admin',
      'executive',
      'agency_staff',
    ] as const)
      expect(navItems(role, 'a1').map((i) => i.to)).toContain('/audit');
  });

  it('gives the roles that follow many agencies the monitoring matrix, and no agency account', () => {
    for (const role of ['admin', 'supervisor', 'assessor'] as const)
      expect(navItems(role, null).map((i) => i.to)).toContain('/monitoring');
    for (const role of ['agency_admin', 'executive', 'agency_staff'] as const)
      expect(navItems(role, 'a1').map((i) => i.to)).not.toContain('/monitoring');
  });

  it('gives supervisors and NACC the provincial plans, and no agency role or assessor', () => {
    for (const role of ['admin', 'supervisor'] as const)
      expect(navItems(role, null).map((i) => i.to)).toContain('/plans');
    for (const role of ['assessor', 'agency_admin', 'executive', 'agency_staff'] as const)
      expect(navItems(role, 'a1').map((i) => i.to)).not.toContain('/plans');
  });
});

describe('activeNavItem', () => {
  const active = (role: Parameters<typeof navItems>[0], agencyId: string | null, path: string) =>
    activeNavItem(navItems(role, agencyId), path);

  it('highlights the section of a nested path', () => {
    expect(active('admin', null, '/agencies/123/results/2567')).toBe('/agencies');
    expect(active('admin', null, '/frameworks/2568/compare')).toBe('/frameworks');
    expect(active('admin', null, '/frameworks/score')).toBe('/frameworks/score');
    expect(active('agency_staff', 'a1', '/agencies/a1/results/2567')).toBe('/results');
    expect(active('agency_staff', 'a1', '/agencies/a1/measures/2568')).toBe('/measures');
    expect(active('agency_staff', 'a1', '/agencies/a1')).toBe('/agencies/a1');
    expect(active('assessor', null, '/agencies/9/oit/2568/assess')).toBe('/oit/queue');
    expect(active('supervisor', null, '/agencies/9/measures/2568')).toBe('/measures/overview');
  });

  it('matches whole segments and keeps home for the home page only', () => {
    expect(active('admin', null, '/')).toBe('/');
    expect(active('admin', null, '/cycles/2568')).toBe('/cycles');
    expect(active('admin', null, '/cyclesx')).toBeUndefined();
    expect(active('agency_staff', 'a1', '/agencies/a10')).toBeUndefined();
  });
});
