// The anonymous microdata export at national scale (issue 11 §5): on the country of bench:process (its kept
// database `prongsai_bench`, generated here when missing; never dropped), the real server (a child process on
// PostgreSQL) streams every counted response of FY2568 as CSV to a NACC admin over HTTP while the server's
// RSS is sampled; in the same run PostgreSQL's own `COPY (<the same SELECT>) TO STDOUT (FORMAT csv)` of the
// same rows is read to nowhere — before and after the download, so other load weighs on both alike. Prints
// rows, bytes, seconds, MB/s, the server's RSS growth, CPU, the goals and, last, `ratio: X.XX` (our rows/s ÷
// COPY's). Not a test. Run: npm run bench:export [-- --database=prongsai_bench --scale=1]
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { openPostgres } from '../src/db/client.ts';
import { wholeYearSelect } from '../src/modules/microdata/index.ts';
import { signIn, startServer } from './api-server.ts';
import { generate, generatedBefore, YEAR } from './national-data.ts';
import { databaseCpu, procTimes } from './process-measure.ts';

const { values: args } = parseArgs({
  options: {
    database: { type: 'string', default: 'prongsai_bench' },
    scale: { type: 'string', default: '1' },
  },
});

const GOALS = { rssMb: 100, ratio: 0.5 };
const ADMIN = 'bench-export-admin';
const PASSWORD = 'bench-export-2568';

const log = (s: string) => console.log(s);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const mb = (bytes: number) => bytes / 2 ** 20;

