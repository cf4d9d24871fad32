// Public results at national scale (issue 11 §5): on the country of bench:process (generated here unless
// --reuse finds it), processed and published, the real server (a child process on PostgreSQL) answers the
// public overview, a province page, agency pages and the CSV download at 50 concurrent, each beside a bare
// Fastify server (another child process) answering the same bytes from memory. Prints p50/p95 and requests/s
// of each; the last line is `ratio: X.XX` (ours ÷ bare requests/s, public overview). Not a test.
// Run: npm run bench:public [-- --reuse --scale=1 --seconds=10 --database=prongsai_bench]
// Scenarios are a list (SCENARIOS): one more is one more entry.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { type Db, openPostgres } from '../src/db/client.ts';
import { loadReferenceData } from '../src/modules/reference/index.ts';
import { publish } from '../src/modules/results/index.ts';
import { createRun } from '../src/modules/results/results.service.ts';
import { DEFAULT_WORKER_OPTIONS, processNextRun } from '../src/modules/results/results.worker.ts';
import { freePort, stopProcess, waitForHealth } from '../test/helpers/server-process.ts';
import { percentile, startServer } from './api-server.ts';
import { benchAdmin, generate, generatedBefore, YEAR } from './national-data.ts';
import { databaseCpu, procTimes } from './process-measure.ts';
import { ROOT } from './submit-processes.ts';

const { values: args } = parseArgs({
  options: {
    database: { type: 'string', default: 'prongsai_bench' },
    reuse: { type: 'boolean', default: false },
    scale: { type: 'string', default: '1' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    // A folder for a V8 CPU profile of our server, written when it stops.
    'server-cpu-prof': { type: 'string' },
    // Only the scenarios whose name contains this (e.g. --only=overview).
    only: { type: 'string' },
  },
});

/** What the page a scenario stands for asks the server for; `paths` are taken in turn. */
export interface Scenario {
  name: string;
  paths: string[];
  /** p95 goal in ms (issue 11 §5), when the issue sets one. */
  goalP95Ms?: number;
}

interface Context {
  province: string;
  agencies: string[];
}

/** The public pages measured; the lead adds the supervisor matrix here. */
const SCENARIOS: ((c: Context) => Scenario)[] = [
  () => ({ name: 'public overview', paths: [`/api/public/results/${YEAR}`], goalP95Ms: 20 }),
  (c) => ({
    name: 'province page (its agencies)',
    paths: [`/api/public/results/${YEAR}/agencies?province=${c.province}`],
  }),
  (c) => ({
    name: 'agency page',
    paths: c.agencies.map((code) => `/api/public/results/${YEAR}/agencies/${code}`),
    goalP95Ms: 30,
  }),
  () => ({ name: 'open data CSV (agencies)', paths: [`/api/public/open-data/${YEAR}/agencies.csv`] }),
];
const RATIO_GOAL = 0.5;

const log = (s: string) => console.log(s);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** The scratch database with the country, processed and published (made as needed). */
async function prepare(): Promise<string> {
  const admin =
    process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = args.database as string;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bench: not a database name: ${name}`);
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    const exists = (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
    if (!(args.reuse && exists)) {
      await c.query(`drop database if exists ${name} with (force)`);
      await c.query(`create database ${name}`);
    }
  } finally {
    await c.end();
  }
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString());
  try {
    const db = database.db;
    const kept = await generatedBefore(db);
    if (kept) log(`reusing the country of an earlier run (${kept.agencies} agencies, --reuse)`);
    else {
      log(`generating the country (scale ${args.scale}) …`);
      const g = await generate(db, Number(args.scale), log);
      log(`  ${g.agencies} agencies in ${g.seconds.toFixed(1)} s`);
    }
    await provincesOnAgencies(db);
    await publishedRun(db);
  } finally {
    await database.close();
  }
  return u.toString();
}

/** A country generated before provinces were loaded has none: spread the agencies over the provinces. */
async function provincesOnAgencies(db: Db) {
  const placed = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from agencies a join bench_plan p on p.code = a.code where a.province_code is not null`,
  );
  if (Number(placed.rows[0]?.n ?? 0) > 0) return;
  await loadReferenceData(db);
  await db.execute(sql`update agencies a set province_code = pr.code
    from (select code, row_number() over (order by code) - 1 as i from bench_plan) p,
      (select code, row_number() over (order by code) - 1 as j, count(*) over () as n from provinces) pr
    where a.code = p.code and pr.j = p.i % pr.n`);
  log('  agencies spread over the provinces');
}

/** The year processed and published (once: --reuse keeps the publication). */
async function publishedRun(db: Db) {
  const published = await db.execute<{ id: string }>(sql`select id from publications
    where year = ${YEAR} and cancelled_at is null and publish_at <= now() limit 1`);
  if (published.rows.length) return;
  const deps = { db, now: () => new Date(), config: loadConfig({}) };
  const actor = await benchAdmin(db);
  log(`processing FY${YEAR} (load ${load()}) …`);
  const t0 = performance.now();
  const run = await createRun(deps, actor, YEAR, { kind: 'run', scope: 'all' });
  await processNextRun(deps, DEFAULT_WORKER_OPTIONS);
  log(`  processed in ${((performance.now() - t0) / 1000).toFixed(1)} s; publishing`);
  await publish(deps, actor, YEAR, { runId: run.id });
}

