// @fastify/session store backed by the `sessions` table, so sessions survive restarts and can be revoked
// (deleteSessionsOfUser: what other modules call when an account is disabled or its password changes).

import { and, eq, lt, ne } from 'drizzle-orm';
import type { Session } from 'fastify';
import type { Db, DbOrTx } from '../../db/client.ts';
import { sessions } from '../../db/schema/index.ts';

type Callback = (err?: unknown) => void;

export class DbSessionStore {
  constructor(
    private readonly db: Db,
    private readonly ttlMs: number,
    private readonly now: () => Date,
  ) {}

  set(sessionId: string, session: Session, callback: Callback) {
    const expiresAt = new Date(this.now().getTime() + this.ttlMs);
    const data = JSON.parse(JSON.stringify(session)) as Record<string, unknown>;
    const userId = typeof session.userId === 'string' ? session.userId : null;
    this.db
      .insert(sessions)
      .values({ id: sessionId, userId, data, expiresAt })
      .onConflictDoUpdate({ target: sessions.id, set: { userId, data, expiresAt } })
      .then(() => callback(), callback);
  }

  get(sessionId: string, callback: (err: unknown, result?: Session | null) => void) {
    this.db
      .select()
      .from(sessions)
      .where(eq(sessions.id, sessionId))
      .then(([row]) => {
        if (!row || row.expiresAt <= this.now()) return callback(null, null);
        const data = row.data as Session;
        // Restore the cookie's expiry as a Date (JSON turned it into a string).
        if (data.cookie?.expires) data.cookie.expires = new Date(data.cookie.expires);
        callback(null, data);
      }, callback);
  }

  destroy(sessionId: string, callback: Callback) {
    this.db
      .delete(sessions)
      .where(eq(sessions.id, sessionId))
      .then(() => callback(), callback);
  }

  async purgeExpired(): Promise<void> {
    await this.db.delete(sessions).where(lt(sessions.expiresAt, this.now()));
  }
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
