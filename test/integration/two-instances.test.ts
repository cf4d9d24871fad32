// Two real server processes (`prongsai start`) against one PostgreSQL database behave as one: a session made
// on A works on B and ends on B when signed out on A; the login lockout, a per-route rate limit and the OTP
// limits count requests to both; the evidence workers of both work each job exactly once; the notices workers
// of both plan the same reminders and mail each exactly once. With REDIS_URL set for the test run, the
// instances keep their route limits in Redis instead of the database.
// PostgreSQL only: the embedded PGlite database belongs to one process (README "Running several instances").
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bangkokToday } from '../../src/core/calendar.ts';
import { type Database, openPostgres } from '../../src/db/client.ts';
import {
  evidenceSnapshots,
  notices,
  participations,
  rateBuckets,
  stageExtensions,
  stakeholderData,
  surveyAccess,
  users,
} from '../../src/db/schema/index.ts';
import { OTP_RATE_LIMITS } from '../../src/modules/otp/otp.limits.ts';
import { HTTP_BUCKET_PREFIX } from '../../src/modules/rate-limits/index.ts';
import { ACCESS_ALARM_FAILURES, ACCESS_RATE_LIMIT } from '../../src/modules/respond/respond.limits.ts';
import { OTP_MAX_ATTEMPTS } from '../../src/shared/limits.ts';
import { testDriver } from '../helpers/db.ts';
import { makeAgency, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { freePort, stopProcess, waitForHealth } from '../helpers/server-process.ts';
import { startTestSite, type TestSite } from '../helpers/test-site.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EVIDENCE_CONCURRENCY = 2;
/** Agencies with OIT answering due in 5 days (the 7-day reminder), an admin and an executive each. */
const REMINDED_AGENCIES = 30;

interface Instance {
  name: string;
  base: string;
  child: ChildProcess;
  output: () => string;
  /** The recipient of every e-mail this instance handed to its mailer (the log transport), in order. */
  mailedTo: string[];
}

async function startInstance(name: string, databaseUrl: string, site: TestSite): Promise<Instance> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { DATABASE_URL: _db, REDIS_URL: redisUrl, ...callerEnv } = process.env;
  let log = '';
  let partial = '';
  const mailedTo: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'start'], {
    cwd: ROOT,
    env: {
      ...callerEnv,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: base,
      PRONGSAI_DEMO: 'false',
      LOG_LEVEL: 'warn',
      COOKIE_SECURE: 'false',
      // The test stands for clients at other addresses through X-Forwarded-For, as a proxy would.
      TRUST_PROXY: '127.0.0.1',
      EVIDENCE_ALLOW_HOSTS: site.host,
      EVIDENCE_CONCURRENCY: String(EVIDENCE_CONCURRENCY),
      TZ: 'Asia/Bangkok',
      // Reminders go whatever the hour the test runs at (quiet hours have their own tests).
      NOTICE_QUIET_HOURS: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    keep(chunk);
    // The log mail transport writes "[mail → address] subject" on a line of its own.
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const to = /^\[mail → ([^\]]+)\]/.exec(line)?.[1];
      if (to) mailedTo.push(to);
    }
  });
  child.stderr?.on('data', keep);
  await waitForHealth(`${base}/api/health`, child, () => log, 120_000);
  return { name, base, child, output: () => log, mailedTo };
}

interface Call {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** The client address the request comes from (X-Forwarded-For through the trusted local proxy). */
  from?: string;
  cookie?: string;
  csrf?: string;
}
async function call(instance: Instance, url: string, c: Call = {}) {
  const res = await fetch(`${instance.base}${url}`, {
    method: c.method ?? (c.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(c.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(c.from ? { 'x-forwarded-for': c.from } : {}),
      ...(c.cookie ? { cookie: c.cookie } : {}),
      ...(c.csrf ? { 'x-csrf-token': c.csrf } : {}),
    },
    ...(c.body === undefined ? {} : { body: JSON.stringify(c.body) }),
  });
  const text = await res.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : null;
  } catch {
    // not JSON
  }
  const cookie = res.headers
    .getSetCookie()
    .map((h) => h.split(';')[0])
    .join('; ');
  return { status: res.status, json, text, cookie };
}
const errorCode = (r: { json: Record<string, unknown> | null }) =>
  (r.json?.error as { code?: string } | undefined)?.code;

