// Sign-in with lockout after repeated failures, and password changes by the signed-in user.
// Sessions themselves are handled by @fastify/session (see app/build.ts and session-store.ts).
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize } from '../../core/authz.ts';
import { DomainError, invalid, unauthenticated } from '../../core/errors.ts';
import { appendAudit } from '../audit/index.ts';
import {
  deleteSessionsOfUser,
  findUserById,
  findUserByUsername,
  setLoginFailures,
  setPassword,
  type UserRow,
} from './auth.repo.ts';
import type { ChangePasswordBody } from './auth.schema.ts';
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts';

const badCredentials = () =>
  new DomainError(
    'unauthenticated',
    'bad_credentials',
    'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง',
    'The username or password is not correct',
  );

export async function signIn(deps: AppDeps, username: string, password: string): Promise<UserRow> {
  const now = deps.now();
  const user = await findUserByUsername(deps.db, username);
  if (!user?.active) {
    // Spend the same time as a real check so the response time does not reveal which usernames exist.
    await verifyPassword(await dummyHash(), password);
    throw badCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new DomainError(
      'rate_limited',
      'account_locked',
      `บัญชีถูกล็อกชั่วคราวเนื่องจากใส่รหัสผ่านผิดหลายครั้ง ลองใหม่หลัง ${user.lockedUntil.toLocaleTimeString('th-TH', { timeZone: 'Asia/Bangkok' })}`,
      `The account is locked after repeated failed sign-ins; try again after ${user.lockedUntil.toISOString()}`,
      { lockedUntil: user.lockedUntil.toISOString() },
    );
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failures = user.failedLogins + 1;
    const lock = failures >= deps.config.login.maxAttempts;
    await setLoginFailures(
      deps.db,
      user.id,
      lock ? 0 : failures,
      lock ? new Date(now.getTime() + deps.config.login.lockMinutes * 60_000) : user.lockedUntil,
    );
    throw badCredentials();
  }
  if (user.failedLogins !== 0 || user.lockedUntil) await setLoginFailures(deps.db, user.id, 0, null);
  return user;
}

/** The signed-in user's own record (for /api/auth/me). */
export async function currentUser(
  deps: AppDeps,
  actor: Actor | null,
): Promise<{ user: UserRow; actor: Actor }> {
  if (!actor) throw unauthenticated();
  const user = await findUserById(deps.db, actor.userId);
  if (!user) throw unauthenticated();
  return { user, actor };
}

/**
 * A moment strictly after the previous change: sessions are matched on this timestamp, so it must differ
 * even when the clock has not moved (two changes within a millisecond, a frozen test clock).
 */
export function nextPasswordChangedAt(previous: Date, now: Date): Date {
  return new Date(Math.max(now.getTime(), previous.getTime() + 1));
}

/**
 * Changes the signed-in user's password. Every other session of the user ends; the caller keeps
 * `keepSessionId` alive by storing the returned `passwordChangedAt` in it.
 */
export async function changePassword(
  deps: AppDeps,
  actor: Actor | null,
  body: ChangePasswordBody,
  keepSessionId: string,
): Promise<{ passwordChangedAt: Date }> {
  authorize(actor, 'user.changeOwnPassword', null);
  const user = await findUserById(deps.db, actor.userId);
  if (!user) throw unauthenticated();
  if (!(await verifyPassword(user.passwordHash, body.currentPassword))) {
    throw invalid('wrong_current_password', 'รหัสผ่านปัจจุบันไม่ถูกต้อง', 'The current password is not correct');
  }
  if (body.newPassword === body.currentPassword) {
    throw invalid(
      'password_unchanged',
      'รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านปัจจุบัน',
      'The new password must differ from the current one',
    );
  }
  const passwordHash = await hashPassword(body.newPassword);
  const passwordChangedAt = nextPasswordChangedAt(user.passwordChangedAt, deps.now());
  await deps.db.transaction(async (tx) => {
    await setPassword(tx, user.id, passwordHash, passwordChangedAt);
    await deleteSessionsOfUser(tx, user.id, keepSessionId);
    const event = {
      agencyId: user.agencyId,
      entityType: 'user' as const,
      entityId: user.id,
      action: 'password_change',
    };
    await appendAudit(tx, { actor, ...event }, deps.now());
  });
  return { passwordChangedAt };
}
