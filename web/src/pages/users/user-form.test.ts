import { describe, expect, it } from 'vitest';
import { rolesOffered, userFormProblems } from './user-form.ts';

const valid = {
  username: 'somchai.k',
  displayName: 'Test Person',
  email: '',
  role: 'assessor' as const,
  agencyId: null,
  password: 'long enough pass',
  creating: true,
};

describe('userFormProblems', () => {
  it('accepts a complete new account', () => {
    expect(userFormProblems(valid)).toEqual({});
  });

  it('forgives capitals in the username but not spaces', () => {
    expect(userFormProblems({ ...valid, username: 'Somchai' })).toEqual({});
    expect(userFormProblems({ ...valid, username: 'som chai' }).username).toBe('usernameFormat');
  });

  it('requires an agency for agency admins and executives', () => {
    expect(userFormProblems({ ...valid, role: 'executive' }).agencyId).toBe('agencyRequired');
    expect(userFormProblems({ ...valid, role: 'executive', agencyId: 'a1' })).toEqual({});
  });

  it('requires an agency for staff accounts too', () => {
    expect(userFormProblems({ ...valid, role: 'agency_staff' }).agencyId).toBe('agencyRequired');
    expect(userFormProblems({ ...valid, role: 'agency_staff', agencyId: 'a1' })).toEqual({});
  });

  it('asks for a long enough initial password only when creating', () => {
    expect(userFormProblems({ ...valid, password: 'short' }).password).toBe('passwordShort');
    expect(userFormProblems({ ...valid, password: '', creating: false })).toEqual({});
  });

  it('checks the e-mail only when given', () => {
    expect(userFormProblems({ ...valid, email: 'not-an-email' }).email).toBe('emailFormat');
  });
});

describe('rolesOffered', () => {
  it('offers an agency admin the roles of their agency, staff accounts included', () => {
    expect(rolesOffered(false)).toEqual(['agency_admin', 'executive', 'agency_staff']);
  });

  it('offers every role to those who manage every account', () => {
    expect(rolesOffered(true)).toEqual(
      expect.arrayContaining(['admin', 'assessor', 'supervisor', 'agency_staff']),
    );
  });
});
