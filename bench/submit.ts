// Survey submission throughput: the real submit endpoint (grant, collection window, answer validation,
// idempotency, burst counters, one transaction) against a baseline — a bare Fastify route doing one insert
// into the same table — on PostgreSQL and on PGlite, in the same run with the same autocannon settings; on
// PostgreSQL in alternating slices, so that other work on the machine weighs on both alike (submit-measure.ts).
// Prints accepted submissions/s, p50/p99, non-2xx and errors, the CPU time per accepted submission of the
// server process and of its PostgreSQL backends (steadier than the rates when other work shares the
// machine: submit-cpu.ts), checks that the rows written equal the accepted responses, and ends with
// `ratio: X.XX` (ours ÷ baseline, on PostgreSQL). Exits 1 when a goal is missed (≥ 0.70 × baseline,
// p99 ≤ 100 ms, 0 errors, rows = accepted).
// Run: npm run bench:submit [-- --duration=10 --rounds=5 --connections=10 --drivers=postgres,pglite
//   --cpu-prof=DIR]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { appNameOf } from './submit-cpu.ts';
import { answerSheets, demoRespondent, type LoadResult, newRunId, submitBody } from './submit-load.ts';
import { type Measured, measure, type Target } from './submit-measure.ts';
import { benchPostgres, serverVersion } from './submit-postgres.ts';
import { type Database, type Running, startBaseline, startProngsai, stop } from './submit-processes.ts';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    addresses: { type: 'string', default: '4096' },
    drivers: { type: 'string', default: 'postgres,pglite' },
    'cpu-prof': { type: 'string' },
  },
});
const DURATION = Number(args.duration);
const WARMUP = Number(args.warmup);
const ROUNDS = Math.max(1, Math.round(Number(args.rounds)));
const CONNECTIONS = Number(args.connections);
const ADDRESSES = Math.max(1, Number(args.addresses));
const CPU_PROF = args['cpu-prof'] ? path.resolve(args['cpu-prof']) : undefined;
const DRIVERS = args.drivers.split(',').filter((d): d is Driver => d === 'postgres' || d === 'pglite');
const GOAL = { ratio: 0.7, p99Ms: 100 };
const SERVERS = ['ours', 'baseline'] as const;
type Driver = 'postgres' | 'pglite';
type Server = (typeof SERVERS)[number];

interface Row extends Measured {
  /** Rows of the requests that were answered: must equal the accepted (2xx) count. */
  rows: number;
  /** Rows of requests still in flight when autocannon stopped (≤ connections; not part of the figures). */
  lateRows: number;
}

const runId = newRunId();
/** Tag of a phase: run id, driver, server, phase (0 smoke, 1 warm-up, 2 measured). */
const tagOf = (driver: Driver, server: Server, phase: number) =>
  `${runId}${driver === 'postgres' ? 1 : 2}${server === 'ours' ? 1 : 2}${phase}0`;

/**
 * Rows a measured run wrote, split into rows of answered requests and rows of requests autocannon dropped
 * at the end (the server may still have committed those after the client stopped waiting). PGlite's
 * folder is opened only once both servers have stopped.
 */
async function countRows(db: Database, runs: { tag: string; unanswered: string[] }[]) {
  const sql = `select count(*) filter (where not submission_id = any($2::uuid[]))::int as answered,
      count(*) filter (where submission_id = any($2::uuid[]))::int as late
    from survey_responses where substr(submission_id::text, 1, 8) = $1`;
  type Count = { answered: number; late: number };
  const counts: Count[] = [];
  if (db.databaseUrl) {
    const client = new pg.Client({ connectionString: db.databaseUrl });
    await client.connect();
    for (const r of runs) {
      const { rows } = await client.query<Count>(sql, [r.tag, r.unanswered]);
      counts.push(rows[0] ?? { answered: 0, late: 0 });
    }
    await client.end();
  } else {
    const lite = await PGlite.create({ dataDir: path.join(db.dataDir, 'pglite') });
    for (const r of runs) {
      const { rows } = await lite.query<Count>(sql, [r.tag, r.unanswered]);
      counts.push(rows[0] ?? { answered: 0, late: 0 });
    }
    await lite.close();
  }
  return counts;
}

/** Starts a server whose database connections carry an application name of their own (PGAPPNAME). */
async function withAppName<T>(appName: string, start: () => Promise<T>): Promise<T> {
  process.env.PGAPPNAME = appName;
  try {
    return await start();
  } finally {
    delete process.env.PGAPPNAME;
  }
}

