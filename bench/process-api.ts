// bench:process, part 2 (issue 10 §5): the agency report API at 20 concurrent on the processed country.
// The run is published through the publications service; executives of agencies spread over the country
// sign in to the real server (a child process, `node bin/prongsai.mjs start`, on the bench's database) and
// autocannon asks for their agency's report, each request as one of them. Latencies are read per response
// (autocannon's own summary has no 95th percentile).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hash } from '@node-rs/argon2';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import type { Actor } from '../src/core/authz.ts';
import type { Db } from '../src/db/client.ts';
import { publish } from '../src/modules/results/publications.service.ts';
import { freePort, stopProcess, waitForHealth } from '../test/helpers/server-process.ts';
import { databaseCpu, procTimes } from './process-measure.ts';
import { ROOT } from './submit-processes.ts';

export const API_GOAL_P95_MS = 50;
const PASSWORD = 'bench-pass-2568';

export interface ApiOptions {
  year: number;
  /** Path after /api/agencies/:id/results/:year — '' (the result) or '/report'. */
  route: '' | '/report';
  connections: number;
  readers: number;
  warmupSeconds: number;
  seconds: number;
  /** A folder for a V8 CPU profile of the server (`--server-cpu-prof`), written when it stops. */
  cpuProfileDir?: string | undefined;
}

export interface ApiMeasured {
  route: string;
  readers: number;
  connections: number;
  seconds: number;
  requests: number;
  perSecond: number;
  non2xx: Record<string, number>;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** CPU milliseconds per answer of the server process and of PostgreSQL: moves little with other load. */
  cpuMsPerAnswer: { server: number | null; postgres: number | null };
  load: { start: string; end: string };
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Publishes the run now (a correction of an earlier bench publication when --reuse kept one). */
async function publishRun(db: Db, actor: Actor, year: number, runId: string): Promise<void> {
  const earlier = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from publications where year = ${year} and cancelled_at is null`,
  );
  const superseding = Number(earlier.rows[0]?.n ?? 0) > 0;
  // --only=api measures again on a run an earlier bench published already.
  const same = await db.execute<{ run: string }>(sql`select run_id as run from publications
    where year = ${year} and cancelled_at is null order by publish_at desc, created_at desc limit 1`);
  if (same.rows[0]?.run === runId) return;
  await publish({ db, now: () => new Date() }, actor, year, {
    runId,
    ...(superseding ? { reason: 'bench:process — a new run of the same data' } : {}),
  });
}

/** An executive per agency, for `count` agencies spread evenly over the run's (by code). */
async function readers(db: Db, runId: string, count: number) {
  const agencies = (
    await db.execute<{ id: string; code: string }>(sql`select a.id, a.code from agency_results r
      join agencies a on a.id = r.agency_id where r.run_id = ${runId} order by a.code`)
  ).rows;
  const step = Math.max(1, Math.floor(agencies.length / count));
  const chosen = agencies.filter((_, i) => i % step === 0).slice(0, count);
  const passwordHash = await hash(PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1 });
  for (const a of chosen)
    await db.execute(sql`insert into users (username, display_name, password_hash, role, agency_id)
      select ${`bench-exec-${a.code.toLowerCase()}`}, ${`ผู้บริหาร ${a.code}`}, ${passwordHash}, 'executive', ${a.id}
      where not exists (select 1 from users where username = ${`bench-exec-${a.code.toLowerCase()}`})`);
  return chosen.map((a) => ({ agencyId: a.id, username: `bench-exec-${a.code.toLowerCase()}` }));
}

export async function startServer(databaseUrl: string, cpuProfileDir?: string) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'prongsai-bench-api-'));
  const { spawn } = await import('node:child_process');
  const child = spawn(
    process.execPath,
    [
      ...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : []),
      'bin/prongsai.mjs',
      'start',
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: databaseUrl,
        PRONGSAI_DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: url,
        MAIL_TRANSPORT: 'log',
        LOG_LEVEL: 'warn',
        COOKIE_SECURE: 'false',
        // Sign-ins come from many addresses (X-Forwarded-For), as behind a deployment's proxy: the login limit
        // per address stays as it is.
        TRUST_PROXY: '127.0.0.1',
        EVIDENCE_WORKER: 'false',
        // The demo's agencies and answers must not join the bench's country (development seeds them).
        PRONGSAI_DEMO: 'false',
        TZ: 'Asia/Bangkok',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-10_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  await waitForHealth(`${url}/api/health`, child, () => log, 120_000);
  return {
    url,
    pid: child.pid,
    log: () => log,
    async stop() {
      // A profiled server writes its profile as it exits: give it time to finish open connections.
      await stopProcess(child, cpuProfileDir ? 60_000 : 15_000);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function signIn(url: string, username: string, i: number): Promise<string> {
  return signInAs(url, username, PASSWORD, `10.68.${i >> 8}.${(i & 255) + 1}`);
}

/** Signs in to the server and returns the session cookie header (from `forwardedFor`, when given). */
export async function signInAs(
  url: string,
  username: string,
  password: string,
  forwardedFor?: string,
): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200)
    throw new Error(`bench: sign-in of ${username} → ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function cannon(
  url: string,
  clients: { path: string; cookie: string }[],
  connections: number,
  seconds: number,
) {
  const latencies: number[] = [];
  const non2xx: Record<string, number> = {};
  let next = 0;
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          const c = clients[next++ % clients.length] as { path: string; cookie: string };
          return { ...req, path: c.path, headers: { ...req.headers, cookie: c.cookie } };
        },
      },
    ],
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  instance.on('response', (_client, status: number, _bytes, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms);
    else non2xx[status] = (non2xx[status] ?? 0) + 1;
  });
  // A stuck server must not hold the bench forever.
  const guard = setTimeout(() => instance.stop(), (seconds * 3 + 30) * 1000);
  const result = await instance;
  clearTimeout(guard);
  return { latencies, non2xx, errors: result.errors + result.timeouts };
}

