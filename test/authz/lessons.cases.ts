// Lessons learned (issue 11 §4): NACC admins for every scope, a supervisor for the provinces and ministries of
// its scope (in scope: A's province P1; out of scope: B's province P2); nobody else. The figures are those of
// the year's publication in effect, which results.cases.ts sets up (its second run, published; the first
// under embargo until 2030). The content checks compute, independently of the SQL under test, which agencies
// each role's answer may hold: the publication in effect's agencies, of the asked province, in the role's scope.
import { eq } from 'drizzle-orm';
import { inScope } from '../../src/core/authz.ts';
import { effectivePublication } from '../../src/core/results/visibility.ts';
import { agencies, agencyResults, publications } from '../../src/db/schema/index.ts';
import { YEAR } from '../../src/modules/quality/quality.fixture.testing.ts';
import { allow, both, inScopeOnly, type MatrixCase } from './cases.ts';
import type { ContentCheck } from './contents.ts';

const scopeOfTarget = (w: { target: { province: { code: string } } }) => `province:${w.target.province.code}`;

/** The agencies of the year's publication in effect (the reference, from the tables and the pure rule). */
async function publishedAgencies(c: Parameters<ContentCheck>[0]) {
  const rows = await c.w.db.select().from(publications).where(eq(publications.year, YEAR));
  const effective = effectivePublication(
    rows.map((p) => ({ ...p, cancelled: p.cancelledAt !== null })),
    c.w.t.deps.now(),
  );
  if (!effective) return [];
  return c.w.db
    .select({ id: agencies.id, provinceCode: agencies.provinceCode, ministryCode: agencies.ministryCode })
    .from(agencyResults)
    .innerJoin(agencies, eq(agencies.id, agencyResults.agencyId))
    .where(eq(agencyResults.runId, effective.runId));
}

const lessonsContents: ContentCheck = async (c) => {
  const problems: string[] = [];
  const all = await publishedAgencies(c);
  if (all.length === 0) return ['the fixture has no publication in effect'];
  for (const province of [c.w.A.province.code, c.w.B.province.code]) {
    const res = await c.get(`/api/lessons/${YEAR}?scope=province:${province}`);
    const may = c.role === 'admin' || (c.role === 'supervisor' && c.actor.scope.provinces.includes(province));
    if (!may) {
      if (res.status !== 403)
        problems.push(`${c.role} got ${res.status} for province ${province}, expected 403`);
      continue;
    }
    if (res.status !== 200) {
      problems.push(`${c.role} got ${res.status} for province ${province}`);
      continue;
    }
    const listed = (res.json as { heatmap: { rows: { agency: { id: string } }[] } }).heatmap.rows.map(
      (r) => r.agency.id,
    );
    const expected = all.filter((a) => a.provinceCode === province && inScope(c.actor, a)).map((a) => a.id);
    if (expected.length === 0) problems.push(`no published agency in ${province} to check`);
    for (const id of listed)
      if (!expected.includes(id))
        problems.push(`${c.role} sees ${id} in ${province}, not in scope or not published`);
    for (const id of expected)
      if (!listed.includes(id)) problems.push(`${c.role} misses ${id} in ${province}`);
  }
  const nation = await c.get(`/api/lessons/${YEAR}?scope=nation`);
  if ((c.role === 'admin') !== (nation.status === 200))
    problems.push(`${c.role} got ${nation.status} for the nation`);
  return problems;
};

const scopeListContents: ContentCheck = async (c) => {
  const res = await c.get('/api/lessons/scopes');
  if (c.role !== 'admin' && c.role !== 'supervisor')
    return res.status === 403 ? [] : [`${c.role} got ${res.status} from the scope list, expected 403`];
  if (res.status !== 200) return [`scope list: ${res.status}`];
  const keys = (res.json as { items: { key: string }[] }).items.map((s) => s.key);
  if (c.role === 'admin')
    return ['nation', `province:${c.w.A.province.code}`, `province:${c.w.B.province.code}`]
      .filter((k) => !keys.includes(k))
      .map((k) => `admin's scope list misses ${k}`);
  const own = [
    ...c.actor.scope.provinces.map((p) => `province:${p}`),
    ...c.actor.scope.ministries.map((m) => `ministry:${m}`),
  ];
  return [
    ...keys.filter((k) => !own.includes(k)).map((k) => `supervisor's scope list has ${k}`),
    ...own.filter((k) => !keys.includes(k)).map((k) => `supervisor's scope list misses ${k}`),
  ];
};

export const cases: MatrixCase[] = [
  {
    name: 'GET /api/lessons/scopes',
    method: 'GET',
    url: () => '/api/lessons/scopes',
    expect: allow({ admin: both, supervisor: both }),
    contents: scopeListContents,
  },
  {
    name: 'GET /api/lessons/:year',
    method: 'GET',
    url: (w) => `/api/lessons/${YEAR}?scope=${scopeOfTarget(w)}`,
    expect: allow({ admin: both, supervisor: inScopeOnly }),
    contents: lessonsContents,
  },
  {
    name: 'GET /api/lessons/:year/xlsx',
    method: 'GET',
    url: (w) => `/api/lessons/${YEAR}/xlsx?scope=${scopeOfTarget(w)}`,
    expect: allow({ admin: both, supervisor: inScopeOnly }),
    contents: {
      unscoped: 'the same answer as GET /api/lessons/:year as a workbook (its content check applies)',
    },
  },
  {
    name: 'PUT /api/lessons/:year/target',
    method: 'PUT',
    url: () => `/api/lessons/${YEAR}/target`,
    body: (w) => ({ scope: scopeOfTarget(w), threshold: 89, share: 1 }),
    expect: allow({ admin: both, supervisor: inScopeOnly }),
  },
];
