// bench:matrix (issue 11 §5): a supervisor's progress matrix for a 150-agency scope on the national data of
// bench:process (its generator, run once into the scratch database `prongsai_bench` and kept), served by
// the real server (a child process on that database) and asked by autocannon at 50 concurrent. Prints
// p50/p95 and requests/s; goal p95 ≤ 50 ms. Not a test.
// Run: npm run bench:matrix [-- --drivers=postgres --reuse --seconds=10 --connections=50 --agencies=150]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { hash } from '@node-rs/argon2';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Db, openPostgres } from '../src/db/client.ts';
import { freePort, stopProcess, waitForHealth } from '../test/helpers/server-process.ts';
import { ROOT } from './submit-processes.ts';

const YEAR = 2568;
const GOAL_P95_MS = 50;
const USERNAME = 'bench-supervisor';
const PASSWORD = 'bench-pass-2568';

const { values: args } = parseArgs({
  options: {
    drivers: { type: 'string', default: 'postgres' },
    reuse: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    agencies: { type: 'string', default: '150' },
    'page-size': { type: 'string', default: '50' },
  },
});

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function benchUrl(): string {
  const admin =
    process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const u = new URL(admin);
  u.pathname = '/prongsai_bench';
  return u.toString();
}

async function hasCountry(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    const r = await c.query(`select to_regclass('bench_plan') is not null as ok`);
    return r.rows[0]?.ok === true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

/** bench:process's generator, run once and kept (no processing measurement worth waiting for here). */
function generateCountry(): Promise<void> {
  console.log('generating the national data with bench:process (--keep --skip-api) …');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/process.ts', '--drivers=postgres', '--keep', '--skip-api'],
      { cwd: ROOT, stdio: 'inherit' },
    );
    // bench:process exits 1 when its own goals are missed; the data is kept either way.
    child.on('exit', (code) =>
      code === 0 || code === 1 ? resolve() : reject(new Error(`bench:process → ${code}`)),
    );
  });
}

/**
 * The supervisor: scope = the province with the most agencies taking part, topped up with named agencies
 * from elsewhere when it has fewer than `size` (a supervisor's scope may combine both).
 */
async function supervisor(
  db: Db,
  size: number,
): Promise<{ province: string | null; inProvince: number; named: number }> {
  const [top] = (
    await db.execute<{
      code: string | null;
      n: number;
    }>(sql`select a.province_code as code, count(*)::int as n
      from agencies a join participations p on p.agency_id = a.id and p.year = ${YEAR}
      where a.province_code is not null group by 1 order by 2 desc, 1 limit 1`)
  ).rows;
  const province = top?.code ?? null;
  const inProvince = Math.min(Number(top?.n ?? 0), size);
  const extra =
    inProvince >= size
      ? []
      : (
          await db.execute<{ id: string }>(sql`select a.id from agencies a
            join participations p on p.agency_id = a.id and p.year = ${YEAR}
            where ${province === null ? sql`true` : sql`a.province_code is distinct from ${province}`}
            order by a.code limit ${size - inProvince}`)
        ).rows.map((r) => r.id);
  const passwordHash = await hash(PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1 });
  await db.transaction(async (tx) => {
    await tx.execute(sql`update users set password_hash = ${passwordHash}, role = 'supervisor', active = true
      where username = ${USERNAME}`);
    await tx.execute(sql`insert into users (username, display_name, password_hash, role)
      select ${USERNAME}, 'ผู้กำกับดูแล (bench)', ${passwordHash}, 'supervisor'
      where not exists (select 1 from users where username = ${USERNAME})`);
    const [u] = (await tx.execute<{ id: string }>(sql`select id from users where username = ${USERNAME}`))
      .rows;
    await tx.execute(sql`delete from supervisor_scopes where user_id = ${u?.id}`);
    if (province && inProvince > 0)
      await tx.execute(
        sql`insert into supervisor_scopes (user_id, province_code) values (${u?.id}, ${province})`,
      );
    for (const id of extra)
      await tx.execute(sql`insert into supervisor_scopes (user_id, agency_id) values (${u?.id}, ${id})`);
  });
  return { province, inProvince, named: extra.length };
}

