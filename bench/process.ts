// Processing a whole country (issue 10 §5): generates national-scale FY2568 data directly with SQL, runs the
// real processing run (createRun + the worker's processNextRun) and, in the same run, a plain SQL aggregate
// of every agency's per-question means over the same rows. Prints figures; not a test.
// Run: npm run bench:process [-- --drivers=postgres,pglite --pglite-scale=0.1 --explain]
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import type { Framework } from '../src/core/framework/schema.ts';
import { type Db, openPglite, openPostgres } from '../src/db/client.ts';
import { frameworkForYear } from '../src/modules/frameworks/index.ts';
import { createRun } from '../src/modules/results/results.service.ts';
import { DEFAULT_WORKER_OPTIONS, processNextRun } from '../src/modules/results/results.worker.ts';
import { benchAdmin, type Generated, generate, generatedBefore, seconds, YEAR } from './national-data.ts';
import { type ApiMeasured, type ApiOptions, measureReportApi, reportApi } from './process-api.ts';
import { type Cpu, withCpu, withRss } from './process-measure.ts';

const GOALS = { seconds: 15, ratio: 1.5, rssMb: 300 };

const { values: args } = parseArgs({
  options: {
    drivers: { type: 'string', default: 'postgres,pglite' },
    'pglite-scale': { type: 'string', default: '0.1' },
    explain: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    'chunk-size': { type: 'string' },
    'read-ahead': { type: 'string' },
    'skip-api': { type: 'boolean', default: false },
    'api-route': { type: 'string', default: 'report' },
    'api-seconds': { type: 'string', default: '10' },
    'server-cpu-prof': { type: 'string' },
    only: { type: 'string' },
  },
});

/** The baseline: every agency's per-question means (answers mapped to the scale's scores; a question with
 * sub-items averages them) over the same counted rows, fetched like the processing's reads are. */
async function createOptionScores(db: Db, framework: Framework) {
  const scales = new Map(framework.scales.map((s) => [s.code, s]));
  const list = framework.questions.flatMap((q) =>
    (scales.get(q.scale)?.options ?? []).map((o) => ({ question: q.code, value: o.value, score: o.score })),
  );
  await db.execute(sql`create table if not exists bench_option_scores (question text, value text, score numeric,
    primary key (question, value))`);
  await db.execute(sql`truncate bench_option_scores`);
  await db.execute(sql`insert into bench_option_scores select * from jsonb_to_recordset(${JSON.stringify(list)}::jsonb)
    as x(question text, value text, score numeric)`);
}

const BASELINE = sql`select r.agency_id, r.instrument, a.key as question, avg(o.score) as mean, count(*) as n
  from survey_responses r cross join lateral jsonb_each(r.answers) a
  left join lateral jsonb_each_text(case when jsonb_typeof(a.value) = 'object' then a.value end) s on true
  join bench_option_scores o on o.question = a.key and o.value = coalesce(s.value, a.value #>> '{}')
  where r.year = ${YEAR}
    and not exists (select 1 from response_reviews v where v.response_id = r.id and v.decision = 'exclude')
  group by 1, 2, 3`;

async function baseline(db: Db): Promise<{ seconds: number; rows: number }> {
  const t0 = performance.now();
  const r = await db.execute(BASELINE);
  return { seconds: seconds(t0), rows: r.rows.length };
}

interface Measured {
  generated: Generated;
  processing: {
    seconds: number;
    rssGrowthMb: number;
    agencies: number;
    status: string;
    processed: number;
    cpu: Cpu;
  };
  baseline: { before: number; after: number; rows: number; rssGrowthMb: number; cpu: [Cpu, Cpu] };
  load: { start: string; end: string };
  api: ApiMeasured | undefined;
}

