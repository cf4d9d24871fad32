// Rolling sessions renew the cookie on every answer, but the session's row is written only when its contents
// change or its stored expiry is more than TOUCH_MS behind (a read must not cost a write each time).
import { sql } from 'drizzle-orm';
import type { Session } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeAgency, makeUser } from '../../../test/helpers/factories.ts';
import { DbSessionStore, deleteSessionsOfUser, TOUCH_MS } from './session-store.ts';

describe('session touch', () => {
  let t: TestApp;
  let userId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const agency = await makeAgency(t.deps.db);
    userId = (
      await makeUser(t.deps.db, { role: 'agency_admin', username: 'touch-admin', agencyId: agency.id })
    ).id;
  });
  afterAll(() => t.close());

  const stored = async () =>
    (
      await t.deps.db.execute<{ expires: string; n: number }>(
        sql`select max(expires_at)::text as expires, count(*)::int as n from sessions where user_id = ${userId}`,
      )
    ).rows[0];

  it('renews the cookie on every answer but writes the row only once it is TOUCH_MS behind', async () => {
    const sut = await t.signIn('touch-admin');
    const first = await stored();
    expect(first?.n).toBe(1);

    t.clock.advance(TOUCH_MS / 2);
    const soon = await sut.get('/api/auth/me');
    expect(soon.statusCode).toBe(200);
    expect(soon.cookies.find((c) => c.name === 'prongsai_sid')?.expires).toBeInstanceOf(Date);
    expect((await stored())?.expires).toBe(first?.expires);

    t.clock.advance(TOUCH_MS);
    expect((await sut.get('/api/auth/me')).statusCode).toBe(200);
    const later = await stored();
    expect(new Date(later?.expires as string).getTime()).toBe(
      new Date(first?.expires as string).getTime() + TOUCH_MS * 1.5,
    );
    expect(later?.n).toBe(1);
  });

  it('still writes a change of the session at once, and logout still ends it', async () => {
    const sut = await t.signIn('touch-admin');
    const before = (
      await t.deps.db.execute<{ n: number }>(
        sql`select count(*)::int as n from sessions where user_id = ${userId}`,
      )
    ).rows[0]?.n;
    expect((await sut.post('/api/auth/logout')).statusCode).toBeLessThan(300);
    expect((await sut.get('/api/auth/me')).statusCode).toBe(401);
    const after = (
      await t.deps.db.execute<{ n: number }>(
        sql`select count(*)::int as n from sessions where user_id = ${userId}`,
      )
    ).rows[0]?.n;
    expect(after).toBe((before as number) - 1);
  });

  it('does not bring back a session deleted while a request of it was in flight', async () => {
    const sut = await t.signIn('touch-admin');
    const ids = await t.deps.db.execute<{ id: string }>(
      sql`select id from sessions where user_id = ${userId}`,
    );
    expect(ids.rows.length).toBeGreaterThan(0);
    const store = new DbSessionStore(t.deps.db, 8 * 3_600_000, t.deps.now);
    // The request read its session, then the account's sessions were ended (password changed elsewhere)…
    const loaded = await Promise.all(
      ids.rows.map(
        ({ id }) =>
          new Promise<[string, Session]>((resolve, reject) =>
            store.get(id, (err, s) =>
              err || !s ? reject(err ?? new Error('no session')) : resolve([id, s]),
            ),
          ),
      ),
    );
    await deleteSessionsOfUser(t.deps.db, userId);
    // …and then its answer saves the session, late enough that the expiry would be written.
    t.clock.advance(TOUCH_MS * 2);
    for (const [id, session] of loaded)
      await new Promise<void>((resolve, reject) =>
        store.set(id, session, (err) => (err ? reject(err) : resolve())),
      );
    expect((await stored())?.n).toBe(0);
    expect((await sut.get('/api/auth/me')).statusCode).toBe(401);
  });
});
