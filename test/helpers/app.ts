// An application on a fresh test database, with a mail outbox, a movable clock and signed-in clients.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app/build.ts';
import type { AppDeps, MailMessage } from '../../src/app/context.ts';
import { appDeps } from '../../src/app/deps.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { createTestDatabase } from './db.ts';
import { TEST_PASSWORD } from './factories.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  deps: AppDeps;
  outbox: MailMessage[];
  clock: { set(d: Date): void; advance(ms: number): void };
  /** Signs in through the API and returns a client carrying the session cookie and CSRF token. */
  signIn(username: string, password?: string): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export interface Client {
  /** The session cookie header this client sends (undefined when anonymous). */
  cookie?: string;
  request(method: Method, url: string, body?: unknown): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

function client(app: FastifyInstance, cookie?: string, csrf?: string): Client {
  const request = (method: Method, url: string, body?: unknown) =>
    app.inject({
      method,
      url,
      headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    cookie,
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    put: (url, body) => request('PUT', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body ?? {}),
    delete: (url) => request('DELETE', url),
  };
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const outbox: MailMessage[] = [];
  let now = new Date('2025-03-01T03:00:00Z');
  const deps: AppDeps = appDeps({
    db: database.db,
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env }),
    mailer: { send: async (m) => void outbox.push(m) },
    now: () => new Date(now),
  });
  const app = await buildApp(deps, { logger: false });
  let signIns = 0;
  await app.ready();
  return {
    app,
    database,
    deps,
    outbox,
    clock: {
      set: (d) => {
        now = new Date(d);
      },
      advance: (ms) => {
        now = new Date(now.getTime() + ms);
      },
    },
    async signIn(username, password = TEST_PASSWORD) {
      // Each sign-in comes from its own address so the per-IP login rate limit never trips a test.
      signIns += 1;
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
        remoteAddress: `10.99.${Math.floor(signIns / 250) % 250}.${(signIns % 250) + 1}`,
      });
      if (res.statusCode !== 200)
        throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      return client(app, cookie, res.json().csrfToken);
    },
    anonymous: () => client(app),
    async close() {
      await app.close();
      await database.close();
    },
  };
}
