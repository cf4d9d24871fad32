import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeUser, TEST_PASSWORD } from '../../../test/helpers/factories.ts';

const MINUTE = 60_000;

// Each test signs in from its own client address so the per-IP rate limit of one test cannot affect another.
let nextIp = 1;
const freshIp = () => `10.1.0.${nextIp++}`;

describe('sign-in lockout and rate limit', () => {
  let t: TestApp;
  const login = (username: string, password: string, ip: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: ip,
    });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('locks the account after five wrong passwords, even for the right password, in Thai and English', async () => {
    const user = await makeUser(t.deps.db, { role: 'assessor' });
    const ip = freshIp();
    for (let i = 0; i < 5; i++) {
      expect((await login(user.username, 'wrong-password', ip)).statusCode).toBe(401);
    }
    const res = await login(user.username, TEST_PASSWORD, ip);
    expect(res.statusCode).toBe(429);
    expect(res.json().error).toMatchObject({
      code: 'account_locked',
      th: expect.stringContaining('บัญชีถูกล็อก'),
      en: expect.stringContaining('locked'),
    });
  });

  it('stays locked until the lock time has passed, then accepts the right password', async () => {
    const user = await makeUser(t.deps.db, { role: 'assessor' });
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await login(user.username, 'wrong-password', ip);

    t.clock.advance(14 * MINUTE);
    expect((await login(user.username, TEST_PASSWORD, ip)).statusCode).toBe(429);
    t.clock.advance(1 * MINUTE + 1000);
    expect((await login(user.username, TEST_PASSWORD, ip)).statusCode).toBe(200);
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    const user = await makeUser(t.deps.db, { role: 'assessor' });
    const ip = freshIp();
    for (let i = 0; i < 4; i++) await login(user.username, 'wrong-password', ip);
    expect((await login(user.username, TEST_PASSWORD, ip)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await login(user.username, 'wrong-password', ip);
    expect((await login(user.username, TEST_PASSWORD, ip)).statusCode).toBe(200);
  });

  it('refuses a deactivated user with the same answer as a wrong password', async () => {
    const user = await makeUser(t.deps.db, { role: 'assessor', active: false });
    const res = await login(user.username, TEST_PASSWORD, freshIp());
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('bad_credentials');
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
