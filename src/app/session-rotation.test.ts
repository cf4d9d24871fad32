// Rotating SESSION_SECRET (README "Secrets"): cookies signed with a secret listed in SESSION_SECRET_PREVIOUS
// still open their sessions; without it, everyone is signed out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeUser } from '../../test/helpers/factories.ts';
import { loadConfig } from '../config.ts';
import { buildApp } from './build.ts';

const OLD = 'o'.repeat(40);
const NEW = 'n'.repeat(40);

describe('session secret rotation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SESSION_SECRET: OLD });
    await makeUser(t.deps.db, { username: 'rotated', role: 'admin' });
  });
  afterAll(() => t.close());

  /** The status of GET /api/auth/me with `cookie`, on an app configured with `env` over the same database. */
  async function meWith(env: Record<string, string>, cookie: string) {
    const app = await buildApp(
      { ...t.deps, config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env }) },
      { logger: false },
    );
    try {
      return (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode;
    } finally {
      await app.close();
    }
  }

  it('keeps a session signed with the previous secret, and ends it once that secret is dropped', async () => {
    const { cookie } = await t.signIn('rotated');
    expect(await meWith({ SESSION_SECRET: OLD }, cookie as string)).toBe(200);
    expect(await meWith({ SESSION_SECRET: NEW, SESSION_SECRET_PREVIOUS: OLD }, cookie as string)).toBe(200);
    expect(await meWith({ SESSION_SECRET: NEW }, cookie as string)).toBe(401);
  });

  it('refuses a previous secret shorter than a secret may be', () => {
    expect(() => loadConfig({ SESSION_SECRET: NEW, SESSION_SECRET_PREVIOUS: `${OLD},short` })).toThrow(
      /SESSION_SECRET_PREVIOUS/,
    );
  });
});
