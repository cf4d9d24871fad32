// The credentials of accounts: the lookups and writes behind sign-in, lockout, password change and reset.
// The users table is this module's; the auth module (which users imports for hashing, sessions and reset
// links) reaches these through AppDeps.accounts, wired by src/app/deps.ts, so the import stays one-way.
import { and, eq, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}

/** The user a reset request names, by username or e-mail (both case-insensitive). */
export async function findUserByUsernameOrEmail(db: DbOrTx, value: string): Promise<UserRow | undefined> {
  const v = value.trim().toLowerCase();
  const [user] = await db
    .select()
    .from(users)
    .where(or(eq(sql`lower(${users.username})`, v), eq(sql`lower(${users.email})`, v)))
    .limit(1);
  return user;
}

/**
 * Counts one sign-in attempt for the active user named `username`, before the password is checked, in one
 * statement: concurrent attempts (in this process or another instance on the same database) each see the
 * count the previous one left, so no attempt is lost. The run of attempts restarts after an expired lock;
 * the attempt that reaches `maxAttempts` sets the lock; attempts while locked keep counting but never move
 * the unlock time. A successful sign-in then clears both (`clearLoginFailures`).
 *
 * Returns the user with the new count, or undefined when no active, confirmed user has that name. The attempt may be
 * checked against the password only when the new count is at most `maxAttempts` (see core of signIn).
 */
export async function countSignInAttempt(
  db: DbOrTx,
  username: string,
  now: Date,
  policy: { maxAttempts: number; lockMinutes: number },
): Promise<UserRow | undefined> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const lockUntil = sql`${new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString()}::timestamptz`;
  const max = sql`${policy.maxAttempts}::integer`;
  // Capped at max-1 while unlocked, so the attempt reaching the limit is always exactly the max-th one.
  const runCount = sql`(case when ${users.lockedUntil} is not null then 1
    else least(${users.failedLogins}, ${max} - 1) + 1 end)`;
  const [row] = await db
    .update(users)
    .set({
      failedLogins: sql`case when ${users.lockedUntil} > ${at} then ${users.failedLogins} + 1
        else ${runCount} end`,
      lockedUntil: sql`case when ${users.lockedUntil} > ${at} then ${users.lockedUntil}
        when ${runCount} >= ${max} then ${lockUntil} else null end`,
    })
    .where(
      and(
        eq(sql`lower(${users.username})`, username.trim().toLowerCase()),
        eq(users.active, true),
        // A proposed executive cannot sign in until confirmed (and answers like an unknown user).
        eq(users.awaitingConfirmation, false),
      ),
    )
    .returning();
  return row;
}

export async function clearLoginFailures(db: DbOrTx, userId: string): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

/** Stores a new password hash; a reset also clears the lockout. */
export async function setPassword(
  db: DbOrTx,
  userId: string,
  passwordHash: string,
  passwordChangedAt: Date,
  opts: { clearLockout?: boolean } = {},
): Promise<void> {
  await db
    .update(users)
    .set({
      passwordHash,
      passwordChangedAt,
      ...(opts.clearLockout ? { failedLogins: 0, lockedUntil: null } : {}),
    })
    .where(eq(users.id, userId));
}

/** What the auth module uses of accounts (AppDeps.accounts). */
export const accountCredentials = {
  findUserById,
  findUserByUsernameOrEmail,
  countSignInAttempt,
  clearLoginFailures,
  setPassword,
};
export type AccountCredentials = typeof accountCredentials;