/** Milliseconds per phase of the processing run, summed over its chunks, and how often each was timed. */
function phaseTimings() {
  const phases = new Map<string, { ms: number; times: number }>();
  return {
    add(phase: string, ms: number) {
      const p = phases.get(phase) ?? { ms: 0, times: 0 };
      p.ms += ms;
      p.times++;
      phases.set(phase, p);
    },
    phases,
  };
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const apiOptions = (): ApiOptions => ({
  year: YEAR,
  route: args['api-route'] === 'report' ? '/report' : '',
  connections: 20,
  readers: 40,
  warmupSeconds: 3,
  seconds: Number(args['api-seconds']),
  cpuProfileDir: args['server-cpu-prof'],
});

/** --only=api: the API part alone, on the newest finished run of a kept database (no generation, no run). */
async function onlyApi(): Promise<boolean> {
  const admin =
    process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const u = new URL(admin);
  u.pathname = '/prongsai_bench';
  const database = await openPostgres(u.toString());
  try {
    const [run] = (
      await database.db.execute<{ id: string }>(sql`select id from processing_runs
        where year = ${YEAR} and kind = 'run' and status = 'done' order by created_at desc limit 1`)
    ).rows;
    if (!run)
      throw new Error('bench: --only=api needs a finished run in prongsai_bench (run with --keep first)');
    console.log(`agency report API on the kept database, run ${run.id} (load ${load()}) …`);
    const actor = await benchAdmin(database.db);
    return reportApi(await measureReportApi(database.db, u.toString(), actor, run.id, apiOptions()));
  } finally {
    await database.close();
  }
}

async function measure(db: Db, label: string, scale: number, databaseUrl: string | null): Promise<Measured> {
  const log = (s: string) => console.log(s);
  const loadAtStart = load();
  log(`[${label}] load average (1, 5, 15 min): ${loadAtStart}`);
  const kept = args.reuse ? await generatedBefore(db) : null;
  if (kept) log(`\n[${label}] reusing the data of an earlier run (--reuse)`);
  else log(`\n[${label}] generating (scale ${scale}) …`);
  const generated = kept ?? (await generate(db, scale, log));
  log(`  done in ${generated.seconds.toFixed(1)} s`);
  const { framework } = await frameworkForYear(db, YEAR);
  await createOptionScores(db, framework);

  const actor = await benchAdmin(db);
  const deps = { db, now: () => new Date(), config: loadConfig({}) };

  log(`[${label}] baseline (warm-up, not counted) …`);
  await baseline(db);
  const before = await withCpu(databaseUrl, () => withRss(() => baseline(db)));
  const options = {
    ...DEFAULT_WORKER_OPTIONS,
    ...(args['chunk-size'] ? { chunkSize: Number(args['chunk-size']) } : {}),
    ...(args['read-ahead'] ? { readAhead: Number(args['read-ahead']) } : {}),
  };
  const timings = phaseTimings();
  log(
    `[${label}] processing (chunks of ${options.chunkSize}, ${options.readAhead} read at once; load ${load()}) …`,
  );
  const { value: processing, cpu } = await withCpu(databaseUrl, () =>
    withRss(async () => {
      const t0 = performance.now();
      const run = await createRun(deps, actor, YEAR, { kind: 'run', scope: 'all' });
      const outcome = await processNextRun(deps, { ...options, timings });
      return { seconds: seconds(t0), run, outcome };
    }),
  );
  log(`[${label}] growth at the RSS peak of the processing run, MB: ${processing.atPeak}`);
  log(
    `[${label}] phases of the processing run (ms summed over chunks; reads overlap each other and the rest):`,
  );
  for (const [phase, p] of timings.phases)
    log(`    ${phase.padEnd(30)} ${p.ms.toFixed(0).padStart(8)} ms  (${p.times}×)`);
  const after = await withCpu(databaseUrl, () => baseline(db));
  const loadAtEnd = load();
  log(`[${label}] load average after: ${loadAtEnd}`);
  const status = (
    await db.execute<{ status: string; done: number; total: number; error: string | null }>(
      sql`select status, progress_done as done, progress_total as total, error from processing_runs
        where id = ${processing.value.run.id}`,
    )
  ).rows[0];
  const processed = (
    await db.execute<{ n: number }>(sql`select count(*)::int as n from agency_results
      where run_id = ${processing.value.run.id} and not exists (select 1 from jsonb_each(instruments) i
        where jsonb_typeof(i.value -> 'notProcessed') not in ('null'))`)
  ).rows[0];
  if (status?.status !== 'done')
    throw new Error(`bench: the run ended ${processing.value.outcome} (${status?.error ?? 'no error'})`);

  if (args.explain) {
    const ids = (
      await db.execute<{
        id: string;
      }>(sql`select a.id from agencies a join participations p on p.agency_id = a.id
        order by a.code limit ${DEFAULT_WORKER_OPTIONS.chunkSize}`)
    ).rows.map((r) => r.id);
    // The query of instrumentCounts (src/modules/responses/counts.ts), with the settings it sets.
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('enable_sort', 'off', true),
        set_config('enable_incremental_sort', 'off', true), set_config('jit', 'off', true)`);
      const counted = sql`r.year = ${YEAR} and r.agency_id = any(${`{${ids.join(',')}}`}::uuid[])
        and not exists (select 1 from response_reviews v where v.response_id = r.id and v.decision = 'exclude')`;
      return tx.execute<Record<string, string>>(sql`explain (analyze, buffers)
        select n.agency_id, n.instrument, n.n, coalesce(q.answers, '{}'::json)
        from (select r.agency_id, r.instrument, count(*)::int as n from survey_responses r where ${counted}
          group by 1, 2) n
        left join (select agency_id, instrument, json_object_agg(question, list) as answers
          from (select agency_id, instrument, question, json_agg(json_build_array(answer, n)) as list
            from (select r.agency_id, r.instrument, a.key as question, a.value as answer, count(*)::int as n
              from survey_responses r cross join lateral jsonb_each(r.answers) a where ${counted}
              group by 1, 2, 3, 4) c
            group by 1, 2, 3) c
          group by 1, 2) q on q.agency_id = n.agency_id and q.instrument = n.instrument`);
    });
    log(`[${label}] EXPLAIN ANALYZE of the answer counts of one chunk (${ids.length} agencies):`);
    // The chunk's agency ids are left out of the plan's conditions.
    for (const row of plan.rows)
      log(`    ${String(Object.values(row)[0]).replace(/'\{[0-9a-f,-]+\}'/, "'{…}'")}`);
  }

  let api: ApiMeasured | undefined;
  if (databaseUrl && !args['skip-api']) {
    log(`[${label}] agency report API (load ${load()}) …`);
    api = await measureReportApi(db, databaseUrl, actor, processing.value.run.id, apiOptions());
  }

  return {
    generated,
    processing: {
      seconds: processing.value.seconds,
      rssGrowthMb: processing.rssGrowthMb,
      agencies: status.total,
      status: status.status,
      processed: processed?.n ?? 0,
      cpu,
    },
    baseline: {
      before: before.value.value.seconds,
      after: after.value.seconds,
      rows: after.value.rows,
      rssGrowthMb: before.value.rssGrowthMb,
      cpu: [before.cpu, after.cpu],
    },
    load: { start: loadAtStart, end: loadAtEnd },
    api,
  };
}

function report(label: string, m: Measured, judge: boolean): number {
  const base = (m.baseline.before + m.baseline.after) / 2;
  const ratio = m.processing.seconds / base;
  const g = m.generated;
  const total = Object.values(g.responses).reduce((a, b) => a + b, 0);
  console.log(`\n== ${label} ==`);
  console.log(
    `data: ${g.agencies} agencies, ${total} responses (IIT ${g.responses.IIT}, EIT1 ${g.responses.EIT1}, ` +
      `EIT2 ${g.responses.EIT2}), ${g.excluded} excluded, ${g.oitScores} OIT scores; generated in ${g.seconds.toFixed(1)} s`,
  );
  console.log(`load average (1, 5, 15 min) at the start: ${m.load.start}; at the end: ${m.load.end}`);
  console.log(
    '| measure                                              |        s | RSS growth MB | CPU s node | CPU s postgres |',
  );
  console.log(
    '|------------------------------------------------------|---------:|--------------:|-----------:|---------------:|',
  );
  const line = (name: string, s: number, mb: number | null, cpu: Cpu) =>
    console.log(
      `| ${name.padEnd(52)} | ${s.toFixed(2).padStart(8)} | ${(mb === null ? '' : mb.toFixed(0)).padStart(13)} | ` +
        `${cpu.node.toFixed(1).padStart(10)} | ${(cpu.postgres === null ? 'n/a' : cpu.postgres.toFixed(1)).padStart(14)} |`,
    );
  line(
    `processing run (${m.processing.agencies} agencies, ${m.processing.processed} fully processed)`,
    m.processing.seconds,
    m.processing.rssGrowthMb,
    m.processing.cpu,
  );
  const [cpuBefore, cpuAfter] = m.baseline.cpu;
  line(
    `plain aggregate, before (${m.baseline.rows} rows)`,
    m.baseline.before,
    m.baseline.rssGrowthMb,
    cpuBefore,
  );
  line('plain aggregate, after', m.baseline.after, null, cpuAfter);
  console.log(`processing ÷ plain aggregate (mean of before and after): ${ratio.toFixed(2)}`);
  const cpuOf = (c: Cpu) => (c.postgres === null ? null : c.node + c.postgres);
  const p = cpuOf(m.processing.cpu);
  const b0 = cpuOf(cpuBefore);
  const b1 = cpuOf(cpuAfter);
  if (p !== null && b0 !== null && b1 !== null)
    console.log(
      `CPU seconds (node + postgres), processing ÷ plain aggregate: ${(p / ((b0 + b1) / 2)).toFixed(2)} ` +
        '(moves less than the times when the machine is shared)',
    );
  if (judge) {
    const met = (ok: boolean) => (ok ? 'met' : 'NOT MET');
    console.log('goals (PostgreSQL, whole country):');
    console.log(
      `  processing ≤ ${GOALS.seconds} s: ${m.processing.seconds.toFixed(2)} s — ${met(m.processing.seconds <= GOALS.seconds)}`,
    );
    console.log(`  ratio ≤ ${GOALS.ratio}: ${ratio.toFixed(3)} — ${met(ratio <= GOALS.ratio)}`);
    console.log(
      `  RSS growth ≤ ${GOALS.rssMb} MB: ${m.processing.rssGrowthMb.toFixed(0)} MB — ${met(m.processing.rssGrowthMb <= GOALS.rssMb)}`,
    );
  }
  return ratio;
}

async function onPostgres(): Promise<Measured> {
  const admin =
    process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = 'prongsai_bench';
  const q = async (text: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  const exists =
    (await c.query('select 1 from pg_database where datname = $1', [name]).finally(() => c.end()))
      .rowCount === 1;
  if (!(args.reuse && exists)) {
    await q(`drop database if exists ${name} with (force)`);
    await q(`create database ${name}`);
  }
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString());
  try {
    const version = (
      await database.db.execute<{ v: string }>(sql`select current_setting('server_version') as v`)
    ).rows[0]?.v;
    console.log(`PostgreSQL ${version} at ${u.host}, scratch database ${name}`);
    return await measure(database.db, 'PostgreSQL', 1, u.toString());
  } finally {
    await database.close();
    if (args.keep || args.reuse) console.log(`kept the scratch database ${u.toString()} (--keep, --reuse)`);
    else await q(`drop database if exists ${name} with (force)`);
  }
}

async function onPglite(scale: number): Promise<Measured> {
  const database = await openPglite();
  try {
    console.log('PGlite in memory (in this process: its memory counts in the RSS)');
    return await measure(database.db, `PGlite ×${scale}`, scale, null);
  } finally {
    await database.close();
  }
}

async function main() {
  if (args.only === 'api') {
    process.exitCode = (await onlyApi()) ? 0 : 1;
    return;
  }
  const drivers = (args.drivers ?? '').split(',').filter(Boolean);
  const scale = Number(args['pglite-scale']);
  console.log(`bench:process — FY2568 processing run over national-scale data; node ${process.version}`);
  console.log('The machine is shared (2 cores, other work running): absolute times move; compare the ratio.');
  let ratio: number | null = null;
  let missed = false;
  let api: ApiMeasured | undefined;
  if (drivers.includes('postgres')) {
    const m = await onPostgres();
    ratio = report('PostgreSQL — whole country', m, true);
    missed =
      m.processing.seconds > GOALS.seconds || ratio > GOALS.ratio || m.processing.rssGrowthMb > GOALS.rssMb;
    api = m.api;
  }
  if (drivers.includes('pglite')) {
    const m = await onPglite(scale);
    const r = report(`PGlite — ${scale} of the country (not judged against the goals)`, m, false);
    ratio ??= r;
  }
  // The API's figures come last but one, so that `ratio:` stays the last line.
  if (api && !reportApi(api)) missed = true;
  if (!api && drivers.includes('postgres')) console.log('\nagency report API: not measured (--skip-api)');
  console.log(`ratio: ${ratio === null ? 'n/a' : ratio.toFixed(2)}`);
  process.exitCode = missed ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
