import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeUser, TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import { settleAfterResponseTasks } from '../../app/background.ts';
import { auditLog, passwordResets } from '../../db/schema/index.ts';

const MINUTE = 60_000;
const NEW_PASSWORD = 'reset-pass-2568';

// Each test uses its own client address: the reset endpoints are rate-limited per IP.
let nextIp = 1;
const freshIp = () => `10.2.0.${nextIp++}`;

describe('password reset by e-mail', () => {
  let t: TestApp;
  const post = (url: string, payload: object, ip: string) =>
    t.app.inject({ method: 'POST', url, payload, remoteAddress: ip });
  /** Requests a reset and waits for the work done after the answer (lookup, mail). */
  const request = async (usernameOrEmail: string, ip = freshIp()) => {
    const res = await post('/api/auth/password-reset/request', { usernameOrEmail }, ip);
    await settleAfterResponseTasks();
    return res;
  };
  const confirm = (token: string, newPassword = NEW_PASSWORD, ip = freshIp()) =>
    post('/api/auth/password-reset/confirm', { token, newPassword }, ip);
  const login = (username: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: freshIp(),
    });
  /** Requests a reset and returns the token from the mailed link. */
  const mailedToken = async (usernameOrEmail: string) => {
    const before = t.outbox.length;
    expect((await request(usernameOrEmail)).statusCode).toBe(202);
    expect(t.outbox).toHaveLength(before + 1);
    const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(lastMail().text)?.[1];
    if (!token) throw new Error('no token in the mail');
    return token;
  };
  const lastMail = () => {
    const mail = t.outbox.at(-1);
    if (!mail) throw new Error('no mail sent');
    return mail;
  };
  const userWithEmail = (o: { active?: boolean } = {}) => {
    const tag = Math.random().toString(36).slice(2, 10);
    return makeUser(t.deps.db, { role: 'assessor', email: `person-${tag}@example.org`, ...o });
  };

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://ita.example.go.th' });
  });
  afterAll(() => t.close());

  it('mails a link in Thai and English to the address of the account', async () => {
    const user = await userWithEmail();
    const res = await request(user.username);
    expect(res.statusCode).toBe(202);
    expect(res.json().message.th).toBeTruthy();
    const mail = lastMail();
    expect(mail.to).toBe(user.email);
    expect(mail.subject).toMatch(/ตั้งรหัสผ่านใหม่.*Reset/);
    expect(mail.text).toContain('https://ita.example.go.th/reset-password?token=');
    expect(mail.text).toContain('30 นาที');
    expect(mail.text).toContain('30 minutes');
  });

  it('stores only the SHA-256 of the token, expiring after 30 minutes', async () => {
    const user = await userWithEmail();
    const token = await mailedToken(user.username);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const rows = await t.deps.db.select().from(passwordResets).where(eq(passwordResets.userId, user.id));
    expect(rows).toEqual([
      expect.objectContaining({
        tokenHash: createHash('sha256').update(token).digest('hex'),
        expiresAt: new Date(t.deps.now().getTime() + 30 * MINUTE),
      }),
    ]);
  });

  it('finds the account by e-mail address, ignoring case', async () => {
    const user = await userWithEmail();
    await mailedToken(String(user.email).toUpperCase());
    expect(lastMail().to).toBe(user.email);
  });

  it('answers the same for unknown names, accounts without e-mail and deactivated accounts, sending nothing', async () => {
    const known = await request((await userWithEmail()).username);
    const withoutEmail = await makeUser(t.deps.db, { role: 'assessor' });
    const inactive = await userWithEmail({ active: false });
    const before = t.outbox.length;
    for (const name of ['nobody-at-all', withoutEmail.username, inactive.username]) {
      const res = await request(name);
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual(known.json());
    }
    expect(t.outbox).toHaveLength(before);
  });

  it('answers before the account is looked up or mailed, so the time to answer says nothing', async () => {
    const user = await userWithEmail();
    const send = t.deps.mailer.send;
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let mailStarted = (_: 'mail') => {};
    const started = new Promise<'mail'>((resolve) => {
      mailStarted = resolve;
    });
    const sent: string[] = [];
    t.deps.mailer.send = async (m) => {
      mailStarted('mail');
      await gate;
      sent.push(m.to);
    };
    try {
      const answer = post('/api/auth/password-reset/request', { usernameOrEmail: user.username }, freshIp());
      const first = await Promise.race([answer.then(() => 'answer' as const), started]);
      expect(first).toBe('answer');
      expect((await answer).statusCode).toBe(202);
    } finally {
      release();
      await settleAfterResponseTasks();
      t.deps.mailer.send = send;
    }
    expect(sent).toEqual([user.email]);
  });

  it('sets the new password, once: the old password and a second use of the link both fail', async () => {
    const user = await userWithEmail();
    const token = await mailedToken(user.username);
    expect((await confirm(token)).statusCode).toBe(204);
    expect((await login(user.username, NEW_PASSWORD)).statusCode).toBe(200);
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(401);

    const [entry] = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(entry).toMatchObject({ action: 'password_reset', entityType: 'user', actorUserId: null });

    const again = await confirm(token, 'yet-another-pass-1');
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toMatchObject({
      code: 'reset_token_invalid',
      th: expect.stringContaining('ลิงก์'),
      en: expect.stringContaining('reset link'),
    });
  });

  it('ends every session of the user', async () => {
    const user = await userWithEmail();
    const signedIn = await t.signIn(user.username);
    const token = await mailedToken(user.username);
    await confirm(token);
    expect((await signedIn.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('accepts the link until 30 minutes have passed, and not after', async () => {
    const early = await userWithEmail();
    const earlyToken = await mailedToken(early.username);
    const late = await userWithEmail();
    const lateToken = await mailedToken(late.username);
    t.clock.advance(29 * MINUTE);
    expect((await confirm(earlyToken)).statusCode).toBe(204);
    t.clock.advance(1 * MINUTE);
    expect((await confirm(lateToken)).statusCode).toBe(400);
  });

  it('clears a sign-in lockout', async () => {
    const user = await userWithEmail();
    for (let i = 0; i < 5; i++) await login(user.username, 'wrong-password');
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(401);
    await settleAfterResponseTasks();
    await confirm(await mailedToken(user.username));
    expect((await login(user.username, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('makes the other outstanding links of the user unusable after a reset', async () => {
    const user = await userWithEmail();
    const first = await mailedToken(user.username);
    const second = await mailedToken(user.username);
    expect((await confirm(second)).statusCode).toBe(204);
    expect((await confirm(first, 'other-pass-12345')).statusCode).toBe(400);
  });

  it('keeps the link usable when the new password is refused as too short', async () => {
    const user = await userWithEmail();
    const token = await mailedToken(user.username);
    const res = await confirm(token, 'short');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.th).toBeTruthy();
    expect((await confirm(token)).statusCode).toBe(204);
  });

  it('refuses an unknown token', async () => {
    expect((await confirm('A'.repeat(43))).statusCode).toBe(400);
  });

  it('sends at most three usable links to one account at a time', async () => {
    const user = await userWithEmail();
    const before = t.outbox.length;
    for (let i = 0; i < 4; i++) expect((await request(user.username)).statusCode).toBe(202);
    expect(t.outbox).toHaveLength(before + 3);
  });

  it('answers the 6th request within 15 minutes from one address with 429, in Thai and English', async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect((await request('nobody-at-all', ip)).statusCode).toBe(202);
    const res = await request('nobody-at-all', ip);
    expect(res.statusCode).toBe(429);
    expect(res.json().error).toMatchObject({
      code: 'rate_limited',
      th: expect.any(String),
      en: expect.any(String),
    });
  });
});