describe.skipIf(testDriver !== 'postgres')('two instances on one PostgreSQL database', () => {
  let admin: pg.Client;
  let dbName: string;
  let database: Database;
  let site: TestSite;
  let a: Instance;
  let b: Instance;
  let agencyId: string;
  /** The reminder recipients seeded before the instances start, by id: their e-mail addresses. */
  const reminded = new Map<string, string>();
  const both = () => [a, b] as const;
  /** Instance A for even i, B for odd i. */
  const nth = (i: number) => (i % 2 === 0 ? a : b);

  beforeAll(async () => {
    const url = process.env.TEST_DATABASE_URL as string;
    dbName = `prongsai_t_${randomBytes(6).toString('hex')}`;
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${dbName} template ${inject('pgTemplate')}`);
    const u = new URL(url);
    u.pathname = `/${dbName}`;
    database = await openPostgres(u.toString(), { migrate: false, poolSize: 2 });
    site = await startTestSite();
    // Before the instances start, so that the first planning round of each (5 s after its start) finds them:
    // agencies whose OIT answering, extended, ends in 5 days by the real clock, with work outstanding.
    const inFive = new Date(Date.parse(`${bangkokToday(new Date())}T00:00:00Z`) + 5 * 86_400_000);
    for (let i = 0; i < REMINDED_AGENCIES; i++) {
      const agency = await makeAgency(database.db);
      await database.db
        .insert(participations)
        .values({ agencyId: agency.id, year: 2568, registered: true, registeredAt: new Date() });
      await database.db.insert(stageExtensions).values({
        agencyId: agency.id,
        year: 2568,
        stage: 'oit_answering',
        endsOn: inFive.toISOString().slice(0, 10),
        reason: 'two-instance test',
      });
      for (const role of ['agency_admin', 'executive'] as const) {
        const email = `reminded-${i}-${role}@two-instances.example`;
        reminded.set((await makeUser(database.db, { role, agencyId: agency.id, email })).id, email);
      }
    }
    // Both at once, as a deployment starts them: start-up tasks must not trip over each other.
    [a, b] = await Promise.all([
      startInstance('A', u.toString(), site),
      startInstance('B', u.toString(), site),
    ]);
    // An agency collecting FY2568 (frameworks loaded by the instances' start-up), its EIT window extended
    // past today so that the real clock of the processes is inside it.
    const agency = await makeAgency(database.db, { website: site.origin });
    agencyId = agency.id;
    await database.db
      .insert(participations)
      .values({ agencyId, year: 2568, registered: true, registeredAt: new Date() });
    await database.db.insert(stageExtensions).values({
      agencyId,
      year: 2568,
      stage: 'eit_collection',
      endsOn: '2099-12-31',
      reason: 'two-instance test',
    });
  }, 240_000);

  afterAll(async () => {
    await Promise.all([a, b].filter(Boolean).map((i) => stopProcess(i.child)));
    await site?.close();
    await database?.close();
    await admin?.query(`drop database if exists ${dbName} with (force)`);
    await admin?.end();
  }, 60_000);

  it('plans each reminder on both instances and mails it exactly once', async () => {
    const ids = [...reminded.keys()];
    const expected = ids.length;
    const deadline = Date.now() + 90_000;
    const delivered = () =>
      database.db.select().from(notices).where(inArray(notices.userId, ids)).orderBy(notices.userId);
    let rows = await delivered();
    while ((rows.length < expected || rows.some((r) => r.status !== 'delivered')) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      rows = await delivered();
    }
    // One row per person (the planners' unique keys), delivered at the first claim, mailed to them.
    const emails = await database.db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.id, ids))
      .orderBy(users.id);
    expect(rows.map((r) => [r.userId, r.kind, r.status, r.attempts, r.mailedTo, r.mailError])).toEqual(
      emails.map((u) => [u.id, 'stage_reminder', 'delivered', 1, u.email, null]),
    );
    // Each address mailed once, by one instance or the other — and both sent: their first rounds, 5 s after
    // each start, overlap, and neither waits for the other's claims (SKIP LOCKED).
    const of = (i: Instance) => i.mailedTo.filter((to) => to.startsWith('reminded-'));
    expect([...of(a), ...of(b)].sort()).toEqual([...reminded.values()].sort());
    expect(of(a).length).toBeGreaterThan(0);
    expect(of(b).length).toBeGreaterThan(0);
  });

  it('keeps one session on both: made on A, used on B, signed out on A, gone on B', async () => {
    const user = await makeUser(database.db, { role: 'admin' });
    const login = await call(a, '/api/auth/login', {
      body: { username: user.username, password: TEST_PASSWORD },
      from: '203.0.113.10',
    });
    expect(login.status, login.text).toBe(200);
    const me = await call(b, '/api/auth/me', { cookie: login.cookie });
    expect(me.status, me.text).toBe(200);
    expect(me.json?.user).toMatchObject({ username: user.username });
    const csrf = me.json?.csrfToken as string;
    const out = await call(a, '/api/auth/logout', { method: 'POST', body: {}, cookie: login.cookie, csrf });
    expect(out.status, out.text).toBe(204);
    expect((await call(b, '/api/auth/me', { cookie: login.cookie })).status).toBe(401);
  });

  it('counts wrong passwords on both toward one lockout', async () => {
    const user = await makeUser(database.db, { role: 'admin' });
    for (let i = 0; i < 5; i++) {
      const res = await call(nth(i), '/api/auth/login', {
        body: { username: user.username, password: `wrong-${i}` },
        from: `203.0.113.${20 + i}`,
      });
      expect(res.status).not.toBe(200);
    }
    // The right password, now, on either instance, is refused: the account is locked.
    for (const instance of both()) {
      const res = await call(instance, '/api/auth/login', {
        body: { username: user.username, password: TEST_PASSWORD },
        from: '203.0.113.30',
      });
      expect(res.status, `${instance.name}: ${res.text}`).not.toBe(200);
    }
  });

  it('counts a client’s requests to both toward one per-route rate limit, also when they come at once', async () => {
    const from = `198.51.100.${1 + ((randomBytes(1)[0] as number) % 250)}`;
    const extra = 8;
    const statuses = await Promise.all(
      Array.from({ length: ACCESS_RATE_LIMIT.max + extra }, async (_, i) => {
        const res = await call(nth(i), `/api/respond/${randomUUID()}/IIT/access`, {
          body: { accessCode: 'ABCDEFGH' },
          from,
        });
        return res.status;
      }),
    );
    expect(statuses.filter((s) => s === 429)).toHaveLength(extra);
    // Counted where the configuration says: in Redis when REDIS_URL is set, in the database otherwise.
    const counters = await database.db
      .select({ key: rateBuckets.key })
      .from(rateBuckets)
      .where(sql`starts_with(${rateBuckets.key}, ${HTTP_BUCKET_PREFIX})`);
    expect(counters.length > 0).toBe(!process.env.REDIS_URL);
  });

  it('counts OTP requests of a client and wrong codes of a challenge on both', async () => {
    const from = '192.0.2.77';
    const request = (i: number) =>
      call(nth(i), `/api/respond/${agencyId}/EIT1/otp`, {
        body: { channel: 'email', destination: `two-${i}@instances.example` },
        from,
      });
    // All at once, half to each instance: exactly the limit gets through.
    const responses = await Promise.all(
      Array.from({ length: OTP_RATE_LIMITS.client + 5 }, (_, i) => request(i)),
    );
    const granted = responses.filter((r) => r.status === 200);
    expect(granted).toHaveLength(OTP_RATE_LIMITS.client);
    const refused = responses.filter((r) => r.status !== 200);
    expect(refused.map(errorCode)).toEqual(Array(5).fill('otp_rate_limited'));
    expect(refused[0]?.json?.error).toMatchObject({ details: { scope: 'client' } });
    const first = granted[0] as (typeof granted)[number];

    const challengeId = first.json?.challengeId as string;
    const codes: (string | undefined)[] = [];
    for (let i = 0; i <= OTP_MAX_ATTEMPTS; i++) {
      const res = await call(nth(i), `/api/respond/${agencyId}/EIT1/otp/verify`, {
        body: { challengeId, code: i % 2 ? '000000' : '999999' },
        from: `192.0.2.${100 + i}`,
      });
      codes.push(errorCode(res));
    }
    expect(codes.slice(0, OTP_MAX_ATTEMPTS - 1).every((c) => c === 'otp_wrong_code')).toBe(true);
    expect(codes.at(-1)).toBe('otp_too_many_attempts');
  });

  it('lets nobody lock the IIT survey: guessers throttled on both, the right code works, NACC alerted once', async () => {
    for (const n of [1, 2])
      await makeUser(database.db, { role: 'admin', email: `nacc-${n}@two-instances.example` });
    await database.db.insert(surveyAccess).values({ agencyId, year: 2568, accessCode: 'K7PX3MQA' });
    // The IIT opens only with an approved population (its cap).
    await database.db.insert(stakeholderData).values({
      agencyId,
      year: 2568,
      iitPopulation: 120,
      approvedRevision: 1,
      approvedIitPopulation: 120,
    });
    await database.db.insert(stageExtensions).values({
      agencyId,
      year: 2568,
      stage: 'iit_collection',
      endsOn: '2099-12-31',
      reason: 'two-instance test',
    });
    const tryCode = (i: number, accessCode: string, from: string) =>
      call(nth(i), `/api/respond/${agencyId}/IIT/access`, { body: { accessCode }, from });
    // 40 clients, each in its own network, 4 wrong codes each, all at once over both instances.
    const statuses = await Promise.all(
      Array.from({ length: 160 }, async (_, i) => {
        const res = await tryCode(i, `WRONG${i}X`, `100.${64 + (i % 40)}.${i % 40}.9`);
        return res.status;
      }),
    );
    expect(statuses.filter((s) => s !== 403 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 403).length).toBeGreaterThanOrEqual(ACCESS_ALARM_FAILURES);
    expect((await tryCode(1, 'K7PX3MQA', '192.0.2.200')).status).toBe(200);
    // The log mail transport prints each e-mail on the instance that sent it: one per admin, on either.
    const alerts = [a, b].flatMap((i) =>
      i
        .output()
        .split('\n')
        .filter((l) => /^\[mail → nacc-\d@two-instances\.example\]/.test(l)),
    );
    expect(alerts.sort()).toEqual([
      expect.stringContaining('nacc-1@two-instances.example'),
      expect.stringContaining('nacc-2@two-instances.example'),
    ]);
  });

  it('works each evidence job exactly once, with the workers of both instances fetching', async () => {
    const jobs = 20;
    const paths = Array.from({ length: jobs }, (_, i) => `/delayed/job-${i}`);
    await database.db.insert(evidenceSnapshots).values(
      paths.map((p, i) => ({
        agencyId,
        year: 2568,
        itemCode: `O${(i % 9) + 1}`,
        url: site.url(`${p}?ms=400`),
        purpose: 'saved' as const,
      })),
    );
    // Each instance fetches EVIDENCE_CONCURRENCY pages at a time and looks for jobs every 2 seconds; one
    // alone would need 20 × 0.4 s / 2 = 4 s, so the other joins in well before the queue is empty.
    const deadline = Date.now() + 60_000;
    let rows = await database.db
      .select()
      .from(evidenceSnapshots)
      .where(eq(evidenceSnapshots.agencyId, agencyId));
    while (rows.some((r) => r.status !== 'done') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      rows = await database.db
        .select()
        .from(evidenceSnapshots)
        .where(eq(evidenceSnapshots.agencyId, agencyId));
    }
    expect(rows.map((r) => [r.status, r.attempts, r.httpStatus])).toEqual(
      Array.from({ length: jobs }, () => ['done', 1, 200]),
    );
    const fetched = site.requests.filter((p) => p.startsWith('/delayed/job-'));
    expect(fetched.sort()).toEqual([...paths].sort());
    expect(site.maxInFlight()).toBeGreaterThan(EVIDENCE_CONCURRENCY);
  });
});
