// The assessors' advice: NACC admins on both sides, the assessor assigned to agency A for the year in scope
// only; every other role (supervisors and the agency's own people included: they read the advice in the
// published report) denied. Setup opens FY2568 for A and B with the bundled frameworks.
import { participations } from '../../src/db/schema/index.ts';
import { loadFramework, YEAR } from '../../src/modules/quality/quality.fixture.testing.ts';
import { allow, both, inScopeOnly, type MatrixCase } from './cases.ts';
import type { World } from './world.ts';

export async function setup(w: World) {
  await loadFramework(w.db);
  for (const side of [w.A, w.B])
    await w.db
      .insert(participations)
      .values({ agencyId: side.agency.id, year: YEAR, registered: true, registeredAt: new Date() })
      .onConflictDoNothing();
}

const writers = () => allow({ admin: both, assessor: inScopeOnly });

export const cases: MatrixCase[] = [
  {
    name: 'GET /api/agencies/:id/advice/:year',
    method: 'GET',
    url: (w) => `/api/agencies/${w.target.agency.id}/advice/${YEAR}`,
    expect: writers(),
  },
  {
    name: 'PUT /api/agencies/:id/advice/:year',
    method: 'PUT',
    url: (w) => `/api/agencies/${w.target.agency.id}/advice/${YEAR}`,
    // Last save wins (no version): every allowed request stores a valid list.
    body: (w) => ({
      entries: [
        { instrument: 'IIT', questionCode: 'i2', issue: w.unique('ประเด็น'), advice: 'ข้อเสนอแนะ' },
        { instrument: 'EIT', questionCode: 'EP4', issue: 'ประเด็น', advice: 'ข้อเสนอแนะ' },
      ],
      overall: 'ความเห็นโดยรวม',
    }),
    expect: writers(),
  },
];
