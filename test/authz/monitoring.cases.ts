// Monitoring the cycle (issue 11 §2): the progress matrix, the roll-up, their XLSX downloads and the to-do
// list. None names an agency: both sides send the same request. The content checks compare what comes back
// with the agencies in the role's scope by core inScope() (not the SQL under test).
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { inScope } from '../../src/core/authz.ts';
import { agencies, participations } from '../../src/db/schema/index.ts';
import { loadBundledFrameworks } from '../../src/modules/frameworks/index.ts';
import { insertReleased } from '../../src/modules/responses/index.ts';
import { agenciesAssignedTo } from '../../src/modules/users/index.ts';
import { allow, both, type MatrixCase, signedIn } from './cases.ts';
import type { ContentCheck, ContentContext } from './contents.ts';
import type { World } from './world.ts';

export async function setup(w: World) {
  await loadBundledFrameworks(w.db);
  await w.db
    .insert(participations)
    .values([
      { agencyId: w.A.agency.id, year: w.year },
      { agencyId: w.B.agency.id, year: w.year },
    ])
    .onConflictDoNothing();
  // Work waiting on the quality page in and out of scope: three identical IIT responses each, every one
  // flagged as a duplicate and none decided.
  for (const agencyId of [w.A.agency.id, w.B.agency.id])
    await insertReleased(
      w.db,
      Array.from({ length: 3 }, () => ({
        agencyId,
        year: w.year,
        instrument: 'IIT',
        frameworkVersion: 1,
        answers: {},
        durationBand: 4,
        channel: 'web',
        submittedOn: '2025-02-20',
      })),
    );
}

/** The active agencies taking part in the year that the role may see, by core inScope(). */
async function expected(c: ContentContext) {
  const rows = await c.w.db
    .select({
      id: agencies.id,
      code: agencies.code,
      provinceCode: agencies.provinceCode,
      ministryCode: agencies.ministryCode,
    })
    .from(agencies)
    .innerJoin(participations, eq(participations.agencyId, agencies.id))
    .where(and(eq(participations.year, c.w.year), eq(agencies.active, true)));
  const scoped = rows.filter((a) => inScope(c.actor, a));
  return {
    ids: new Set(scoped.map((a) => a.id)),
    codes: new Set(scoped.map((a) => a.code)),
    count: scoped.length,
  };
}

const outside = (what: string, got: readonly string[], allowed: Set<string>) =>
  got.filter((id) => !allowed.has(id)).map((id) => `${what}: ${id} is outside the scope`);

const matrixContents: ContentCheck = async (c) => {
  const want = await expected(c);
  const seen: string[] = [];
  for (let page = 1; page < 100; page++) {
    const res = await c.get(`/api/monitoring/${c.w.year}/agencies?pageSize=200&page=${page}`);
    if (res.status === 403) return [];
    if (res.status !== 200) return [`matrix: ${res.status} ${res.body.slice(0, 200)}`];
    const json = res.json as { items: { agency: { id: string } }[]; total: number };
    seen.push(...json.items.map((i) => i.agency.id));
    if (json.items.length === 0 || seen.length >= json.total) break;
  }
  const missing = [...want.ids]
    .filter((id) => !seen.includes(id))
    .map((id) => `matrix: ${id} in scope, not listed`);
  return [...outside('matrix', seen, want.ids), ...missing];
};

const rollupContents: ContentCheck = async (c) => {
  const want = await expected(c);
  const res = await c.get(`/api/monitoring/${c.w.year}/rollup?by=province`);
  if (res.status === 403) return [];
  if (res.status !== 200) return [`roll-up: ${res.status}`];
  const json = res.json as { total: { agencies: number }; groups: { agencies: number }[] };
  const sum = json.groups.reduce((n, g) => n + g.agencies, 0);
  return json.total.agencies === want.count && sum === want.count
    ? []
    : [`roll-up counts ${json.total.agencies} (groups ${sum}) agencies, the scope holds ${want.count}`];
};

/** The agency codes (first column) of a downloaded matrix. */
async function xlsxCodes(raw: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const codes: string[] = [];
  ws?.eachRow((row, n) => {
    const v = row.getCell(1).value;
    // Row 1 is the header; the last rows are a blank line and the "as of" date.
    if (n > 1 && typeof v === 'string' && !v.startsWith('ข้อมูล ณ')) codes.push(v);
  });
  return codes;
}

const matrixXlsxContents: ContentCheck = async (c) => {
  const want = await expected(c);
  const res = await c.get(`/api/monitoring/${c.w.year}/agencies.xlsx`);
  if (res.status === 403) return [];
  if (res.status !== 200) return [`matrix XLSX: ${res.status}`];
  const codes = await xlsxCodes(res.raw);
  const missing = [...want.codes]
    .filter((x) => !codes.includes(x))
    .map((x) => `matrix XLSX: ${x} not listed`);
  return [...outside('matrix XLSX', codes, want.codes), ...missing];
};