/** The kept country (reused as it is), or a new one generated into a database of that name. */
async function prepare(): Promise<string> {
  const adminUrl =
    process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = args.database as string;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bench: not a database name: ${name}`);
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const exists = (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
    if (!exists) await c.query(`create database ${name}`);
  } finally {
    await c.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString());
  try {
    const db = database.db;
    const kept = await generatedBefore(db);
    if (kept) log(`reusing the country in ${name} (${kept.agencies} agencies)`);
    else {
      log(`generating the country (scale ${args.scale}) into ${name} …`);
      const g = await generate(db, Number(args.scale), log);
      log(`  ${g.agencies} agencies in ${g.seconds.toFixed(1)} s`);
    }
    // A NACC admin who can sign in (the password hash at the lowest cost: signing in is not measured).
    const passwordHash = await hash(PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1 });
    await db.execute(sql`insert into users (username, display_name, password_hash, role)
      select ${ADMIN}, 'Bench export admin', ${passwordHash}, 'admin'
      where not exists (select 1 from users where username = ${ADMIN})`);
    await db.execute(sql`update users set password_hash = ${passwordHash} where username = ${ADMIN}`);
  } finally {
    await database.close();
  }
  return u.toString();
}

/** Resident memory of a process (bytes), from /proc (Linux); null elsewhere. */
function rssOf(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

interface Measured {
  rows: number;
  bytes: number;
  seconds: number;
  cpu: { node: number | null; postgres: number | null };
}

const LF = 0x0a;
const countLines = (chunk: Uint8Array) => {
  let n = 0;
  for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, i + 1)) n++;
  return n;
};

/** The download through HTTP, read as fast as it comes, with the server's RSS sampled every 50 ms. */
async function download(url: string, cookie: string, pid: number, databaseUrl: string) {
  const start = rssOf(pid);
  let peak = start ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssOf(pid) ?? 0);
  }, 50);
  const pgCpu = await databaseCpu(databaseUrl);
  const before = procTimes(pid);
  const t0 = performance.now();
  let bytes = 0;
  let lines = 0;
  try {
    const res = await fetch(`${url}/api/microdata/${YEAR}/responses.csv`, { headers: { cookie } });
    if (res.status !== 200 || !res.body)
      throw new Error(`bench: download → ${res.status} ${await res.text()}`);
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      lines += countLines(chunk);
    }
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - t0) / 1000;
  const after = procTimes(pid);
  peak = Math.max(peak, rssOf(pid) ?? 0);
  const measured: Measured = {
    rows: lines - 1, // the header
    bytes,
    seconds,
    cpu: {
      node: before && after ? after.own - before.own : null,
      postgres: pgCpu ? await pgCpu.stop() : null,
    },
  };
  return {
    ...measured,
    rssStartMb: start === null ? null : mb(start),
    rssGrowthMb: start === null ? null : mb(peak - start),
  };
}

/** PostgreSQL's own COPY of the same SELECT, read to nowhere on one connection. */
async function copyBaseline(databaseUrl: string, select: string): Promise<Measured> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const pgCpu = await databaseCpu(databaseUrl);
  const t0 = performance.now();
  let bytes = 0;
  let rows = 0;
  try {
    const stream = client.query(copyTo(`COPY (${select}) TO STDOUT WITH (FORMAT csv)`));
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.byteLength;
      rows += countLines(chunk);
    }
  } finally {
    await client.end();
  }
  const seconds = (performance.now() - t0) / 1000;
  return { rows, bytes, seconds, cpu: { node: null, postgres: pgCpu ? await pgCpu.stop() : null } };
}

const fmt = (x: number | null, digits = 2) => (x === null || !Number.isFinite(x) ? 'n/a' : x.toFixed(digits));
const met = (ok: boolean) => (ok ? 'met' : 'NOT MET');

async function main() {
  log(`bench:export — the anonymous microdata of FY${YEAR} at national scale; node ${process.version}`);
  log('The machine may be shared: absolute figures move; compare ours with COPY in the same run.');
  const databaseUrl = await prepare();
  const database = await openPostgres(databaseUrl, { migrate: false, poolSize: 2 });
  const orderKey = 'b'.repeat(32);
  let select: string;
  try {
    select = await wholeYearSelect(database.db, YEAR, orderKey);
  } finally {
    await database.close();
  }
  const server = await startServer(databaseUrl);
  let ours: Awaited<ReturnType<typeof download>>;
  const copies: Measured[] = [];
  const loads: string[] = [];
  try {
    const cookie = await signIn(server.url, ADMIN, PASSWORD);
    const pid = server.pid as number;
    loads.push(load());
    log(`\nCOPY (before; load ${load()}) …`);
    copies.push(await copyBaseline(databaseUrl, select));
    log(`  ${copies[0]?.rows} rows in ${fmt(copies[0]?.seconds ?? null)} s`);
    log(`download through the server (load ${load()}) …`);
    ours = await download(server.url, cookie, pid, databaseUrl);
    log(`  ${ours.rows} rows in ${fmt(ours.seconds)} s`);
    log(`COPY (after; load ${load()}) …`);
    copies.push(await copyBaseline(databaseUrl, select));
    log(`  ${copies[1]?.rows} rows in ${fmt(copies[1]?.seconds ?? null)} s`);
    loads.push(load());
  } catch (err) {
    console.error(server.log());
    throw err;
  } finally {
    await server.stop();
  }

  const copySeconds = copies.reduce((s, c) => s + c.seconds, 0) / copies.length;
  const copy = copies[0] as Measured;
  log(`\n== FY${YEAR} microdata: ${ours.rows} rows (load ${loads.join(' → ')}) ==`);
  log(
    '|                          | rows      | MB      | seconds | MB/s   | rows/s  | CPU s node | CPU s PostgreSQL |',
  );
  log(
    '|--------------------------|----------:|--------:|--------:|-------:|--------:|-----------:|-----------------:|',
  );
  const line = (name: string, m: Measured) =>
    log(
      `| ${name.padEnd(24)} | ${String(m.rows).padStart(9)} | ${fmt(mb(m.bytes), 1).padStart(7)} | ${fmt(m.seconds).padStart(7)} | ` +
        `${fmt(mb(m.bytes) / m.seconds, 1).padStart(6)} | ${fmt(m.rows / m.seconds, 0).padStart(7)} | ${fmt(m.cpu.node).padStart(10)} | ${fmt(m.cpu.postgres).padStart(16)} |`,
    );
  line('download (HTTP, server)', ours);
  for (const [i, c] of copies.entries()) line(`COPY TO STDOUT (${i === 0 ? 'before' : 'after'})`, c);
  log(
    `server RSS: ${fmt(ours.rssStartMb, 0)} MB at the start, grew ${fmt(ours.rssGrowthMb, 0)} MB at the peak`,
  );

  const ratio = ours.rows / ours.seconds / (copy.rows / copySeconds);
  const sameRows = copies.every((c) => c.rows === ours.rows);
  log('\nGoals:');
  log(`  same rows as COPY (${copy.rows}): ${met(sameRows)}`);
  log(
    `  server RSS growth ≤ ${GOALS.rssMb} MB: ${fmt(ours.rssGrowthMb, 0)} MB — ${met(ours.rssGrowthMb !== null && ours.rssGrowthMb <= GOALS.rssMb)}`,
  );
  log(
    `  speed ≥ ${GOALS.ratio} × COPY (rows/s, COPY = mean of before and after): ${fmt(ratio)} — ${met(ratio >= GOALS.ratio)}`,
  );
  log(`ratio: ${fmt(ratio)}`);
  const missed =
    !sameRows || !(ratio >= GOALS.ratio) || ours.rssGrowthMb === null || ours.rssGrowthMb > GOALS.rssMb;
  process.exitCode = missed ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
