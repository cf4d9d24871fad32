import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeUser, TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import { settleAfterResponseTasks } from '../../app/background.ts';
import { buildApp } from '../../app/build.ts';
import { auditLog, users } from '../../db/schema/index.ts';

const MINUTE = 60_000;

// Each test signs in from its own client address so the per-IP rate limit of one test cannot affect another.
let nextIp = 1;
const freshIp = () => `10.1.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`;

describe('sign-in lockout and rate limit', () => {
  let t: TestApp;
  const login = async (username: string, password: string, ip = freshIp()) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: ip,
    });
    await settleAfterResponseTasks();
    return res;
  };
  const userRow = async (id: string) => {
    const [row] = await t.deps.db.select().from(users).where(eq(users.id, id));
    return row;
  };
  const lockoutEntries = (userId: string) =>
    t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, userId), eq(auditLog.action, 'lockout')));
  const mailsTo = (email: string) => t.outbox.filter((m) => m.to === email);
  const withEmail = () => {
    const tag = Math.random().toString(36).slice(2, 10);
    return makeUser(t.deps.db, { role: 'assessor', email: `owner-${tag}@example.org` });
  };

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://ita.example.go.th' });
  });
  afterAll(() => t.close());

  it('refuses even the right password after five wrong ones, with the answer a wrong password gets', async () => {
    const user = await makeUser(t.deps.db, { role: 'assessor' });
    const wrong = [];
    for (let i = 0; i < 5; i++) wrong.push(await login(user.username, 'wrong-password'));
    const locked = await login(user.username, TEST_PASSWORD);
    const unknown = await login('nobody-at-all', 'wrong-password');
    for (const res of [...wrong, locked, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual(wrong[0]?.json());
    }
    expect(locked.json().error).toMatchObject({
      code: 'bad_credentials',
      th: expect.stringContaining('15 นาที'),
      en: expect.stringContaining('15 minutes'),
    });
    // Nothing in the answer hints at the lock (no time, no other header).
    expect(locked.body).not.toMatch(/lock|ล็อก|T\d\d:\d\d/i);
    expect(Object.keys(locked.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
  });

  it('stays locked until the lock time has passed, then accepts the right password', async () => {
    const user = await makeUser(t.deps.db, { role: 'assessor' });
    for (let i = 0; i < 5; i++) await login(user.username, 'wrong-password');
    t.clock.advance(14 * MINUTE);
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(401);
    t.clock.advance(1 * MINUTE + 1000);
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(200);
    expect(await userRow(user.id)).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it('gives five fresh attempts after a lock expires, and locks again on the fifth', async () => {
    const user = await makeUser(t.deps.db, { role: 'assessor' });
    for (let i = 0; i < 5; i++) await login(user.username, 'wrong-password');
    t.clock.advance(16 * MINUTE);
    for (let i = 0; i < 4; i++) await login(user.username, 'wrong-password');
    expect(await userRow(user.id)).toMatchObject({ failedLogins: 4, lockedUntil: null });
    await login(user.username, 'wrong-password');
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    const user = await makeUser(t.deps.db, { role: 'assessor' });
    for (let i = 0; i < 4; i++) await login(user.username, 'wrong-password');
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await login(user.username, 'wrong-password');
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('counts every one of 95 parallel wrong passwords and ends locked, telling the owner once', async () => {
    const user = await withEmail();
    const answers = await Promise.all(
      Array.from({ length: 95 }, () =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: user.username, password: 'wrong-password' },
          remoteAddress: freshIp(),
        }),
      ),
    );
    await settleAfterResponseTasks();
    expect(answers.map((r) => r.statusCode)).toEqual(Array(95).fill(401));
    const row = await userRow(user.id);
    expect(row?.failedLogins).toBe(95);
    expect(row?.lockedUntil).toEqual(new Date(t.deps.now().getTime() + 15 * MINUTE));
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(401);
    expect(mailsTo(user.email ?? '')).toHaveLength(1);
    expect(await lockoutEntries(user.id)).toHaveLength(1);
  });

  it('counts attempts sent to two app instances on one database as one count', async () => {
    const user = await withEmail();
    const second = await buildApp(t.deps, { logger: false });
    try {
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          (i % 2 ? second : t.app).inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: user.username, password: 'wrong-password' },
            remoteAddress: freshIp(),
          }),
        ),
      );
      await settleAfterResponseTasks();
      expect(answers.every((r) => r.statusCode === 401)).toBe(true);
      expect(await userRow(user.id)).toMatchObject({ failedLogins: 30, lockedUntil: expect.any(Date) });
      expect(mailsTo(user.email ?? '')).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('mails the owner in Thai and English when and how the lock ends, and audits the lock', async () => {
    t.clock.set(new Date('2025-03-01T03:00:00Z'));
    const user = await withEmail();
    for (let i = 0; i < 7; i++) await login(user.username, 'wrong-password');
    const [mail, ...more] = mailsTo(user.email ?? '');
    expect(more).toHaveLength(0);
    expect(mail?.subject).toMatch(/พัก.*locked/);
    // The clock stands at 10:00 Bangkok time: the lock ends 15 minutes later.
    expect(mail?.text).toMatch(/10:15/);
    expect(mail?.text).toContain('https://ita.example.go.th/forgot-password');
    expect(mail?.text).toContain('ตั้งรหัสผ่านใหม่');
    expect(mail?.text).toContain('reset your password');
    const [entry] = await lockoutEntries(user.id);
    expect(entry).toMatchObject({ entityType: 'user', actorUserId: null });

    // A new lock after the first has expired is a new notice.
    t.clock.advance(16 * MINUTE);
    for (let i = 0; i < 5; i++) await login(user.username, 'wrong-password');
    expect(mailsTo(user.email ?? '')).toHaveLength(2);
    expect(await lockoutEntries(user.id)).toHaveLength(2);
  });

  it('refuses a deactivated user with the same answer as a wrong password, and counts nothing', async () => {
    const user = await makeUser(t.deps.db, { role: 'assessor', active: false });
    const res = await login(user.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('bad_credentials');
    expect((await userRow(user.id))?.failedLogins).toBe(0);
  });

  it('answers the 21st attempt within a minute from one address with 429, in Thai and English', async () => {
    const ip = freshIp();
    for (let i = 0; i < 20; i++) {
      expect((await login('nobody-here', 'wrong-password', ip)).statusCode).toBe(401);
    }
    const res = await login('nobody-here', 'wrong-password', ip);
    expect(res.statusCode).toBe(429);
    expect(res.json().error).toMatchObject({
      code: 'rate_limited',
      th: expect.stringContaining('บ่อยเกินไป'),
      en: expect.stringContaining('Too many requests'),
    });
    // Another address is not affected.
    expect((await login('nobody-here', 'wrong-password', freshIp())).statusCode).toBe(401);
  });
});
