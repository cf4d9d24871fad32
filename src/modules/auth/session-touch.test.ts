// Rolling sessions renew the cookie on every answer, but the session's row is written only when its contents
// change or its stored expiry is more than TOUCH_MS behind (a read must not cost a write each time).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeAgency, makeUser } from '../../../test/helpers/factories.ts';
import { TOUCH_MS } from './session-store.ts';

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
});
