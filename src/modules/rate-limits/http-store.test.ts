// Two app instances on one database count per-route limits together, in the database (the default) and in
// Redis (when REDIS_URL is set for the test run).
import { randomInt, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { buildApp } from '../../app/build.ts';
import { appDeps } from '../../app/deps.ts';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { rateBuckets } from '../../db/schema/index.ts';
import { PUBLIC_READ_RATE_LIMIT } from '../public-results/public-results.routes.ts';
import { ACCESS_RATE_LIMIT } from '../respond/respond.limits.ts';
import { HTTP_BATCHED_PREFIX, HTTP_BUCKET_PREFIX } from './index.ts';

const redisUrl = process.env.REDIS_URL;

function instancesOnOneDatabase(env: Record<string, string>, count = 2, now = () => new Date()) {
  const shared: { database?: Database; apps: FastifyInstance[] } = { apps: [] };
  beforeAll(async () => {
    shared.database = await createTestDatabase();
    for (let i = 0; i < count; i++) {
      const app = await buildApp(
        appDeps({
          db: shared.database.db,
          config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env }),
          mailer: { send: async () => {} },
          now,
        }),
        { logger: false },
      );
      await app.ready();
      shared.apps.push(app);
    }
  });
  afterAll(async () => {
    for (const app of shared.apps) await app.close();
    await shared.database?.close();
  });
  return shared;
}

/** Sends the IIT access request (limited per client) to instance A and B in turn; returns the statuses. */
async function alternate(apps: FastifyInstance[], count: number, from: (i: number) => string) {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const res = await (apps[i % 2] as FastifyInstance).inject({
      method: 'POST',
      url: `/api/respond/${randomUUID()}/IIT/access`,
      payload: { accessCode: 'ABCDEFGH' },
      remoteAddress: from(i),
    });
    statuses.push(res.statusCode);
  }
  return statuses;
}

// A random client per run: Redis keeps counters across test runs for their window.
const someClient = () => `198.51.${randomInt(256)}.${randomInt(1, 255)}`;

describe('per-route rate limits across two instances (database store)', () => {
  const sut = instancesOnOneDatabase({});

  it('counts a client’s requests on both instances against one limit', async () => {
    const client = someClient();
    const statuses = await alternate(sut.apps, ACCESS_RATE_LIMIT.max + 2, () => client);
    expect(statuses.slice(0, ACCESS_RATE_LIMIT.max).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(ACCESS_RATE_LIMIT.max)).toEqual([429, 429]);
  });

  it('counts an IPv6 client by its /64, and keeps no address in the table', async () => {
    const statuses = await alternate(
      sut.apps,
      ACCESS_RATE_LIMIT.max + 1,
      (i) => `2001:db8:55:1::${(i + 1).toString(16)}`,
    );
    expect(statuses.at(-1)).toBe(429);
    const keys = (await sut.database?.db.select({ key: rateBuckets.key }).from(rateBuckets)) ?? [];
    const http = keys.filter((k) => k.key.startsWith(HTTP_BUCKET_PREFIX));
    expect(http.length).toBeGreaterThan(0);
    expect(JSON.stringify(http)).not.toMatch(/198\.51\.|2001:db8/);
  });
});

describe('batched per-route counts (the public reads) in the database', () => {
  // A clock inside one window: the limit counts per fixed minute, and a real clock crossing a minute in the
  // middle of the loop would start the count again.
  const sut = instancesOnOneDatabase({}, 1, () => new Date('2025-03-01T03:00:20Z'));
  it('counts the public reads in this process (shared in batches): a client over the limit is refused', async () => {
    const app = sut.apps[0] as FastifyInstance;
    sut.apps.length = 0; // closed here
    const client = someClient();
    const statuses: number[] = [];
    const { max } = PUBLIC_READ_RATE_LIMIT;
    for (let i = 0; i < max; i++) {
      const res = await app.inject({ url: '/api/public/results', remoteAddress: client });
      statuses.push(res.statusCode);
      // The plugin's headers, as on the exactly counted routes.
      expect(res.headers['x-ratelimit-limit']).toBe(String(max));
      expect(res.headers['x-ratelimit-remaining']).toBe(String(max - i - 1));
    }
    expect(statuses.every((s) => s === 200)).toBe(true);
    const refused = await app.inject({ url: '/api/public/results', remoteAddress: client });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({
      error: { code: 'rate_limited', th: expect.stringContaining('บ่อยเกินไป'), en: expect.any(String) },
    });
    expect(refused.headers['x-ratelimit-remaining']).toBe('0');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Another client is not held back by it.
    expect((await app.inject({ url: '/api/public/results', remoteAddress: someClient() })).statusCode).toBe(
      200,
    );
    // Closing the app sends what waits: the batched keys land in the table (hashed, as the exact ones).
    await app.close();
    const keys = (await sut.database?.db.select({ key: rateBuckets.key }).from(rateBuckets)) ?? [];
    const batched = keys.filter((k) => k.key.startsWith(HTTP_BATCHED_PREFIX));
    expect(batched.length).toBeGreaterThan(0);
    expect(JSON.stringify(batched)).not.toMatch(/198\.51\./);
  });
});

describe.skipIf(!redisUrl)('per-route rate limits across two instances (Redis store)', () => {
  const sut = instancesOnOneDatabase({ REDIS_URL: redisUrl ?? '' });

  it('counts a client’s requests on both instances against one limit, and nothing in the database', async () => {
    const client = someClient();
    const statuses = await alternate(sut.apps, ACCESS_RATE_LIMIT.max + 2, () => client);
    expect(statuses.slice(0, ACCESS_RATE_LIMIT.max).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(ACCESS_RATE_LIMIT.max)).toEqual([429, 429]);
    const keys = (await sut.database?.db.select({ key: rateBuckets.key }).from(rateBuckets)) ?? [];
    expect(keys.filter((k) => k.key.startsWith(HTTP_BUCKET_PREFIX))).toEqual([]);
  });
});

describe('REDIS_URL', () => {
  it('takes redis:// and rediss:// addresses only', () => {
    const env = { NODE_ENV: 'test' as const };
    expect(loadConfig({ ...env, REDIS_URL: 'redis://127.0.0.1:6379/2' }).redisUrl).toBe(
      'redis://127.0.0.1:6379/2',
    );
    expect(loadConfig({ ...env, REDIS_URL: 'rediss://cache.example:6380' }).redisUrl).toMatch(/^rediss:/);
    expect(loadConfig(env).redisUrl).toBeUndefined();
    expect(() => loadConfig({ ...env, REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL/);
  });
});

describe('per-route rate limits while Redis is unreachable', () => {
  // Port 1 on loopback: nothing listens there, so every Redis command fails.
  const sut = instancesOnOneDatabase({ REDIS_URL: 'redis://127.0.0.1:1' }, 1);

  it('skips the route limit instead of failing the request (the database limits still hold)', async () => {
    const [status] = await alternate(sut.apps, 1, () => someClient());
    expect(status).toBe(404); // survey_not_found: the request went through to the service
  });
});
