// User rows → API JSON. Never the password hash; sign-in failures and lock state only for admins.
import { type Actor, can } from '../../core/authz.ts';
import type { UserRow, UserWithAgency } from './users.repo.ts';
import type { UserView } from './users.schema.ts';

export function presentUser({ user, agency }: UserWithAgency, viewer: Actor, now: Date): UserView {
  const view: UserView = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    role: user.role,
    agency: agency
      ? { id: agency.id, code: agency.code, nameTh: agency.nameTh, nameEn: agency.nameEn }
      : null,
    active: user.active,
    awaitingConfirmation: user.awaitingConfirmation,
    createdAt: user.createdAt.toISOString(),
  };
  if (can(viewer, 'user.manage', null)) {
    view.security = {
      failedLogins: user.failedLogins,
      lockedUntil: user.lockedUntil && user.lockedUntil > now ? user.lockedUntil.toISOString() : null,
    };
  }
  return view;
}

/** What the audit log records of an account: who it is and what it may do, never credentials. */
export function auditSnapshot(user: UserRow) {
  return {
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    role: user.role,
    agencyId: user.agencyId,
    active: user.active,
    awaitingConfirmation: user.awaitingConfirmation,
  };
}
