// What the API benches share (bench:process's report API, bench:matrix, bench:public): the real server as a
// child process on a bench database (optionally CPU-profiled), signing in, autocannon with every response's
// latency kept (its own summary has no 95th percentile), and CPU time of the server and of PostgreSQL over a
// measurement.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
// @ts-expect-error plain JavaScript without types (shared with bin/prongsai.mjs)
import { compiledServerIsFresh } from '../scripts/freshness.mjs';
import { freePort, stopProcess, waitForHealth } from '../test/helpers/server-process.ts';
import { databaseCpu, procTimes } from './process-measure.ts';
import { ROOT } from './submit-processes.ts';

export const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/**
 * `node bin/prongsai.mjs start` on `databaseUrl`, demo off, on a free port; with `cpuProfileDir`, a V8 CPU
 * profile of the server is written there when it stops.
 */
export async function startServer(databaseUrl: string, cpuProfileDir?: string) {
  // What production runs: the compiled server (bin/prongsai.mjs falls back to the sources through tsx when
  // dist/server is missing or older than src/, which is slower and would be measured instead).
  if (!(compiledServerIsFresh as (root: string) => boolean)(ROOT)) {
    console.log('building the server (dist/server is missing or older than src/) …');
    execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, stdio: 'inherit' });
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'prongsai-bench-api-'));
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
  const startedAt = Date.now();
  await waitForHealth(`${url}/api/health`, child, () => log, 300_000);
  return {
    url,
    pid: child.pid,
    startedAt,
    log: () => log,
    async stop() {
      // A profiled server writes its profile as it exits: give it time to finish open connections.
      await stopProcess(child, cpuProfileDir ? 60_000 : 15_000);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in (from address 10.68.x.y, one per `i`) and returns the cookie header to send. */
export async function signIn(url: string, username: string, password: string, i = 0): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.68.${i >> 8}.${(i & 255) + 1}` },
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

export interface Client {
  path: string;
  cookie: string;
}

/**
 * Waits until the server's start-up work is over before measuring: at least `minMs` after its start (the
 * background services' first rounds — the notices worker plans the whole country's reminders 5 s after
 * start, seconds of CPU on the national data, mostly waiting for PostgreSQL) and then until, for a whole
 * second, the server used < 5 % of a core and no query of its database was running (at most 120 s).
 * Without it, that work lands in the measured seconds and counts as the requests' CPU.
 */
export async function settle(
  server: { pid: number | undefined; startedAt: number },
  databaseUrl: string,
  minMs = 8_000,
) {
  if (server.pid === undefined) return;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  await sleep(Math.max(0, server.startedAt + minMs - Date.now()));
  const db = new pg.Client({ connectionString: databaseUrl, application_name: 'bench-settle' });
  await db.connect();
  try {
    const queriesRunning = async () =>
      Number(
        (
          await db.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`)
        ).rows[0]?.n ?? 0,
      ) > 0;
    const deadline = Date.now() + 120_000;
    let before = procTimes(server.pid)?.own;
    let busy = true;
    while (before !== undefined && Date.now() < deadline) {
      // Sampled ten times in the second: a query seen running in any of them makes the second busy.
      busy = false;
      for (let i = 0; i < 10; i++) {
        await sleep(100);
        if (await queriesRunning()) busy = true;
      }
      const now = procTimes(server.pid)?.own;
      if (now === undefined || (!busy && now - before < 0.05)) return;
      before = now;
    }
  } finally {
    await db.end();
  }
}

/**
 * autocannon with each request as the next client in turn; the 2xx latencies come back sorted. `headers`
 * go with every request (e.g. `accept-encoding: gzip`, as browsers send).
 */
export async function cannon(
  url: string,
  clients: Client[],
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
) {
  const latencies: number[] = [];
  const non2xx: Record<string, number> = {};
  let next = 0;
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    // A loaded machine answers slowly: a late answer is a latency to report, not an error.
    timeout: 60,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          const c = clients[next++ % clients.length] as Client;
          return { ...req, path: c.path, headers: { ...req.headers, ...headers, cookie: c.cookie } };
        },
      },
    ],
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  instance.on('response', (_client, status: number, _bytes, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms);
    else non2xx[status] = (non2xx[status] ?? 0) + 1;
  });
  // A stuck server must not hold the bench forever.
  const guard = setTimeout(() => instance.stop(), (seconds * 3 + 60) * 1000);
  const result = await instance;
  clearTimeout(guard);
  return { latencies: latencies.sort((a, b) => a - b), non2xx, errors: result.errors + result.timeouts };
}

export interface Measured {
  requests: number;
  perSecond: number;
  non2xx: Record<string, number>;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** CPU milliseconds per 2xx answer of the server process and of PostgreSQL: moves little with other load. */
  cpuMsPerAnswer: { server: number | null; postgres: number | null };
  load: { start: string; end: string };
}

/** One measured autocannon run with the server's and its database's CPU time per answer. */
export async function measure(
  server: { url: string; pid: number | undefined },
  databaseUrl: string,
  clients: Client[],
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<Measured> {
  const start = loadAverage();
  const serverBefore = server.pid === undefined ? null : procTimes(server.pid);
  const pgCpu = await databaseCpu(databaseUrl);
  const m = await cannon(server.url, clients, connections, seconds, headers);
  const serverAfter = server.pid === undefined ? null : procTimes(server.pid);
  const pgSeconds = pgCpu ? await pgCpu.stop() : null;
  const sorted = m.latencies;
  const perAnswer = (before: number | null | undefined, after: number | null | undefined) =>
    before == null || after == null || sorted.length === 0 ? null : ((after - before) * 1000) / sorted.length;
  return {
    requests: sorted.length,
    perSecond: sorted.length / seconds,
    non2xx: m.non2xx,
    errors: m.errors,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    cpuMsPerAnswer: {
      server: perAnswer(serverBefore?.own, serverAfter?.own),
      postgres: perAnswer(0, pgSeconds),
    },
    load: { start, end: loadAverage() },
  };
}

/** The measured run in two lines: rates and latencies, CPU per answer. */
export function printMeasured(m: Measured): void {
  console.log(
    `  ${m.requests} answers (${m.perSecond.toFixed(0)}/s); latency ms p50 ${m.p50.toFixed(1)}, ` +
      `p95 ${m.p95.toFixed(1)}, p99 ${m.p99.toFixed(1)}, max ${m.max.toFixed(1)}; non-2xx ` +
      `${JSON.stringify(m.non2xx)}, errors ${m.errors}; load average ${m.load.start} → ${m.load.end}`,
  );
  const ms = (x: number | null) => (x === null ? 'n/a' : x.toFixed(2));
  console.log(
    `  CPU ms per answer: server ${ms(m.cpuMsPerAnswer.server)}, PostgreSQL ${ms(m.cpuMsPerAnswer.postgres)} ` +
      '(moves less than the latencies when the machine is shared)',
  );
}
