// Checks the user form before sending, with the limits the server applies (src/shared/limits.ts).
import { ROLES, type Role } from '@server/core/authz.ts';
import {
  DISPLAY_NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  USERNAME_PATTERN,
} from '@server/shared/limits.ts';

/** Roles that belong to one agency (the database requires their agency). */
export const AGENCY_ROLES: readonly Role[] = ['agency_admin', 'executive', 'agency_staff'];

/**
 * The roles the form offers: every role to those who manage every account; an agency admin the roles of
 * their agency (its admins, executives, and staff accounts that fill in delegated OIT items).
 */
export function rolesOffered(managesEveryone: boolean): readonly Role[] {
  return managesEveryone ? ROLES : AGENCY_ROLES;
}

export interface UserFormValues {
  username: string;
  displayName: string;
  email: string;
  role: Role | null;
  agencyId: string | null;
  password: string;
  creating: boolean;
}

export type UserFormProblem =
  | 'usernameFormat'
  | 'required'
  | 'tooLong'
  | 'emailFormat'
  | 'passwordShort'
  | 'agencyRequired';

export function userFormProblems(v: UserFormValues): Partial<Record<keyof UserFormValues, UserFormProblem>> {
  const p: Partial<Record<keyof UserFormValues, UserFormProblem>> = {};
  if (v.creating && !USERNAME_PATTERN.test(v.username.trim().toLowerCase())) p.username = 'usernameFormat';
  if (!v.displayName.trim()) p.displayName = 'required';
  else if (v.displayName.trim().length > DISPLAY_NAME_MAX_LENGTH) p.displayName = 'tooLong';
  if (v.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) p.email = 'emailFormat';
  if (!v.role) p.role = 'required';
  if (v.role && AGENCY_ROLES.includes(v.role) && !v.agencyId) p.agencyId = 'agencyRequired';
  if (v.creating && (v.password.length < PASSWORD_MIN_LENGTH || v.password.length > PASSWORD_MAX_LENGTH))
    p.password = 'passwordShort';
  return p;
}
