// Every error is ours — one shape, Thai and English, a 4xx for the client's mistakes — including the errors
// Fastify and Node raise before any route runs; and no log line holds a secret or a query's parameters.
import { connect } from 'node:net';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/db.ts';
import { makeUser, TEST_PASSWORD } from '../../test/helpers/factories.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { buildApp } from './build.ts';
import { appDeps } from './deps.ts';

const SECRETS = {
  password: 'Sekret-Passw0rd-4711',
  hash: '$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0c2FsdA$leakedhashvalue',
  token: 'reset-token-0123456789abcdef',
  cookie: 'cookie-value-98765',
  bearer: 'bearer-value-24680',
  csrf: 'csrf-value-13579',
  code: 'ACCESS-CODE-55',
};

function expectOurs(res: { statusCode: number; body: string }, status: number, code?: string) {
  expect(res.statusCode).toBe(status);
  const { error } = JSON.parse(res.body);
  expect(Object.keys(JSON.parse(res.body))).toEqual(['error']);
  expect(error.th).toMatch(/[\u0E00-\u0E7F]/);
  expect(error.en).toMatch(/[a-z]/);
  if (code) expect(error.code).toBe(code);
  expect(res.body).not.toMatch(/FST_|statusCode|"message"/);
}

/** Sends raw bytes to a listening server and returns the status line and body it answers. */
function raw(port: number, request: string): Promise<{ statusCode: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.on('data', (d) => {
      data += d.toString('utf8');
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      resolve({ statusCode: Number(head.split(' ')[1]), body });
    });
  });
}

describe('error answers and logs', () => {
  let database: Database;
  let app: FastifyInstance;
  const lines: string[] = [];
  let port: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    const deps = appDeps({
      db: database.db,
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info' }),
      mailer: { send: async () => {} },
      now: () => new Date('2025-03-01T03:00:00Z'),
    });
    app = await buildApp(deps, { logStream: { write: (l: string) => void lines.push(l) } });
    // A server fault whose query carries a secret: what would a database error log?
    app.get('/api/test/db-fault', async () => {
      await deps.db.execute(sql`select ${SECRETS.hash}::int`);
    });
    // Code that logs a raw database error itself (a worker, say) goes through the same serializer.
    app.get('/api/test/db-fault-logged', async (req) => {
      await deps.db
        .execute(sql`select ${SECRETS.token}::int`)
        .catch((err) => req.log.error({ err }, 'job failed'));
      return { ok: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
    await makeUser(database.db, { role: 'admin', username: 'log-admin' });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it.each([
    ['malformed JSON', { payload: '{"username":', type: 'application/json' }, 400, 'invalid_json'],
    ['an empty JSON body', { payload: '', type: 'application/json' }, 400, 'invalid_json'],
    [
      'an unsupported content type',
      { payload: '<a/>', type: 'application/xml' },
      415,
      'unsupported_media_type',
    ],
    [
      'a body over the limit',
      { payload: `{"x":"${'a'.repeat(2 * 1024 * 1024)}"}`, type: 'application/json' },
      413,
      'payload_too_large',
    ],
  ])('answers %s in our shape', async (_what, { payload, type }, status, code) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': type },
      payload,
    });
    expectOurs(res, status, code);
  });

  it('answers a bad URL encoding, an overlong path parameter, an unknown route and an unknown method in our shape', async () => {
    expectOurs(await app.inject({ method: 'GET', url: '/api/frameworks/%E0%A4%A' }), 400, 'bad_url');
    expectOurs(
      await app.inject({ method: 'GET', url: `/api/frameworks/${'9'.repeat(200)}` }),
      414,
      'uri_too_long',
    );
    expectOurs(await app.inject({ method: 'GET', url: '/api/nothing-here' }), 404, 'not_found');
    expectOurs(await app.inject({ method: 'DELETE', url: '/api/health' }), 404, 'not_found');
  });

  it('answers headers too large (431) and a malformed request line, raised by Node before Fastify, in our shape', async () => {
    const big = await raw(
      port,
      `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expectOurs(big, 431, 'headers_too_large');
    const broken = await raw(port, 'NOT A REQUEST\r\n\r\n');
    expectOurs(broken, 400, 'bad_request');
  });

  it('logs no secret: not a password, token, code, cookie, header or a failed query’s parameters', async () => {
    lines.length = 0;
    const headers = {
      cookie: `prongsai_sid=${SECRETS.cookie}`,
      authorization: `Bearer ${SECRETS.bearer}`,
      'x-csrf-token': SECRETS.csrf,
    };
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers,
      payload: { username: 'log-admin', password: SECRETS.password },
    });
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers,
      payload: { username: `log\u0000${SECRETS.password}`, password: SECRETS.password },
    });
    await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      headers,
      payload: { token: SECRETS.token, newPassword: SECRETS.password },
    });
    await app.inject({
      method: 'GET',
      url: `/api/respond/agencies?q=x&code=${SECRETS.code}&token=${SECRETS.token}`,
    });
    await app.inject({ method: 'GET', url: `/api/nothing?token=${SECRETS.token}` });
    const fault = await app.inject({
      method: 'GET',
      url: `/api/test/db-fault?token=${SECRETS.token}`,
      headers,
    });
    expectOurs(fault, 500, 'internal');
    const ok = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'log-admin', password: TEST_PASSWORD },
    });
    expect(ok.statusCode).toBe(200);

    expect((await app.inject({ method: 'GET', url: '/api/test/db-fault-logged' })).statusCode).toBe(200);
    const log = lines.join('\n');
    expect(log).toContain('request completed'); // the log is on, and it is this log
    for (const [name, secret] of Object.entries(SECRETS)) expect(log, name).not.toContain(secret);
    expect(log).not.toContain('argon2id');
    const dbLine = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'unhandled error');
    expect(dbLine.err.db).toMatchObject({ sqlState: '22P02' });
    expect(dbLine.route).toBe('GET /api/test/db-fault');
    expect(lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'job failed').err.db).toMatchObject({
      sqlState: '22P02',
    });
  });
});