const rollupXlsxContents: ContentCheck = async (c) => {
  const want = await expected(c);
  const res = await c.get(`/api/monitoring/${c.w.year}/rollup.xlsx?by=type`);
  if (res.status === 403) return [];
  if (res.status !== 200) return [`roll-up XLSX: ${res.status}`];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
  let total: unknown = null;
  wb.worksheets[0]?.eachRow((row) => {
    if (row.getCell(1).value === 'รวม') total = row.getCell(2).value;
  });
  return total === want.count ? [] : [`roll-up XLSX total ${String(total)}, the scope holds ${want.count}`];
};

const todoContents: ContentCheck = async (c) => {
  const want = await expected(c);
  const res = await c.get(`/api/monitoring/todo?year=${c.w.year}`);
  if (res.status !== 200) return [`to-do: ${res.status}`];
  const json = res.json as { items: { agency: { id: string } | null }[] };
  return outside(
    'to-do',
    json.items.flatMap((i) => (i.agency ? [i.agency.id] : [])),
    want.ids,
  );
};

/**
 * Every agency a work-waiting list names is in the role's scope (for EIT part 2, an assessor's: assigned for
 * the year); NACC's quality list names both the in-scope and the out-of-scope agency, so the check can fail.
 */
const waitingContents =
  (page: 'quality' | 'eit2' | 'iit'): ContentCheck =>
  async (c) => {
    const want = await expected(c);
    const res = await c.get(`/api/monitoring/waiting/${page}?year=${c.w.year}`);
    if (res.status === 403) return [];
    if (res.status !== 200) return [`waiting ${page}: ${res.status}`];
    const ids = (res.json as { agencies: { agency: { id: string } }[] }).agencies.map((a) => a.agency.id);
    let allowed = want.ids;
    if (page === 'eit2' && c.actor.role === 'assessor') {
      const mine = await agenciesAssignedTo(c.w.db, c.actor.userId, c.w.year);
      allowed = new Set([...want.ids].filter((id) => mine.has(id)));
    }
    const problems = outside(`waiting ${page}`, ids, allowed);
    if (page === 'quality' && c.actor.role === 'admin')
      for (const id of [c.w.A.agency.id, c.w.B.agency.id])
        if (!ids.includes(id))
          problems.push(`waiting quality: ${id} has undecided flags, not listed for NACC`);
    return problems;
  };

const followers = () => allow({ admin: both, supervisor: both, assessor: both });

export const cases: MatrixCase[] = [
  {
    name: 'GET /api/monitoring/:year/agencies',
    method: 'GET',
    url: (w) => `/api/monitoring/${w.year}/agencies?sort=stakeholder_data&behind=true`,
    expect: followers(),
    contents: matrixContents,
  },
  {
    name: 'GET /api/monitoring/:year/agencies.xlsx',
    method: 'GET',
    url: (w) => `/api/monitoring/${w.year}/agencies.xlsx?sort=name`,
    expect: followers(),
    contents: matrixXlsxContents,
  },
  {
    name: 'GET /api/monitoring/:year/rollup',
    method: 'GET',
    url: (w) => `/api/monitoring/${w.year}/rollup?by=ministry`,
    expect: followers(),
    contents: rollupContents,
  },
  {
    name: 'GET /api/monitoring/:year/rollup.xlsx',
    method: 'GET',
    url: (w) => `/api/monitoring/${w.year}/rollup.xlsx?by=province`,
    expect: followers(),
    contents: rollupXlsxContents,
  },
  {
    name: 'GET /api/monitoring/todo',
    method: 'GET',
    url: (w) => `/api/monitoring/todo?year=${w.year}`,
    expect: signedIn(),
    contents: todoContents,
  },
  {
    name: 'GET /api/monitoring/waiting/:page',
    method: 'GET',
    url: (w) => `/api/monitoring/waiting/quality?year=${w.year}`,
    expect: followers(),
    contents: waitingContents('quality'),
  },
  {
    name: 'GET /api/monitoring/waiting/:page (eit2)',
    method: 'GET',
    url: (w) => `/api/monitoring/waiting/eit2?year=${w.year}`,
    expect: allow({ admin: both, assessor: both }),
    contents: waitingContents('eit2'),
  },
  {
    name: 'GET /api/monitoring/waiting/:page (iit)',
    method: 'GET',
    url: (w) => `/api/monitoring/waiting/iit?year=${w.year}`,
    expect: allow({ admin: both }),
  },
];
