// Processing a whole country (issue 10 §5): generates national-scale FY2568 data directly with SQL, runs the
// real processing run (createRun + the worker's processNextRun) and, in the same run, a plain SQL aggregate
// of every agency's per-question means over the same rows. Prints figures; not a test.
// Run: npm run bench:process [-- --drivers=postgres,pglite --pglite-scale=0.1 --explain]
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import type { Actor } from '../src/core/authz.ts';
import type { Framework } from '../src/core/framework/schema.ts';
import { buildQuestionnaire, questionsOf, validateAnswers } from '../src/core/surveys/index.ts';
import { type Db, openPglite, openPostgres } from '../src/db/client.ts';
import { frameworkForYear, loadBundledFrameworks } from '../src/modules/frameworks/index.ts';
import { createRun } from '../src/modules/results/results.service.ts';
import { DEFAULT_WORKER_OPTIONS, processNextRun } from '../src/modules/results/results.worker.ts';
import type { AgencyType } from '../src/shared/agency-types.ts';
import { type ApiMeasured, type ApiOptions, measureReportApi, reportApi } from './process-api.ts';
import { type Cpu, withCpu, withRss } from './process-measure.ts';

const YEAR = 2568;
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

/** mulberry32: deterministic, so every run generates the same country. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The country: how many agencies of each type and their staff (IIT population) and service users (EIT
// population) as [median, spread] of a log-normal. Most are small local governments.
const TYPES: { type: AgencyType; count: number; staff: [number, number]; users: [number, number] }[] = [
  { type: 'sao', count: 5300, staff: [38, 0.35], users: [170, 0.4] },
  { type: 'subdistrict_municipality', count: 2100, staff: [45, 0.4], users: [210, 0.4] },
  { type: 'town_municipality', count: 195, staff: [220, 0.5], users: [900, 0.5] },
  { type: 'city_municipality', count: 30, staff: [900, 0.4], users: [3000, 0.4] },
  { type: 'pao', count: 76, staff: [300, 0.5], users: [1200, 0.5] },
  { type: 'special_local', count: 2, staff: [8000, 0.3], users: [50000, 0.3] },
  { type: 'province', count: 76, staff: [250, 0.4], users: [1200, 0.4] },
  { type: 'district', count: 103, staff: [60, 0.4], users: [400, 0.4] },
  { type: 'central_department', count: 150, staff: [1200, 0.8], users: [2500, 0.8] },
  { type: 'ministry_office', count: 20, staff: [800, 0.5], users: [2500, 0.5] },
  { type: 'university', count: 80, staff: [1500, 0.6], users: [3000, 0.5] },
  { type: 'state_enterprise', count: 55, staff: [2000, 0.8], users: [5000, 0.6] },
  { type: 'public_organization', count: 60, staff: [250, 0.6], users: [800, 0.6] },
  { type: 'independent_agency', count: 40, staff: [400, 0.6], users: [900, 0.6] },
  { type: 'judicial', count: 10, staff: [1500, 0.5], users: [3000, 0.5] },
  { type: 'legislative', count: 3, staff: [2000, 0.3], users: [2000, 0.3] },
];
const TARGET = { IIT: 460_000, EIT: 900_000 };
const SHEETS = 64; // answer sheets per instrument and agency type; an agency draws from a window of them

interface PlanRow {
  code: string;
  type: AgencyType;
  province: string;
  registered: boolean;
  approved: boolean;
  iitPop: number;
  eitPop: number;
  nIit: number;
  nEit1: number;
  nEit2: number;
  oit: 'confirmed' | 'assessed' | null;
  tone: number;
}

/** The FY2568 sample rules (20 %, at least 30, all below 30, 400 above 2,000; EIT2 20 % of EIT1's, ≥ 20). */
function minimum(population: number): number {
  if (population < 30) return population;
  if (population > 2000) return 400;
  return Math.max(30, Math.ceil(population * 0.2));
}

