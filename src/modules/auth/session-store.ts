// @fastify/session store backed by the `sessions` table, so sessions survive restarts and can be revoked
// (deleteSessionsOfUser: what other modules call when an account is disabled or its password changes).

import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Session } from 'fastify';
import type { Db, DbOrTx } from '../../db/client.ts';
import { definePrepared } from '../../db/prepared.ts';
import { sessions } from '../../db/schema/index.ts';

type Callback = (err?: unknown) => void;

/** Every signed-in request reads its session: prepared (src/db/prepared.ts). */
const sessionById = definePrepared('auth_session_by_id', (db, name) =>
  db
    .select()
    .from(sessions)
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare(name),
);

/** How far behind its renewed expiry a session row may be before a read writes it (of an 8-hour life). */
export const TOUCH_MS = 60_000;

/** A session's contents apart from its cookie, in one canonical text (jsonb does not keep key order). */
function contentsOf(session: Session): string {
  const entries = Object.entries(session)
    .filter(([key]) => key !== 'cookie' && key !== 'fromStore')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

export class DbSessionStore {
  constructor(
    private readonly db: Db,
    private readonly ttlMs: number,
    private readonly now: () => Date,
  ) {}

  /**
   * Saves a session. Sessions are rolling (every answer renews the cookie), so most saves only move the
   * expiry: the row is then left alone until it is TOUCH_MS behind, so that a read does not cost a write
   * (and its commit) each time. A change of the session's contents is always written.
   */
  set(sessionId: string, session: Session, callback: Callback) {
    const expiresAt = new Date(this.now().getTime() + this.ttlMs);
    const read = session.fromStore;
    // Nothing to write (the common case): contents as read and the stored expiry recent enough. No query.
    if (read && read.contents === contentsOf(session) && read.expiresAt >= expiresAt.getTime() - TOUCH_MS)
      return callback();
    const data = JSON.stringify(session, (key, value) => (key === 'fromStore' ? undefined : value));
    const userId = typeof session.userId === 'string' ? session.userId : null;
    // The update skips an unchanged row (no lock, no write).
    const touch = sql`update ${sessions} set user_id = ${userId}, data = ${data}::jsonb, expires_at = ${expiresAt}
          where id = ${sessionId} and (user_id is distinct from ${userId}
            or (data - 'cookie') is distinct from (${data}::jsonb - 'cookie')
            or expires_at < ${new Date(expiresAt.getTime() - TOUCH_MS)})`;
    // A session read from its row is only ever updated: if the row was deleted meanwhile (logout, an account
    // disabled or its password changed in another request), the save of a request still in flight must not
    // bring it back. Only a session created in this request (a sign-in) is inserted.
    const statement = read
      ? touch
      : sql`with touched as (${touch} returning id)
        insert into ${sessions} (id, user_id, data, expires_at)
        select ${sessionId}, ${userId}, ${data}::jsonb, ${expiresAt}
        where not exists (select 1 from ${sessions} where id = ${sessionId})
        on conflict (id) do update set user_id = excluded.user_id, data = excluded.data,
          expires_at = excluded.expires_at`;
    this.db.execute(statement).then(() => callback(), callback);
  }

  get(sessionId: string, callback: (err: unknown, result?: Session | null) => void) {
    sessionById(this.db)
      .execute({ id: sessionId })
      .then(([row]) => {
        if (!row || row.expiresAt <= this.now()) return callback(null, null);
        const stored = row.data as Session;
        const data: Session = {
          ...stored,
          fromStore: { expiresAt: row.expiresAt.getTime(), contents: contentsOf(stored) },
        };
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