/**
 * Both servers on one driver. On PostgreSQL both run at once and are loaded in alternating slices
 * (submit-measure.ts); PGlite's folder takes one process at a time, so there ours runs, then the baseline.
 */
async function benchDriver(driver: Driver, db: Database): Promise<Record<Server, Row>> {
  const settings = { connections: CONNECTIONS, addresses: ADDRESSES, warmup: WARMUP, duration: DURATION };
  const target = (s: Server, running: Running): Target => ({
    running,
    tag: (p) => tagOf(driver, s, p),
    db: { databaseUrl: db.databaseUrl, appName: appNameOf(runId, `${driver}-${s}`) },
  });
  const start = (s: Server) =>
    withAppName(appNameOf(runId, `${driver}-${s}`), () =>
      (s === 'ours' ? startProngsai : startBaseline)(db, { cpuProfDir: CPU_PROF, name: `${driver}-${s}` }),
    );
  const running: Partial<Record<Server, Running>> = {};
  const measured = {} as Record<Server, Measured>;
  try {
    const ours = await start('ours');
    running.ours = ours;
    const respondent = await demoRespondent(ours.url);
    const load = { ...respondent, sheets: answerSheets(respondent.agencyType, 64) };
    await smoke(ours, load, tagOf(driver, 'ours', 0));
    if (driver === 'postgres') {
      running.baseline = await start('baseline');
      const [o, b] = await measure([target('ours', ours), target('baseline', running.baseline)], load, {
        ...settings,
        rounds: ROUNDS,
      });
      measured.ours = o as Measured;
      measured.baseline = b as Measured;
    } else {
      [measured.ours] = (await measure([target('ours', ours)], load, { ...settings, rounds: 1 })) as [
        Measured,
      ];
      await stop(ours);
      delete running.ours;
      running.baseline = await start('baseline');
      [measured.baseline] = (await measure([target('baseline', running.baseline)], load, {
        ...settings,
        rounds: 1,
      })) as [Measured];
    }
  } catch (error) {
    for (const r of Object.values(running)) process.stderr.write(`${r.log()}\n`);
    throw error;
  } finally {
    for (const r of Object.values(running)) await stop(r);
  }
  const [o, b] = await countRows(
    db,
    SERVERS.map((s) => ({ tag: tagOf(driver, s, 2), unanswered: measured[s].unanswered })),
  );
  return {
    ours: { ...measured.ours, rows: o?.answered ?? 0, lateRows: o?.late ?? 0 },
    baseline: { ...measured.baseline, rows: b?.answered ?? 0, lateRows: b?.late ?? 0 },
  };
}

