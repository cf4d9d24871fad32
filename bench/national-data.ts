// The national data of the benches (issue 10 §5, issue 11 §5): FY2568 for a whole country (~8,300 agencies,
// ~1.4 million responses, OIT scores) generated directly with SQL, deterministic (the same country every run),
// shared by bench:process and bench:public.
import { sql } from 'drizzle-orm';
import type { Actor } from '../src/core/authz.ts';
import type { Framework } from '../src/core/framework/schema.ts';
import { buildQuestionnaire, questionsOf, validateAnswers } from '../src/core/surveys/index.ts';
import type { Db } from '../src/db/client.ts';
import { frameworkForYear, loadBundledFrameworks } from '../src/modules/frameworks/index.ts';
import { loadReferenceData } from '../src/modules/reference/index.ts';
import type { AgencyType } from '../src/shared/agency-types.ts';

export const YEAR = 2568;

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

export const seconds = (t0: number) => (performance.now() - t0) / 1000;

async function inChunks<T>(rows: T[], size: number, run: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await run(rows.slice(i, i + size));
}

export interface Generated {
  agencies: number;
  responses: Record<string, number>;
  excluded: number;
  oitScores: number;
  seconds: number;
}

export async function generate(db: Db, scale: number, log: (s: string) => void): Promise<Generated> {
  const t0 = performance.now();
  await loadBundledFrameworks(db);
  // Provinces and ministries (a fresh database has none until the server's start-up task loads them).
  await loadReferenceData(db);
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
  // Vacuumed as well as analyzed, as a maintained database is: freshly loaded rows are not yet marked visible
  // to all, so index-only scans would visit the table for each (and a server with autovacuum off — seen on
  // these machines — would never mark them).
  await db.execute(sql`vacuum analyze`);
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

/** What an earlier run of the bench generated and kept (--keep), counted again for the report (--reuse). */
export async function generatedBefore(db: Db): Promise<Generated | null> {
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

/** The bench's NACC admin (created once), who starts and publishes the runs. */
export async function benchAdmin(db: Db): Promise<Actor> {
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