export async function measureReportApi(
  db: Db,
  databaseUrl: string,
  actor: Actor,
  runId: string,
  opts: ApiOptions,
): Promise<ApiMeasured> {
  await publishRun(db, actor, opts.year, runId);
  const people = await readers(db, runId, opts.readers);
  const server = await startServer(databaseUrl, opts.cpuProfileDir);
  try {
    const clients = await Promise.all(
      people.map(async (p, i) => ({
        path: `/api/agencies/${p.agencyId}/results/${opts.year}${opts.route}`,
        cookie: await signIn(server.url, p.username, i),
      })),
    );
    // Every reader sees their report before the load starts (a 404 would make the figures meaningless).
    for (const c of clients) {
      const res = await fetch(`${server.url}${c.path}`, { headers: { cookie: c.cookie } });
      if (res.status !== 200) throw new Error(`bench: GET ${c.path} → ${res.status} ${await res.text()}`);
    }
    await cannon(server.url, clients, opts.connections, opts.warmupSeconds);
    const start = load();
    const serverBefore = server.pid === undefined ? null : procTimes(server.pid);
    const pgCpu = await databaseCpu(databaseUrl);
    const measured = await cannon(server.url, clients, opts.connections, opts.seconds);
    const serverAfter = server.pid === undefined ? null : procTimes(server.pid);
    const pgSeconds = pgCpu ? await pgCpu.stop() : null;
    const sorted = measured.latencies.sort((a, b) => a - b);
    const perAnswer = (before: number | null | undefined, after: number | null | undefined) =>
      before == null || after == null || sorted.length === 0
        ? null
        : ((after - before) * 1000) / sorted.length;
    return {
      route: `GET /api/agencies/:id/results/:year${opts.route}`,
      readers: clients.length,
      connections: opts.connections,
      seconds: opts.seconds,
      requests: sorted.length,
      perSecond: sorted.length / opts.seconds,
      non2xx: measured.non2xx,
      errors: measured.errors,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? Number.NaN,
      cpuMsPerAnswer: {
        server: perAnswer(serverBefore?.own, serverAfter?.own),
        postgres: perAnswer(0, pgSeconds),
      },
      load: { start, end: load() },
    };
  } catch (err) {
    console.error(server.log());
    throw err;
  } finally {
    await server.stop();
  }
}

export function reportApi(m: ApiMeasured): boolean {
  const met = m.p95 <= API_GOAL_P95_MS && m.errors === 0 && Object.keys(m.non2xx).length === 0;
  console.log(`\n== Agency report API (PostgreSQL, whole country) ==`);
  console.log(
    `${m.route}: ${m.readers} agency executives, each request as one of them; ${m.connections} concurrent, ` +
      `${m.seconds} s measured after a warm-up; load average ${m.load.start} → ${m.load.end}`,
  );
  console.log(
    `  ${m.requests} answers (${m.perSecond.toFixed(0)}/s); latency ms p50 ${m.p50.toFixed(1)}, ` +
      `p95 ${m.p95.toFixed(1)}, p99 ${m.p99.toFixed(1)}, max ${m.max.toFixed(1)}; non-2xx ` +
      `${JSON.stringify(m.non2xx)}, errors ${m.errors}`,
  );
  const ms = (x: number | null) => (x === null ? 'n/a' : x.toFixed(2));
  console.log(
    `  CPU ms per answer: server ${ms(m.cpuMsPerAnswer.server)}, PostgreSQL ${ms(m.cpuMsPerAnswer.postgres)} ` +
      '(moves less than the latencies when the machine is shared)',
  );
  console.log(
    `  p95 ≤ ${API_GOAL_P95_MS} ms at ${m.connections} concurrent: ${m.p95.toFixed(1)} ms — ${met ? 'met' : 'NOT MET'}`,
  );
  return met;
}