function plan(scale: number, provinces: string[]): PlanRow[] {
  const rand = random(2568);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const logNormal = ([median, spread]: [number, number]) =>
    Math.max(5, Math.round(median * Math.exp(spread * normal())));
  const rows: PlanRow[] = [];
  let n = 0;
  for (const t of TYPES) {
    for (let i = 0; i < Math.max(1, Math.round(t.count * scale)); i++) {
      n++;
      const registered = rand() > 0.01;
      const approved = registered && rand() > 0.015;
      const iitPop = logNormal(t.staff);
      const eitPop = logNormal(t.users);
      const iitMin = minimum(iitPop);
      const eitMin = minimum(eitPop);
      const eit2Min = Math.max(20, Math.ceil(eitMin * 0.2));
      // Most reach their minimum with a few over; about 3 % fall short.
      const reach = (min: number, cap: number) =>
        Math.min(cap, Math.round(min * (rand() < 0.03 ? 0.6 + rand() * 0.3 : 1 + rand() * 0.15)));
      rows.push({
        code: `B${String(n).padStart(5, '0')}`,
        type: t.type,
        province: provinces[n % provinces.length] as string,
        registered,
        approved,
        iitPop,
        eitPop,
        nIit: registered ? reach(iitMin, iitPop) : 0,
        nEit1: registered ? reach(eitMin, eitPop) : 0,
        nEit2: registered ? reach(eit2Min, eit2Min + 5) : 0,
        oit: !registered ? null : rand() < 0.03 ? 'assessed' : 'confirmed',
        tone: Math.floor(rand() * (SHEETS - 24)),
      });
    }
  }
  // Agencies collect beyond their minimum (IIT often most of the staff): scale the counts to the national
  // totals of the issue (≈ 460,000 IIT, ≈ 900,000 EIT), never above the population.
  const sum = (f: (r: PlanRow) => number) => rows.reduce((a, r) => a + f(r), 0);
  const iitFactor = (TARGET.IIT * scale) / sum((r) => r.nIit);
  const eit1Factor = (TARGET.EIT * scale - sum((r) => r.nEit2)) / sum((r) => r.nEit1);
  for (const r of rows) {
    r.nIit = Math.min(r.iitPop, Math.round(r.nIit * iitFactor));
    r.nEit1 = Math.min(r.eitPop, Math.round(r.nEit1 * eit1Factor));
  }
  // Those at their population cap took less: the others make up for it.
  const open = rows.filter((r) => r.nIit > 0 && r.nIit < r.iitPop);
  const short = TARGET.IIT * scale - sum((r) => r.nIit);
  const openSum = open.reduce((a, r) => a + r.nIit, 0);
  for (const r of open) r.nIit = Math.min(r.iitPop, Math.round(r.nIit * (1 + short / openSum)));
  return rows;
}

/** Valid answer sheets of one instrument for one agency type, from the real questionnaire: sheet k leans
 * higher as k grows; some skip a question or a sub-item. */
function sheets(framework: Framework, instrument: string, type: AgencyType): unknown[] {
  const rand = random(instrument.length * 131 + type.length * 7);
  const questions = questionsOf(buildQuestionnaire(framework, instrument, type));
  return Array.from({ length: SHEETS }, (_, k) => {
    const quality = k / (SHEETS - 1);
    const choose = (options: { value: string }[]) => {
      const at = Math.min(options.length - 1, Math.floor((quality * 0.55 + rand() * 0.6) * options.length));
      return (options[at] as { value: string }).value;
    };
    const answers: Record<string, string | Record<string, string>> = {};
    for (const q of questions)
      answers[q.code] = q.subItems.length
        ? Object.fromEntries(q.subItems.map((s) => [s.code, choose(q.options)]))
        : choose(q.options);
    if (validateAnswers(framework, instrument, type, answers).length > 0)
      throw new Error(`bench: built an invalid ${instrument} sheet for ${type}`);
    // Stored answers may lack a question or a sub-item (the processing tests store such too).
    const keys = Object.keys(answers);
    if (k % 7 === 3) delete answers[keys[k % keys.length] as string];
    const withSubItems = Object.values(answers).find((v) => typeof v === 'object');
    if (k % 11 === 5 && typeof withSubItems === 'object')
      delete withSubItems[Object.keys(withSubItems)[0] as string];
    return answers;
  });
}

const seconds = (t0: number) => (performance.now() - t0) / 1000;