async function context(databaseUrl: string): Promise<Context> {
  const database = await openPostgres(databaseUrl, { migrate: false });
  try {
    const province = await database.db.execute<{ code: string }>(sql`select a.province_code as code
      from agencies a join bench_plan p on p.code = a.code where a.province_code is not null
      group by 1 order by count(*) desc, 1 limit 1`);
    const agencies = await database.db.execute<{ code: string }>(sql`select code from bench_plan
      where registered order by code`);
    const all = agencies.rows.map((r) => r.code);
    const step = Math.max(1, Math.floor(all.length / 200));
    return {
      province: province.rows[0]?.code ?? 'TH-10',
      agencies: all.filter((_, i) => i % step === 0).slice(0, 200),
    };
  } finally {
    await database.close();
  }
}

/** Browsers take gzip; every request from its own address (the public routes are limited per address). */
const HEADERS = { 'accept-encoding': 'gzip' };
const addressOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${(i & 255) + 1}`;

interface Measured {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  non2xx: Record<string, number>;
  errors: number;
  /** CPU µs per 2xx answer: the server process, and its PostgreSQL backends (null when not known). */
  cpuUs: { server: number | null; db: number | null };
}

/** CPU seconds so far of a process (user + system), null when /proc cannot tell. */
const cpuOf = (pid: number | undefined) => (pid === undefined ? null : (procTimes(pid)?.own ?? null));

async function cannon(
  url: string,
  paths: string[],
  seconds: number,
  cpu: { pid?: number | undefined; databaseUrl?: string } = {},
): Promise<Measured> {
  const serverBefore = cpuOf(cpu.pid);
  const dbCpu = cpu.databaseUrl ? await databaseCpu(cpu.databaseUrl) : null;
  const latencies: number[] = [];
  const non2xx: Record<string, number> = {};
  let next = 0;
  const instance = autocannon({
    url,
    connections: Number(args.connections),
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          const i = next++;
          return {
            ...req,
            path: paths[i % paths.length] as string,
            headers: { ...req.headers, ...HEADERS, 'x-forwarded-for': addressOf(i) },
          };
        },
      },
    ],
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  instance.on('response', (_client, status: number, _bytes, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms);
    else non2xx[status] = (non2xx[status] ?? 0) + 1;
  });
  const guard = setTimeout(() => instance.stop(), (seconds * 3 + 30) * 1000);
  const result = await instance;
  clearTimeout(guard);
  const serverAfter = cpuOf(cpu.pid);
  const dbSeconds = dbCpu ? await dbCpu.stop() : null;
  const sorted = latencies.sort((a, b) => a - b);
  const perAnswer = (s: number | null) => (s === null || !sorted.length ? null : (s * 1e6) / sorted.length);
  return {
    cpuUs: {
      server: perAnswer(serverBefore === null || serverAfter === null ? null : serverAfter - serverBefore),
      db: perAnswer(dbSeconds),
    },
    requests: sorted.length,
    perSecond: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Every path's answer from our server, as the bare server will send it. */
async function answersOf(url: string, scenarios: Scenario[]) {
  const out: Record<string, { type: string; encoding: string | null; body: string }> = {};
  for (const path of scenarios.flatMap((s) => s.paths)) {
    const res = await fetch(`${url}${path}`, { headers: { ...HEADERS, 'x-forwarded-for': '10.255.0.1' } });
    if (res.status !== 200) throw new Error(`bench: GET ${path} → ${res.status} ${await res.text()}`);
    // fetch unpacks gzip: pack it again, as the server sent it, so the bare server sends as many bytes.
    const encoding = res.headers.get('content-encoding');
    const raw = Buffer.from(await res.arrayBuffer());
    const { gzipSync } = await import('node:zlib');
    const body = encoding === 'gzip' ? gzipSync(raw) : raw;
    out[path] = {
      type: res.headers.get('content-type') ?? 'application/json',
      encoding,
      body: body.toString('base64'),
    };
  }
  return out;
}

async function startBare(answersFile: string) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/public-bare-server.ts', `--port=${port}`, `--answers=${answersFile}`],
    { cwd: ROOT, env: { ...process.env, TZ: 'Asia/Bangkok' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-10_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  await waitForHealth(`${url}/health`, child, () => out, 60_000);
  return { url, pid: child.pid, stop: () => stopProcess(child) };
}

/**
 * Waits until the server is idle — its background services' first rounds (the notice planner reads the
 * progress of every agency 5 s after start) would otherwise weigh on the first scenario: 10 s to 2 minutes.
 */
async function settle(pid: number | undefined) {
  const t0 = performance.now();
  for (;;) {
    const before = cpuOf(pid);
    await new Promise((r) => setTimeout(r, 2000));
    const after = cpuOf(pid);
    if (before === null || after === null) return;
    const busy = (after - before) / 2;
    // At least 10 s: the notice planner starts 5 s after the server (notices.worker.ts firstDelayMs).
    const waited = performance.now() - t0;
    if ((busy < 0.05 && waited >= 10_000) || waited > 120_000) {
      log(
        `server settled (${(busy * 100).toFixed(0)} % of a core) after ${((performance.now() - t0) / 1000).toFixed(0)} s`,
      );
      return;
    }
  }
}

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');

async function main() {
  log(`bench:public — public results of FY${YEAR} at national scale; node ${process.version}`);
  log('The machine may be shared: absolute figures move; compare ours with the bare server.');
  const databaseUrl = await prepare();
  const ctx = await context(databaseUrl);
  const scenarios = SCENARIOS.map((s) => s(ctx)).filter(
    (s, i) => !args.only || i === 0 || s.name.includes(args.only),
  );
  const server = await startServer(databaseUrl, args['server-cpu-prof']);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'prongsai-bench-public-'));
  let bare: Awaited<ReturnType<typeof startBare>> | undefined;
  const rows: { s: Scenario; ours: Measured; bare: Measured }[] = [];
  try {
    const answers = await answersOf(server.url, scenarios); // also builds what the server keeps per publication
    const file = path.join(dir, 'answers.json');
    writeFileSync(file, JSON.stringify(answers));
    bare = await startBare(file);
    await settle(server.pid);
    const seconds = Number(args.seconds);
    const warmup = Number(args.warmup);
    for (const s of scenarios) {
      log(`\n${s.name} (${s.paths.length} path${s.paths.length > 1 ? 's' : ''}; load ${load()}) …`);
      await cannon(server.url, s.paths, warmup);
      const ours = await cannon(server.url, s.paths, seconds, { pid: server.pid, databaseUrl });
      await cannon(bare.url, s.paths, warmup);
      const base = await cannon(bare.url, s.paths, seconds, { pid: bare.pid });
      rows.push({ s, ours, bare: base });
      const bytes = Buffer.from(answers[s.paths[0] as string]?.body ?? '', 'base64').length;
      const us = (x: number | null) => (x === null ? 'n/a' : x.toFixed(0));
      log(
        `  CPU µs per answer: ours ${us(ours.cpuUs.server)} (+ PostgreSQL ${us(ours.cpuUs.db)}), bare ${us(base.cpuUs.server)}`,
      );
      log(
        `  ${bytes} bytes sent; non-2xx ours ${JSON.stringify(ours.non2xx)} bare ${JSON.stringify(base.non2xx)}, errors ${ours.errors}/${base.errors}`,
      );
    }
  } catch (err) {
    console.error(server.log());
    throw err;
  } finally {
    await bare?.stop();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  log(`\n== Public results, ${args.connections} concurrent, ${args.seconds} s each (load ${load()}) ==`);
  log(
    '| scenario                       | ours p50 | ours p95 | ours req/s | ours CPU µs | bare p50 | bare p95 | bare req/s | bare CPU µs | ratio | goal p95 |',
  );
  log(
    '|--------------------------------|---------:|---------:|-----------:|------------:|---------:|---------:|-----------:|------------:|------:|---------:|',
  );
  const cpuCell = (m: Measured) =>
    (m.cpuUs.server === null
      ? 'n/a'
      : `${m.cpuUs.server.toFixed(0)}${m.cpuUs.db === null ? '' : ` +${m.cpuUs.db.toFixed(0)} db`}`
    ).padStart(11);
  let missed = false;
  for (const { s, ours, bare: b } of rows) {
    const ratio = ours.perSecond / b.perSecond;
    const goal =
      s.goalP95Ms === undefined ? '' : `${s.goalP95Ms} ms ${ours.p95 <= s.goalP95Ms ? 'met' : 'NOT MET'}`;
    if (s.goalP95Ms !== undefined && !(ours.p95 <= s.goalP95Ms)) missed = true;
    if (ours.errors || Object.keys(ours.non2xx).length) missed = true;
    log(
      `| ${s.name.padEnd(30)} | ${ms(ours.p50).padStart(8)} | ${ms(ours.p95).padStart(8)} | ${ours.perSecond.toFixed(0).padStart(10)} | ${cpuCell(ours)} | ` +
        `${ms(b.p50).padStart(8)} | ${ms(b.p95).padStart(8)} | ${b.perSecond.toFixed(0).padStart(10)} | ${cpuCell(b)} | ${ratio.toFixed(2).padStart(5)} | ${goal.padStart(8)} |`,
    );
  }
  const overview = rows[0];
  const ratio = overview ? overview.ours.perSecond / overview.bare.perSecond : Number.NaN;
  log(`ratio goal ≥ ${RATIO_GOAL} (public overview): ${ratio >= RATIO_GOAL ? 'met' : 'NOT MET'}`);
  if (!(ratio >= RATIO_GOAL)) missed = true;
  log(`ratio: ${Number.isFinite(ratio) ? ratio.toFixed(2) : 'n/a'}`);
  process.exitCode = missed ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
