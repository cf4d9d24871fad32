// Sign-in with lockout after repeated failures, and password changes by the signed-in user.
// Sessions themselves are handled by @fastify/session (see app/build.ts and session-store.ts).

import { runAfterResponse } from '../../app/background.ts';
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize } from '../../core/authz.ts';
import { DomainError, invalid, unauthenticated } from '../../core/errors.ts';
import { appendAudit } from '../audit/index.ts';
import type { UserRow } from '../users/index.ts';
import type { ChangePasswordBody } from './auth.schema.ts';
import { lockoutMail } from './lockout.mail.ts';
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts';
import { deleteSessionsOfUser } from './session-store.ts';

/**
 * The one answer to every refused sign-in: unknown user, deactivated, wrong password or locked. A different
 * answer for a locked account would tell an attacker which usernames exist; its owner is told by e-mail.
 */
const badCredentials = (lockMinutes: number) =>
  new DomainError(
    'unauthenticated',
    'bad_credentials',
    `ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง หากใส่รหัสผ่านผิดหลายครั้ง บัญชีจะถูกพักไว้ ${lockMinutes} นาที รอแล้วลองใหม่ หรือตั้งรหัสผ่านใหม่`,
    `The username or password is not correct. After repeated wrong passwords the account is paused for ${lockMinutes} minutes: wait and try again, or reset your password`,
  );

interface ErrorLog {
  error(obj: unknown, msg: string): void;
}

/**
 * Signs a user in. Every attempt is counted before the password is checked (atomically, see
 * `countSignInAttempt`), so parallel guesses cannot outrun the lock; an attempt beyond the limit, like an
 * unknown username, is checked against a dummy hash so that it costs the same time and gets the same answer.
 */
export async function signIn(
  deps: AppDeps,
  username: string,
  password: string,
  log: ErrorLog,
): Promise<UserRow> {
  const policy = deps.config.login;
  const user = await deps.accounts.countSignInAttempt(deps.db, username, deps.now(), policy);
  const mayTry = user !== undefined && user.failedLogins <= policy.maxAttempts;
  const ok = await verifyPassword(mayTry ? user.passwordHash : await dummyHash(), password);
  if (mayTry && ok) {
    await deps.accounts.clearLoginFailures(deps.db, user.id);
    return user;
  }
  // Exactly one attempt per lock reaches the limit: it tells the owner (after the answer has gone).
  if (user && user.failedLogins === policy.maxAttempts && user.lockedUntil) {
    const locked = { ...user, lockedUntil: user.lockedUntil };
    runAfterResponse(log, 'lockout notice', () => recordLockout(deps, locked));
  }
  throw badCredentials(policy.lockMinutes);
}

/** Records a new lock in the audit log and mails the owner when and how it ends. */
async function recordLockout(deps: AppDeps, user: UserRow & { lockedUntil: Date }): Promise<void> {
  const event = {
    actor: null,
    agencyId: user.agencyId,
    entityType: 'user' as const,
    entityId: user.id,
    action: 'lockout',
    after: { failedLogins: user.failedLogins, lockedUntil: user.lockedUntil.toISOString() },
  };
  await appendAudit(deps.db, event, deps.now());
  if (!user.email) return;
  const resetLink = `${deps.config.publicUrl.replace(/\/+$/, '')}/forgot-password`;
  await deps.mailer.send(
    lockoutMail({
      to: user.email,
      username: user.username,
      failures: user.failedLogins,
      lockedUntil: user.lockedUntil,
      resetLink,
    }),
  );
}

/** The signed-in user's own record (for /api/auth/me). */
export async function currentUser(
  deps: AppDeps,
  actor: Actor | null,
): Promise<{ user: UserRow; actor: Actor }> {
  if (!actor) throw unauthenticated();
  const user = await deps.accounts.findUserById(deps.db, actor.userId);
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
  const user = await deps.accounts.findUserById(deps.db, actor.userId);
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
    await deps.accounts.setPassword(tx, user.id, passwordHash, passwordChangedAt);
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
