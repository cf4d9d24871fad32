import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeUser, TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import { auditLog, sessions } from '../../db/schema/index.ts';

const NEW_PASSWORD = 'a-brand-new-pass-99';

describe('POST /api/auth/password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('changes the password: the new one signs in, the old one no longer does', async () => {
    const user = await makeUser(t.deps.db, { role: 'assessor' });
    const sut = await t.signIn(user.username);
    const res = await sut.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(res.statusCode).toBe(204);
    await expect(t.signIn(user.username)).rejects.toThrow(/401/);
    await expect(t.signIn(user.username, NEW_PASSWORD)).resolves.toBeDefined();
    const [entry] = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(entry).toMatchObject({
      action: 'password_change',
      actorUserId: user.id,
      before: null,
      after: null,
    });
  });

  it('keeps the session that made the change and ends every other session of the user', async () => {
    const user = await makeUser(t.deps.db, { role: 'supervisor' });
    const elsewhere = await t.signIn(user.username);
    const sut = await t.signIn(user.username);
    await sut.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });

    expect((await sut.get('/api/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).statusCode).toBe(401);
    const rows = await t.deps.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
    // The session still works for state-changing requests (its CSRF secret survived).
    expect(
      (await sut.post('/api/auth/password', { currentPassword: NEW_PASSWORD, newPassword: TEST_PASSWORD }))
        .statusCode,
    ).toBe(204);
    expect((await sut.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('refuses a wrong current password in Thai and English and keeps the old password', async () => {
    const user = await makeUser(t.deps.db, { role: 'assessor' });
    const sut = await t.signIn(user.username);
    const res = await sut.post('/api/auth/password', {
      currentPassword: 'not-my-password',
      newPassword: NEW_PASSWORD,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'wrong_current_password',
      th: expect.stringContaining('รหัสผ่านปัจจุบัน'),
      en: expect.stringContaining('current password'),
    });
    expect((await sut.get('/api/auth/me')).statusCode).toBe(200);
    await expect(t.signIn(user.username)).resolves.toBeDefined();
  });

  it('refuses a new password shorter than 8 characters', async () => {
    const user = await makeUser(t.deps.db, { role: 'assessor' });
    const sut = await t.signIn(user.username);
    const res = await sut.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.newPassword');
  });

  it('refuses a new password equal to the current one', async () => {
    const user = await makeUser(t.deps.db, { role: 'assessor' });
    const sut = await t.signIn(user.username);
    const res = await sut.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('password_unchanged');
  });

  it('refuses a request without a signed-in session', async () => {
    const res = await t.anonymous().post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect([401, 403]).toContain(res.statusCode);
  });
});