async function inChunks<T>(rows: T[], size: number, run: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await run(rows.slice(i, i + size));
}

interface Generated {
  agencies: number;
  responses: Record<string, number>;
  excluded: number;
  oitScores: number;
  seconds: number;
}

async function generate(db: Db, scale: number, log: (s: string) => void): Promise<Generated> {
  const t0 = performance.now();
  await loadBundledFrameworks(db);
  const { framework, version } = await frameworkForYear(db, YEAR);
  const provinces = (
    await db.execute<{ code: string }>(sql`select code from provinces order by code`)
  ).rows.map((r) => r.code);
  const rows = plan(scale, provinces);
  await db.execute(sql`create table bench_plan (code text primary key, type text, province text,
    registered boolean, approved boolean, iit_pop int, eit_pop int, n_iit int, n_eit1 int, n_eit2 int,
    oit text, tone int)`);
  await inChunks(rows, 2000, (chunk) =>
    db.execute(sql`insert into bench_plan select * from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
      as x(code text, type text, province text, registered boolean, approved boolean, "iitPop" int,
        "eitPop" int, "nIit" int, "nEit1" int, "nEit2" int, oit text, tone int)`),
  );
  await db.execute(sql`insert into agencies (code, name_th, type, province_code)
    select code, 'หน่วยงานทดสอบ ' || code, type, province from bench_plan`);
  await db.execute(sql`insert into participations (agency_id, year, registered, registered_at)
    select a.id, ${YEAR}, p.registered, case when p.registered then now() end
    from bench_plan p join agencies a on a.code = p.code`);
  await db.execute(sql`insert into stakeholder_data (agency_id, year, iit_population, eit_population,
      approved_revision, approved_iit_population, approved_at)
    select a.id, ${YEAR}, p.iit_pop, p.eit_pop, case when p.approved then 1 end,
      case when p.approved then p.iit_pop end, case when p.approved then now() end
    from bench_plan p join agencies a on a.code = p.code where p.registered`);
  log(`  agencies, participations, populations: ${seconds(t0).toFixed(1)} s`);

  // Answer sheets per instrument and type, then the responses: each agency's n rows drawn from its window.
  await db.execute(sql`create table bench_sheets (instrument text, type text, k int, a jsonb, b jsonb, c jsonb,
    primary key (instrument, type, k))`);
  const types = [...new Set(rows.map((r) => r.type))];
  for (const instrument of ['IIT', 'EIT1', 'EIT2'])
    for (const type of types) {
      // Each sheet in three parts (every third question), recombined per response below, so that answer
      // sheets are as varied as real ones (a few identical sheets would let the database cache jsonb_each).
      const list = sheets(framework, instrument, type).map((answers, k) => {
        const part = (p: number) =>
          Object.fromEntries(Object.entries(answers as object).filter((_, i) => i % 3 === p));
        return { instrument, type, k, a: part(0), b: part(1), c: part(2) };
      });
      await db.execute(sql`insert into bench_sheets select * from jsonb_to_recordset(${JSON.stringify(list)}::jsonb)
        as x(instrument text, type text, k int, a jsonb, b jsonb, c jsonb)`);
    }
  await db.execute(sql`analyze bench_plan, bench_sheets, agencies`);
  const responses: Record<string, number> = {};
  for (const [instrument, column] of [
    ['IIT', 'n_iit'],
    ['EIT1', 'n_eit1'],
    ['EIT2', 'n_eit2'],
  ] as const) {
    const t = performance.now();
    const r =
      await db.execute(sql`insert into survey_responses (agency_id, year, instrument, framework_version,
        answers, submitted_on, channel)
      select x.id, ${YEAR}, ${instrument}, ${version}, s1.a || s2.b || s3.c, date '2025-02-01' + (x.g % 90),
        ${instrument === 'EIT2' ? 'interview' : 'web'}
      from (select a.id, p.type, g, p.tone + abs(hashtext(p.code || '.' || g)) % 24 as k1,
          p.tone + abs(hashtext(p.code || ':' || g)) % 24 as k2, p.tone + abs(hashtext(p.code || ';' || g)) % 24 as k3
        from bench_plan p join agencies a on a.code = p.code
        cross join lateral generate_series(1, p.${sql.raw(column)}) g) x
      join bench_sheets s1 on s1.instrument = ${instrument} and s1.type = x.type and s1.k = x.k1
      join bench_sheets s2 on s2.instrument = ${instrument} and s2.type = x.type and s2.k = x.k2
      join bench_sheets s3 on s3.instrument = ${instrument} and s3.type = x.type and s3.k = x.k3`);
    responses[instrument] =
      (r as unknown as { rowCount?: number; affectedRows?: number }).rowCount ??
      (r as unknown as { affectedRows?: number }).affectedRows ??
      0;
    log(`  ${instrument} responses: ${responses[instrument]} in ${seconds(t).toFixed(1)} s`);
  }
  // About 1 % of the responses excluded by a quality review.
  const excluded = await db.execute(sql`insert into response_reviews (response_id, decision, reason)
    select id, 'exclude', 'bench: straight-lining' from survey_responses where abs(hashtext(id::text)) % 100 = 0`);
  // OIT: a review per registered agency (3 % only assessed, not confirmed), 28 item scores each.
  await db.execute(sql`insert into oit_reviews (agency_id, year, status, confirmed_at)
    select a.id, ${YEAR}, p.oit, case when p.oit = 'confirmed' then now() end
    from bench_plan p join agencies a on a.code = p.code where p.oit is not null`);
  const items = framework.oitItems.map((o) => o.code);
  const oit = await db.execute(sql`insert into oit_scores (agency_id, year, item_code, score, advice)
    select r.agency_id, ${YEAR}, i.code, case when h % 100 < 85 then 100 else 0 end,
      case when h % 100 < 85 then null else 'เผยแพร่ข้อมูลให้ครบถ้วน' end
    from oit_reviews r cross join unnest(${`{${items.join(',')}}`}::text[]) i(code)
    cross join lateral (select abs(hashtext(r.agency_id::text || i.code)) as h) x`);
  await db.execute(sql`analyze`);
  const count = (r: unknown) =>
    (r as { rowCount?: number }).rowCount ?? (r as { affectedRows?: number }).affectedRows ?? 0;
  return {
    agencies: rows.length,
    responses,
    excluded: count(excluded),
    oitScores: count(oit),
    seconds: seconds(t0),
  };
}

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

