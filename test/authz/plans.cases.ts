// Provincial plans (issue 12 §3): the supervisor (scope province P1) reads and writes P1's plan, not P2's;
// NACC reads both and writes neither; every agency role, the assessor and anonymous are refused. The list's
// content check: a supervisor gets exactly the provinces and ministries of their scope, NACC exactly the
// saved plans of the year, checked against the table and core `can`, not the service's SQL.
import { can } from '../../src/core/authz.ts';
import { supervisionPlans } from '../../src/db/schema/index.ts';
import { allow, both, inScopeOnly, type MatrixCase } from './cases.ts';
import type { ContentCheck } from './contents.ts';
import type { World } from './world.ts';

const YEAR = 2568;

/** B's province gets a saved plan, so that NACC's list and the out-of-scope reads meet a real row. */
export async function setup(w: World) {
  await w.db
    .insert(supervisionPlans)
    .values({
      provinceCode: w.B.province.code,
      year: YEAR,
      activities: [
        {
          kind: 'briefing',
          title: 'ประชุมชี้แจงแนวทางการประเมิน',
          period: { kind: 'month', month: '2024-12' },
          offices: ['สำนักงานจังหวัด'],
          status: 'planned',
          notes: null,
          chases: [],
        },
      ],
    })
    .onConflictDoNothing();
}

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are walked loosely.
type Json = any;

const planListContents: ContentCheck = async (c) => {
  const res = await c.get(`/api/plans/${YEAR}`);
  if (res.status === 403) return c.role === 'admin' || c.role === 'supervisor' ? ['plans list refused'] : [];
  if (res.status !== 200) return [`/api/plans/${YEAR}: ${res.status}`];
  const got: string[] = (res.json as Json).plans.map(
    (p: Json) => `${p.scope.kind}:${p.scope.code}:${p.exists}`,
  );
  const saved = (await c.w.db.select().from(supervisionPlans)).filter((r) => r.year === YEAR);
  const savedKeys = new Set(
    saved.map((r) => (r.provinceCode !== null ? `province:${r.provinceCode}` : `ministry:${r.ministryCode}`)),
  );
  const candidates =
    c.role === 'admin'
      ? [...savedKeys]
      : [
          ...c.actor.scope.provinces.map((code) => `province:${code}`),
          ...c.actor.scope.ministries.map((code) => `ministry:${code}`),
        ];
  const expected = candidates
    .filter((key) => {
      const [kind, code] = key.split(':') as ['province' | 'ministry', string];
      return can(c.actor, 'plans.read', { kind, code });
    })
    .map((key) => `${key}:${savedKeys.has(key)}`)
    .sort();
  const problems: string[] = [];
  for (const g of got) if (!expected.includes(g)) problems.push(`plans list holds ${g}, not expected`);
  for (const e of expected) if (!got.includes(e)) problems.push(`plans list misses ${e}`);
  return problems;
};

const readers = () => allow({ admin: both, supervisor: inScopeOnly });

export const cases: MatrixCase[] = [
  {
    name: 'GET /api/plans/:year',
    method: 'GET',
    url: () => `/api/plans/${YEAR}`,
    expect: allow({ admin: both, supervisor: both }),
    contents: planListContents,
  },
  {
    name: 'GET /api/plans/:year/:kind/:code',
    method: 'GET',
    url: (w) => `/api/plans/${YEAR}/province/${w.target.province.code}`,
    expect: readers(),
  },
  {
    name: 'PUT /api/plans/:year/:kind/:code',
    method: 'PUT',
    url: (w) => `/api/plans/${YEAR}/province/${w.target.province.code}`,
    // Version 0 creates the plan once; a repeat is a 409 after authorization (allowed, nothing changes).
    body: (w) => ({
      activities: [
        {
          kind: 'other',
          title: w.unique('กิจกรรม'),
          period: { kind: 'dates', from: '2025-04-15', to: '2025-04-30' },
          offices: ['สำนักงานจังหวัด'],
          chases: ['oit_answering'],
        },
      ],
      version: 0,
    }),
    expect: allow({ supervisor: inScopeOnly }),
  },
  {
    // After the PUT above: A's province has a plan (B's from setup), so a reader gets the file.
    name: 'GET /api/plans/:year/:kind/:code/export.:format',
    method: 'GET',
    url: (w) => `/api/plans/${YEAR}/province/${w.target.province.code}/export.docx`,
    expect: readers(),
  },
];
