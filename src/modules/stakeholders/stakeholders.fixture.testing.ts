// A small world for the stakeholder, progress and calendar tests: agencies A and B (cycle 2568 open) in
// provinces P1 and P2, C in P1 without a cycle; an admin, A's agency admin and executive, a supervisor of
// P1 and an assessor assigned A. The FY2568 framework is loaded.
import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { assign, grantScope, makeAgency, makeProvince, makeUser } from '../../../test/helpers/factories.ts';
import type { Role } from '../../core/authz.ts';
import type { DbOrTx } from '../../db/client.ts';
import { participations } from '../../db/schema/index.ts';
import { loadBundledFrameworks } from '../frameworks/index.ts';
import { insertReleased } from '../responses/index.ts';

export const YEAR = 2568;

export interface Fixture {
  A: { id: string };
  B: { id: string };
  C: { id: string };
  users: Record<Role, string>;
}

export function stakeholderSuite() {
  let t!: TestApp;
  const f = {} as Fixture;
  const clients = new Map<Role, Awaited<ReturnType<TestApp['signIn']>>>();

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.deps.db;
    await loadBundledFrameworks(db);
    await makeProvince(db, { code: 'TH-P1' });
    await makeProvince(db, { code: 'TH-P2' });
    const A = await makeAgency(db, { code: 'SH-A', nameTh: 'หน่วยงาน ก', provinceCode: 'TH-P1' });
    const B = await makeAgency(db, { code: 'SH-B', nameTh: 'หน่วยงาน ข', provinceCode: 'TH-P2' });
    const C = await makeAgency(db, { code: 'SH-C', nameTh: 'หน่วยงาน ค', provinceCode: 'TH-P1' });
    await db.insert(participations).values([
      { agencyId: A.id, year: YEAR },
      { agencyId: B.id, year: YEAR },
    ]);
    const admin = await makeUser(db, { role: 'admin', username: 'sh-admin' });
    const agencyAdmin = await makeUser(db, {
      role: 'agency_admin',
      username: 'sh-agency-admin',
      agencyId: A.id,
    });
    const executive = await makeUser(db, { role: 'executive', username: 'sh-executive', agencyId: A.id });
    const supervisor = await makeUser(db, { role: 'supervisor', username: 'sh-supervisor' });
    await grantScope(db, supervisor.id, { provinceCode: 'TH-P1' });
    const assessor = await makeUser(db, { role: 'assessor', username: 'sh-assessor' });
    await assign(db, assessor.id, A.id, YEAR);
    Object.assign(f, {
      A: { id: A.id },
      B: { id: B.id },
      C: { id: C.id },
      users: {
        admin: admin.username,
        agency_admin: agencyAdmin.username,
        executive: executive.username,
        supervisor: supervisor.username,
        assessor: assessor.username,
      },
    });
  });
  afterAll(async () => t?.close());

  async function as(role: Role) {
    const hit = clients.get(role);
    if (hit) return hit;
    const client = await t.signIn(f.users[role]);
    clients.set(role, client);
    return client;
  }

  return {
    get t() {
      return t;
    },
    f,
    as,
  };
}

/** Records `n` web responses of an instrument for an agency (answers are irrelevant to counting). */
export async function addResponses(db: DbOrTx, agencyId: string, instrument: string, n: number) {
  for (let i = 0; i < n; i++) {
    await insertReleased(db, [
      {
        agencyId,
        year: YEAR,
        instrument,
        frameworkVersion: 1,
        answers: {},
        durationBand: 4,
        channel: 'web',
        submittedOn: '2025-03-01',
      },
    ]);
  }
}