async function startServer(databaseUrl: string) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'prongsai-bench-matrix-'));
  const child = spawn(process.execPath, ['bin/prongsai.mjs', 'start'], {
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
      EVIDENCE_WORKER: 'false',
      PRONGSAI_DEMO: 'false',
      TZ: 'Asia/Bangkok',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-10_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  await waitForHealth(`${url}/api/health`, child, () => log, 300_000);
  return {
    url,
    log: () => log,
    async stop() {
      await stopProcess(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`bench: sign-in → ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number);

/** autocannon's summary has no 95th percentile: latencies are read per response. */
async function cannon(
  url: string,
  pathAndQuery: string,
  cookie: string,
  connections: number,
  seconds: number,
) {
  const latencies: number[] = [];
  const non2xx: Record<string, number> = {};
  const instance = autocannon({
    url: `${url}${pathAndQuery}`,
    connections,
    duration: seconds,
    headers: { cookie },
    // A loaded machine answers slowly: a late answer is a latency to report, not an error.
    timeout: 60,
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  instance.on('response', (_client, status: number, _bytes, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms);
    else non2xx[status] = (non2xx[status] ?? 0) + 1;
  });
  const guard = setTimeout(() => instance.stop(), (seconds * 3 + 60) * 1000);
  const result = await instance;
  clearTimeout(guard);
  return { latencies: latencies.sort((a, b) => a - b), non2xx, errors: result.errors + result.timeouts };
}

async function main() {
  if (!(args.drivers ?? '').split(',').includes('postgres'))
    throw new Error(
      'bench:matrix runs on PostgreSQL only (--drivers=postgres): the national data lives there',
    );
  const url = benchUrl();
  if (!(args.reuse && (await hasCountry(url)))) await generateCountry();
  const size = Number(args.agencies);
  const seconds = Number(args.seconds);
  const connections = Number(args.connections);
  console.log(
    `bench:matrix — supervisor progress matrix, FY${YEAR}; node ${process.version}; load ${load()}`,
  );
  console.log('The machine may be shared: absolute figures move with other work.');
  const database = await openPostgres(url);
  let scope: Awaited<ReturnType<typeof supervisor>>;
  let country: number;
  try {
    country = Number(
      (
        await database.db.execute<{ n: number }>(
          sql`select count(*)::int as n from participations where year = ${YEAR}`,
        )
      ).rows[0]?.n ?? 0,
    );
    scope = await supervisor(database.db, size);
  } finally {
    await database.close();
  }
  console.log(
    `scope: ${scope.inProvince} agencies of province ${scope.province ?? '(none in the data)'} + ${scope.named} named ` +
      `agencies = ${scope.inProvince + scope.named}, out of ${country} in the country`,
  );
  const server = await startServer(url);
  try {
    const cookie = await signIn(server.url);
    const route = `/api/monitoring/${YEAR}/agencies?pageSize=${args['page-size']}`;
    const first = await fetch(`${server.url}${route}`, { headers: { cookie } });
    if (first.status !== 200) throw new Error(`bench: GET ${route} → ${first.status} ${await first.text()}`);
    const body = (await first.json()) as { total: number; items: unknown[] };
    console.log(`GET ${route}: ${body.total} agencies in the matrix, ${body.items.length} on the page`);
    await cannon(server.url, route, cookie, connections, Number(args.warmup));
    const start = load();
    const m = await cannon(server.url, route, cookie, connections, seconds);
    const p50 = percentile(m.latencies, 50);
    const p95 = percentile(m.latencies, 95);
    const p99 = percentile(m.latencies, 99);
    console.log(
      `${connections} concurrent, ${seconds} s after a ${args.warmup} s warm-up; load ${start} → ${load()}`,
    );
    console.log(
      `  ${m.latencies.length} answers (${(m.latencies.length / seconds).toFixed(0)} req/s); latency ms p50 ` +
        `${p50.toFixed(1)}, p95 ${p95.toFixed(1)}, p99 ${p99.toFixed(1)}; non-2xx ${JSON.stringify(m.non2xx)}, ` +
        `errors ${m.errors}`,
    );
    const met = p95 <= GOAL_P95_MS && m.errors === 0 && Object.keys(m.non2xx).length === 0;
    console.log(`p95 ≤ ${GOAL_P95_MS} ms: ${p95.toFixed(1)} ms — ${met ? 'met' : 'NOT MET'}`);
    process.exitCode = met ? 0 : 1;
  } catch (err) {
    console.error(server.log());
    throw err;
  } finally {
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
