// Calendar stages per agency and their extensions (admins only).
// In scope = agency A; out of scope = agency B. The participation rows come from stakeholders.cases.ts's
// setup (repeated here so this file stands alone).
import { inArray } from 'drizzle-orm';
import { inScope } from '../../src/core/authz.ts';
import { agencies, participations, stageExtensions } from '../../src/db/schema/index.ts';
import { loadBundledFrameworks } from '../../src/modules/frameworks/index.ts';
import { allow, both, inScopeOnly, type MatrixCase } from './cases.ts';
import type { ContentCheck } from './contents.ts';
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
  // One extension on each side, so the cycle screen's list has rows in and out of every scope.
  await w.db
    .insert(stageExtensions)
    .values(
      [w.A.agency.id, w.B.agency.id].map((agencyId) => ({
        agencyId,
        year: w.year,
        stage: 'publication',
        endsOn: '2025-09-30',
        reason: 'matrix',
      })),
    )
    .onConflictDoNothing();
}

/** The cycle screen lists only extensions of agencies in the viewer's scope (core inScope as reference). */
const cycleExtensionsInScope: ContentCheck = async (c) => {
  const res = await c.get(`/api/cycles/${c.w.year}/calendar`);
  // Roles denied the screen (agency roles) see nothing; the matrix checks the denial itself.
  if (res.status === 403) return [];
  if (res.status !== 200) return [`status ${res.status}`];
  const listed = (res.json as { extensions: { agency: { id: string } }[] }).extensions.map(
    (e) => e.agency.id,
  );
  if (listed.length === 0) return [];
  const rows = await c.w.db
    .select({ id: agencies.id, provinceCode: agencies.provinceCode, ministryCode: agencies.ministryCode })
    .from(agencies)
    .where(inArray(agencies.id, listed));
  return rows.filter((a) => !inScope(c.actor, a)).map((a) => `extension of agency ${a.id} out of scope`);
};

// The last stage of the year: extending it never opens or closes a collection window other cases rely on.
const extensionUrl = (w: { target: { agency: { id: string } }; year: number }) =>
  `/api/agencies/${w.target.agency.id}/calendar/${w.year}/extensions/improvement_plan`;

export const cases: MatrixCase[] = [
  {
    name: 'GET /api/agencies/:id/calendar/:year',
    method: 'GET',
    url: (w) => `/api/agencies/${w.target.agency.id}/calendar/${w.year}`,
    expect: allow({
      admin: both,
      assessor: inScopeOnly,
      supervisor: inScopeOnly,
      agency_admin: inScopeOnly,
      executive: inScopeOnly,
      agency_staff: inScopeOnly,
    }),
  },
  {
    name: 'PUT /api/agencies/:id/calendar/:year/extensions/:stage',
    method: 'PUT',
    url: extensionUrl,
    body: () => ({ endsOn: '2025-10-15', reason: 'ทดสอบสิทธิ์' }),
    expect: allow({ admin: both }),
  },
  {
    name: 'DELETE /api/agencies/:id/calendar/:year/extensions/:stage',
    method: 'DELETE',
    url: extensionUrl,
    expect: allow({ admin: both }),
  },
  // The cycle screen of a year: NACC and supervisors (extensions listed within scope); writes are NACC's.
  {
    name: 'GET /api/cycles/:year/calendar',
    method: 'GET',
    url: (w) => `/api/cycles/${w.year}/calendar`,
    expect: allow({ admin: both, supervisor: both, assessor: both }),
    contents: cycleExtensionsInScope,
  },
  {
    name: 'POST /api/cycles/:year/extensions',
    method: 'POST',
    url: (w) => `/api/cycles/${w.year}/extensions`,
    body: (w) => ({
      target: { kind: 'agency', agencyId: w.target.agency.id },
      stage: 'improvement_plan',
      endsOn: '2025-10-20',
      reason: 'ทดสอบสิทธิ์ขยายหลายหน่วยงาน',
    }),
    expect: allow({ admin: both }),
  },
  // A year no other case uses: closing it never shuts a stage the other cases rely on.
  {
    name: 'PUT /api/cycles/:year/closure',
    method: 'PUT',
    url: () => `/api/cycles/${CLOSED_YEAR}/closure`,
    body: () => ({ reason: 'ทดสอบสิทธิ์ปิดรอบ' }),
    expect: allow({ admin: both }),
  },
  {
    name: 'DELETE /api/cycles/:year/closure',
    method: 'DELETE',
    url: () => `/api/cycles/${CLOSED_YEAR}/closure`,
    expect: allow({ admin: both }),
  },
];

const CLOSED_YEAR = 2599;