/** One submission through fetch first, so that a refusal is reported with its message, not as a count. */
async function smoke(
  running: Running,
  load: { agencyId: string; grant: string; sheets: string[] },
  tag: string,
) {
  const res = await fetch(`${running.url}/api/respond/${load.agencyId}/IIT/submit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: submitBody(load.grant, load.sheets[0] ?? '{}', `${tag}-0000-4000-8000-000000000000`, 600),
  });
  const text = await res.text();
  if (res.status !== 200 || !text.includes('"recorded"'))
    throw new Error(`a single submit was refused: ${res.status} ${text.slice(0, 500)}`);
}

const pad = (s: string, n: number) => s.padStart(n);
const micros = (us: number | undefined) => (us === undefined ? 'n/a' : us.toFixed(0));
const codes = (r: LoadResult) =>
  Object.entries(r.statusCodes)
    .filter(([c]) => !c.startsWith('2'))
    .map(([c, n]) => `${c}×${n}`)
    .join(' ');

function printTable(title: string, result: Record<Server, Row>) {
  console.log(`\n${title}`);
  console.log(
    `  ${'server'.padEnd(26)}${pad('accepted/s', 11)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('non-2xx', 9)}${pad('errors', 8)}${pad('CPU µs: server', 16)}${pad('db', 6)}   rows = accepted`,
  );
  const label: Record<Server, string> = {
    ours: 'ours (real submit)',
    baseline: 'baseline (1 insert)',
  };
  for (const s of SERVERS) {
    const r = result[s];
    const same = r.rows === r.accepted && r.recorded === r.accepted;
    const check = same
      ? `yes (${r.rows} in ${r.seconds.toFixed(1)} s${r.lateRows ? `; +${r.lateRows} cut off at the stop` : ''})`
      : `NO (rows ${r.rows}, accepted ${r.accepted}, recorded ${r.recorded})`;
    console.log(
      `  ${label[s].padEnd(26)}${pad(r.perSecond.toFixed(1), 11)}${pad(r.p50.toFixed(0), 8)}${pad(r.p99.toFixed(0), 8)}${pad(String(r.non2xx), 9)}${pad(String(r.errors), 8)}${pad(micros(r.cpu.server), 16)}${pad(micros(r.cpu.db), 6)}   ${check}${r.non2xx ? `  [${codes(r)}]` : ''}`,
    );
  }
  const ratio = (f: (r: Row) => number | undefined) => {
    const o = f(result.ours);
    const b = f(result.baseline);
    return o === undefined || b === undefined ? '' : `${(o / b).toFixed(2)}×`;
  };
  console.log(
    `  ${'ours ÷ baseline'.padEnd(26)}${pad((result.ours.perSecond / result.baseline.perSecond).toFixed(2), 11)}${' '.repeat(33)}${pad(
      ratio((r) => r.cpu.server),
      16,
    )}${pad(
      ratio((r) => r.cpu.db),
      6,
    )}`,
  );
}

async function main() {
  if (DRIVERS.length === 0) throw new Error('--drivers: postgres, pglite or both');
  console.log(
    `bench:submit — POST /api/respond/:agencyId/IIT/submit (demo PAO, FY2568 IIT sheets), ${CONNECTIONS} connections, ${WARMUP} s warm-up then ${DURATION} s measured per server (on PostgreSQL in ${ROUNDS} alternating slices), ${ADDRESSES} client addresses via X-Forwarded-For (TRUST_PROXY=127.0.0.1)`,
  );
  const results = new Map<Driver, Record<Server, Row>>();
  for (const driver of DRIVERS) {
    if (driver === 'postgres') {
      const postgres = await benchPostgres(process.env.DATABASE_URL);
      const dataDir = await mkdtemp(path.join(tmpdir(), 'prongsai-bench-submit-'));
      try {
        const version = await serverVersion(postgres.url);
        const result = await benchDriver(driver, { databaseUrl: postgres.url, dataDir });
        results.set(driver, result);
        printTable(`PostgreSQL ${version} (${postgres.origin})`, result);
        if (postgres.borrowed) await forgetBenchRows(postgres.url);
      } finally {
        await postgres.dispose();
        await rm(dataDir, { recursive: true, force: true });
      }
    } else {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'prongsai-bench-submit-'));
      try {
        const result = await benchDriver(driver, { databaseUrl: undefined, dataDir });
        results.set(driver, result);
        printTable('PGlite (embedded, in the server process)', result);
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    }
  }
  return verdict(results);
}

/** On a database the bench did not create, remove the rows it wrote (its submission ids carry the run id). */
async function forgetBenchRows(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`delete from survey_responses where submission_id::text like $1`, [`${runId}%`]);
  await client.end();
}

function verdict(results: Map<Driver, Record<Server, Row>>): boolean {
  const misses: string[] = [];
  for (const [driver, r] of results) {
    for (const s of SERVERS) {
      const row = r[s];
      if (row.errors > 0 || row.non2xx > 0)
        misses.push(`${driver} ${s}: ${row.errors} errors, ${row.non2xx} non-2xx`);
      if (row.rows !== row.accepted || row.recorded !== row.accepted)
        misses.push(`${driver} ${s}: rows ${row.rows} ≠ accepted ${row.accepted}`);
    }
    if (r.ours.p99 > GOAL.p99Ms)
      misses.push(`${driver} ours: p99 ${r.ours.p99.toFixed(0)} ms > ${GOAL.p99Ms} ms`);
  }
  const postgres = results.get('postgres');
  const ratio = postgres ? postgres.ours.perSecond / postgres.baseline.perSecond : undefined;
  if (ratio !== undefined && ratio < GOAL.ratio)
    misses.push(`postgres: ${ratio.toFixed(2)} × baseline < ${GOAL.ratio.toFixed(2)}`);
  console.log(
    `\ngoals (≥ ${GOAL.ratio.toFixed(2)} × baseline on PostgreSQL, p99 ≤ ${GOAL.p99Ms} ms, 0 errors, rows = accepted): ${misses.length === 0 ? 'met' : `MISSED — ${misses.join('; ')}`}`,
  );
  if (CPU_PROF) console.log(`CPU profiles: ${CPU_PROF}`);
  console.log(`took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log('ratio = PostgreSQL, ours ÷ baseline, accepted submissions/s:');
  console.log(ratio === undefined ? 'ratio: n/a (PostgreSQL not run)' : `ratio: ${ratio.toFixed(2)}`);
  return misses.length === 0;
}

const started = performance.now();
main()
  .then((ok) => process.exit(ok ? 0 : 1))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(2);
  });
