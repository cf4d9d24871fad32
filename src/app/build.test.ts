// The application's two API scopes: the staff API with sessions, the public respondent API without, both
// with the same security headers and both in the API docs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeUser } from '../../test/helpers/factories.ts';
import { decodedPath } from './build.ts';
import { helmetHeaders } from './security-headers.ts';

describe('application scopes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await makeUser(t.deps.db, { role: 'admin', username: 'scope-admin' });
  });
  afterAll(() => t.close());

  it('sends the security headers of @fastify/helmet on staff, respondent, docs and unknown routes', async () => {
    const expected = await helmetHeaders();
    expect(expected['content-security-policy']).toContain("default-src 'self'");
    expect(expected['x-content-type-options']).toBe('nosniff');
    expect(expected['x-frame-options']).toBe('SAMEORIGIN');
    for (const url of [
      '/api/health',
      '/api/auth/me',
      '/api/respond/agencies',
      '/api/docs/json',
      '/api/nope',
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      for (const [name, value] of Object.entries(expected)) {
        expect(res.headers[name], `${name} on ${url}`).toBe(String(value));
      }
    }
  });

  it('never reads or renews a staff session on the respondent API', async () => {
    const staff = await t.signIn('scope-admin');
    // The staff API renews the session cookie on each request (rolling sessions)…
    const me = await staff.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.headers['set-cookie']).toBeDefined();
    // …the respondent API, sent the same cookie, answers as to anyone and sets no cookie.
    const search = await staff.get('/api/respond/agencies');
    expect(search.statusCode).toBe(200);
    expect(search.headers['set-cookie']).toBeUndefined();
    // The EIT part-1 code request too (a bad body: nothing is sent, the answer is still the public API's).
    const otp = await staff.post('/api/respond/00000000-0000-4000-8000-000000000000/EIT1/otp', {});
    expect(otp.statusCode).toBe(400);
    expect(otp.headers['set-cookie']).toBeUndefined();
  });

  it('lists the respondent API in the API docs next to the staff API', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/me',
        '/api/respond/agencies',
        '/api/respond/{agencyId}/{instrument}/submit',
        '/api/respond/{agencyId}/IIT/access',
      ]),
    );
  });
});

describe('decodedPath', () => {
  it('reads a URL path as the router does: decoded, without the query', () => {
    expect(decodedPath('/%61pi/users?x=/respond')).toBe('/api/users');
    expect(decodedPath('/respond%2Fabc#x')).toBe('/respond/abc');
    expect(decodedPath('/%E0%A4')).toBeNull();
  });
});
