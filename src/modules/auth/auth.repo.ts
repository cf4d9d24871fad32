// Queries behind sign-in, password changes, password resets and session revocation.
import { and, count, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { passwordResets, sessions, users } from '../../db/schema/index.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(db: DbOrTx, username: string): Promise<UserRow | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.trim().toLowerCase()));
  return user;
}

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

export async function setLoginFailures(
  db: DbOrTx,
  userId: string,
  failedLogins: number,
  lockedUntil: Date | null,
): Promise<void> {
  await db.update(users).set({ failedLogins, lockedUntil }).where(eq(users.id, userId));
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

/** Ends every session of a user (optionally keeping one: the session making the change). */
export async function deleteSessionsOfUser(db: DbOrTx, userId: string, keepSessionId?: string) {
  await db
    .delete(sessions)
    .where(
      keepSessionId
        ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))
        : eq(sessions.userId, userId),
    );
}

export async function insertPasswordReset(
  db: DbOrTx,
  row: { tokenHash: string; userId: string; expiresAt: Date },
): Promise<void> {
  await db.insert(passwordResets).values(row);
}

/** Reset links of a user that could still be used at `now`. */
export async function countUsableResets(db: DbOrTx, userId: string, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(passwordResets)
    .where(
      and(
        eq(passwordResets.userId, userId),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
      ),
    );
  return row?.n ?? 0;
}

/**
 * Marks a usable token as used and returns its user, in one statement so that two concurrent
 * confirmations cannot both succeed.
 */
export async function consumeReset(db: DbOrTx, tokenHash: string, now: Date): Promise<string | null> {
  const [row] = await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(
      and(
        eq(passwordResets.tokenHash, tokenHash),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
      ),
    )
    .returning({ userId: passwordResets.userId });
  return row?.userId ?? null;
}

/** After a successful reset, every other outstanding link of the user stops working too. */
export async function consumeAllResetsOfUser(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}
