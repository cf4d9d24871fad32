import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeAgency, makeUser, TEST_PASSWORD } from '../../../test/helpers/factories.ts';

describe('sign-in and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const agency = await makeAgency(t.deps.db);
    await makeUser(t.deps.db, { role: 'agency_admin', username: 'jane-admin', agencyId: agency.id });
  });
  afterAll(() => t.close());

  it('signs in with the right password and reports who is signed in', async () => {
    const sut = await t.signIn('jane-admin');
    const me = await sut.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ username: 'jane-admin', role: 'agency_admin' });
  });

  it('sets an http-only session cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'jane-admin', password: TEST_PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === 'prongsai_sid');
    expect(cookie?.httpOnly).toBe(true);
  });

  it('refuses a wrong password with a Thai and English message', async () => {
    const res = await t.anonymous().post('/api/auth/login', { username: 'jane-admin', password: 'nope' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({
      code: 'bad_credentials',
      th: expect.stringContaining('รหัสผ่าน'),
    });
  });

  it('rejects a state-changing request without the CSRF token', async () => {
    const sut = await t.signIn('jane-admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: sut.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf');
  });

  it('ends the session on logout', async () => {
    const sut = await t.signIn('jane-admin');
    expect((await sut.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await sut.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('answers /api/auth/me with 401 when not signed in', async () => {
    expect((await t.anonymous().get('/api/auth/me')).statusCode).toBe(401);
  });
});