/** What an earlier run of the bench generated and kept (--keep), counted again for the report (--reuse). */
async function generatedBefore(db: Db): Promise<Generated | null> {
  const exists = await db.execute<{ t: string | null }>(sql`select to_regclass('bench_plan')::text as t`);
  if (!exists.rows[0]?.t) return null;
  const n = async (query: ReturnType<typeof sql>) =>
    Number((await db.execute<{ n: number }>(query)).rows[0]?.n ?? 0);
  const responses: Record<string, number> = {};
  for (const r of (
    await db.execute<{ instrument: string; n: number }>(
      sql`select instrument, count(*)::int as n from survey_responses where year = ${YEAR} group by 1`,
    )
  ).rows)
    responses[r.instrument] = Number(r.n);
  return {
    agencies: await n(sql`select count(*)::int as n from bench_plan`),
    responses,
    excluded: await n(sql`select count(*)::int as n from response_reviews where decision = 'exclude'`),
    oitScores: await n(sql`select count(*)::int as n from oit_scores where year = ${YEAR}`),
    seconds: 0,
  };
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

/** The bench's NACC admin (created once), who starts and publishes the runs. */
async function benchAdmin(db: Db): Promise<Actor> {
  const [admin] = (
    await db.execute<{ id: string }>(sql`select id from users where username = 'bench-admin'`)
  ).rows.concat(
    (
      await db.execute<{ id: string }>(sql`insert into users (username, display_name, password_hash, role)
        select 'bench-admin', 'Bench admin', 'x', 'admin'
        where not exists (select 1 from users where username = 'bench-admin') returning id`)
    ).rows,
  );
  return {
    userId: (admin as { id: string }).id,
    username: 'bench-admin',
    role: 'admin',
    agencyId: null,
    scope: { provinces: [], ministries: [], agencies: [] },
    assignedAgencies: [],
  };
}

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
