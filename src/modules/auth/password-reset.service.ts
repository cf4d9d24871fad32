// Password reset by e-mail: a random single-use token, stored only as its SHA-256, valid for 30 minutes.

import { createHash, randomBytes } from 'node:crypto';
import type { AppDeps } from '../../app/context.ts';
import { errorSummary } from '../../app/log-safe.ts';
import { invalid } from '../../core/errors.ts';
import type { DbOrTx } from '../../db/client.ts';
import { PASSWORD_RESET_TTL_MINUTES } from '../../shared/limits.ts';
import { appendAudit } from '../audit/index.ts';
import { consumeAllResetsOfUser, consumeReset, countUsableResets, insertPasswordReset } from './auth.repo.ts';
import type { ResetConfirmBody } from './auth.schema.ts';
import { nextPasswordChangedAt } from './auth.service.ts';
import { passwordResetMail } from './password-reset.mail.ts';
import { hashPassword } from './passwords.ts';
import { deleteSessionsOfUser } from './session-store.ts';

/** Beyond this many usable links at once, further requests send nothing (protects the user's inbox). */
export const MAX_USABLE_RESETS_PER_USER = 3;

export const hashResetToken = (token: string) => createHash('sha256').update(token).digest('hex');

interface ErrorLog {
  error(obj: unknown, msg: string): void;
}

/**
 * Mails a reset link when the name matches an active user with an e-mail address. Never tells the caller
 * whether it did: the answer is the same for unknown users, so the endpoint cannot be used to find accounts.
 */
export async function requestPasswordReset(deps: AppDeps, usernameOrEmail: string, log: ErrorLog) {
  const now = deps.now();
  const user = await deps.accounts.findUserByUsernameOrEmail(deps.db, usernameOrEmail);
  if (!user?.active || !user.email) return;
  if ((await countUsableResets(deps.db, user.id, now)) >= MAX_USABLE_RESETS_PER_USER) return;

  const link = await issuePasswordLink(deps.db, deps.config, user.id, now, PASSWORD_RESET_TTL_MINUTES);
  try {
    await deps.mailer.send(passwordResetMail({ to: user.email, username: user.username, link }));
  } catch (err) {
    // A mail failure must not turn into a different answer (that would reveal the account exists).
    // The summary only: a mail error may quote the message, and the message holds the reset link.
    log.error({ err: errorSummary(err, { message: false }), userId: user.id }, 'password reset mail failed');
  }
}

/**
 * A single-use link that lets the owner of `userId` choose a password (the reset page), valid `ttlMinutes`.
 * Used for a newly confirmed executive: whoever proposed the account never learns its password.
 */
export async function issuePasswordLink(
  db: DbOrTx,
  config: AppDeps['config'],
  userId: string,
  now: Date,
  ttlMinutes: number,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await insertPasswordReset(db, {
    tokenHash: hashResetToken(token),
    userId,
    expiresAt: new Date(now.getTime() + ttlMinutes * 60_000),
  });
  return `${config.publicUrl.replace(/\/+$/, '')}/reset-password?token=${token}`;
}

const invalidToken = () =>
  invalid(
    'reset_token_invalid',
    'ลิงก์ตั้งรหัสผ่านใหม่ไม่ถูกต้อง หมดอายุ หรือถูกใช้ไปแล้ว กรุณาขอลิงก์ใหม่',
    'The reset link is not valid, has expired or was already used; please ask for a new one',
  );

/** Sets the new password, clears any lockout and ends every session of the user. */
export async function confirmPasswordReset(deps: AppDeps, body: ResetConfirmBody): Promise<void> {
  const now = deps.now();
  // Hash before the transaction: argon2 takes ~100 ms and must not hold row locks meanwhile.
  const passwordHash = await hashPassword(body.newPassword);
  await deps.db.transaction(async (tx) => {
    const userId = await consumeReset(tx, hashResetToken(body.token), now);
    if (!userId) throw invalidToken();
    const user = await deps.accounts.findUserById(tx, userId);
    if (!user?.active) throw invalidToken();
    const changedAt = nextPasswordChangedAt(user.passwordChangedAt, now);
    await deps.accounts.setPassword(tx, user.id, passwordHash, changedAt, { clearLockout: true });
    await consumeAllResetsOfUser(tx, user.id, now);
    await deleteSessionsOfUser(tx, user.id);
    // No signed-in actor: the reset link itself proved who this is.
    const event = {
      agencyId: user.agencyId,
      entityType: 'user' as const,
      entityId: user.id,
      action: 'password_reset',
    };
    await appendAudit(tx, { actor: null, ...event }, now);
  });
}
