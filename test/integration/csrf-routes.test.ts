// Every state-changing route of the staff API refuses a request that carries a valid session cookie but no
// CSRF token, under every spelling of its path that the router might still match. The routes are read from
// the app itself, so a route added later is covered without touching this file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRoutes, type RouteKey } from '../authz/harness.ts';
import { fingerprint as tableFingerprint } from '../fuzz/checksum.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeUser } from '../helpers/factories.ts';

/** Routes that take state-changing requests without a CSRF token, on purpose. */
const NO_CSRF_BY_DESIGN = new Set([
  // Anonymous: no session holds a CSRF secret yet.
  'POST /api/auth/login',
  'POST /api/auth/password-reset/request',
  'POST /api/auth/password-reset/confirm',
  // The public respondent API has no session at all; the signed grant in the request is the permission.
  'POST /api/respond/:agencyId/:instrument/submit',
  'POST /api/respond/:agencyId/EIT1/otp',
  'POST /api/respond/:agencyId/EIT1/otp/resend',
  'POST /api/respond/:agencyId/EIT1/otp/verify',
  'POST /api/respond/:agencyId/IIT/access',
  // The score calculator computes from the request alone and stores nothing.
  'POST /api/frameworks/:year/score',
]);

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SOME_ID = '00000000-0000-4000-8000-000000000000';

/** A concrete URL for a route pattern (the parameters' values do not matter: nothing may get that far). */
const concrete = (path: string) => path.replace(/:[A-Za-z0-9_]+/g, SOME_ID).replace(/\*/g, 'x');

const pct = (c: string) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

/** Spellings of `url` that a router may resolve to the same route, and a string test on the URL may not. */
function pathVariants(url: string): string[] {
  const segments = url.split('/').slice(1); // ['api', 'users', '…']
  const join = (segs: string[]) => `/${segs.join('/')}`;
  const out = new Set<string>([
    `/%61pi/${segments.slice(1).join('/')}`,
    `/%2561pi/${segments.slice(1).join('/')}`,
    `/${[...'api'].map(pct).join('')}/${segments.slice(1).join('/')}`,
    `/${[...'api'].map(pct).join('').toUpperCase()}/${segments.slice(1).join('/')}`,
    `/api%2F${segments.slice(1).join('/')}`,
    `/api%2f${segments.slice(1).join('/')}`,
    `/${segments.join('%2F')}`,
    `//${segments.join('/')}`,
    `/${segments.join('//')}`,
    `/API/${segments.slice(1).join('/')}`,
    `/Api/${segments.slice(1).join('/')}`,
    join(segments.map((s) => s.toUpperCase())),
    `${url}/`,
    `${url}//`,
    `${url}?`,
    `${url}?x=/api/`,
    `${url};x`,
    `${url}%3Fx`,
    `/x/../${segments.join('/')}`,
    `/api/x/../${segments.slice(1).join('/')}`,
    `/./${segments.join('/')}`,
    `/api/./${segments.slice(1).join('/')}`,
    `/%2e%2e/${segments.join('/')}`,
    `/x/%2e%2e/${segments.join('/')}`,
    `/api/%2e/${segments.slice(1).join('/')}`,
    `/%2Fapi/${segments.slice(1).join('/')}`,
    `\\api\\${segments.slice(1).join('\\')}`,
    // Every character of every segment percent-encoded, one segment at a time.
    ...segments.map((_, i) => join(segments.map((s, j) => (j === i ? [...s].map(pct).join('') : s)))),
  ]);
  out.delete(url);
  return [...out];
}

describe('CSRF on every state-changing staff route, under every spelling of its path', () => {
  let t: TestApp;
  let cookie: string;
  let ip = 0;
  const send = (method: string, url: string) =>
    t.app.inject({
      method: method as 'POST',
      url,
      headers: { cookie, 'content-type': 'application/json' },
      payload: '{}',
      // Its own address each time: the per-address rate limits of some routes must not answer first.
      remoteAddress: `10.77.${Math.floor(++ip / 250) % 250}.${(ip % 250) + 1}`,
    });
  /** Every table but the records of attempts, which count refused requests by design (test/fuzz/checksum.ts). */
  const fingerprint = () => tableFingerprint(t.deps.db);

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await makeUser(t.deps.db, { role: 'admin' });
    cookie = (await t.signIn(admin.username)).cookie ?? '';
  });
  afterAll(() => t.close());

  it('refuses each one, at its own path and every variant, before its handler runs', async () => {
    const routes = listRoutes(t.app).filter(
      (r: RouteKey) => UNSAFE.has(r.method) && r.path.startsWith('/api/'),
    );
    expect(routes.length).toBeGreaterThan(40);
    const before = await fingerprint();
    const optedOut: string[] = [];
    const reached: string[] = [];
    let sent = 0;
    let matchedVariants = 0;
    for (const route of routes) {
      const url = concrete(route.path);
      const canonical = await send(route.method, url);
      if (canonical.statusCode !== 403 || canonical.json().error?.code !== 'csrf') {
        optedOut.push(`${route.method} ${route.path}`);
        continue;
      }
      for (const variant of pathVariants(url)) {
        sent += 1;
        const res = await send(route.method, variant);
        const code = res.statusCode === 404 || res.statusCode === 403 ? res.json().error?.code : undefined;
        const refused =
          (res.statusCode === 403 && code === 'csrf') || (res.statusCode === 404 && code === 'not_found');
        if (res.statusCode === 403) matchedVariants += 1;
        if (!refused) reached.push(`${route.method} ${variant} → ${res.statusCode} ${res.body.slice(0, 80)}`);
      }
    }
    console.info(
      `CSRF: ${routes.length - optedOut.length} routes, ${sent} path variants, ${matchedVariants} of them matched by the router`,
    );
    expect(reached).toEqual([]);
    // The router does resolve encoded spellings: the test is not only probing paths nothing matches.
    expect(matchedVariants).toBeGreaterThan(routes.length - optedOut.length);
    expect(optedOut.sort()).toEqual([...NO_CSRF_BY_DESIGN].sort());
    expect(await fingerprint()).toEqual(before);
  });
});
