// A small world for the monitoring tests: FY2568 loaded, clock at 1 March 2025 10:00 in Bangkok.
// Province P1 (supervised): A (registered, numbers entered and approved, OIT items o1 and o2 submitted and o3
// returned), B (nothing done; registration extended to 5 March). Province P2: C (registered, nothing else),
// outside the supervisor's scope. Users: admin, P1 supervisor, assessor assigned A, A's admin, executive
// and staff.
import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import {
  assign,
  grantScope,
  makeAgency,
  makeMinistry,
  makeProvince,
  makeUser,
} from '../../../test/helpers/factories.ts';
import type { Role } from '../../core/authz.ts';
import { oitAnswers, participations, stageExtensions, stakeholderData } from '../../db/schema/index.ts';
import { loadBundledFrameworks } from '../frameworks/index.ts';
import { insertReleased } from '../responses/index.ts';

export const YEAR = 2568;

export interface MonitoringFixture {
  A: string;
  B: string;
  C: string;
  users: Record<Role, string>;
}

export function monitoringSuite() {
  let t!: TestApp;
  const f = {} as MonitoringFixture;
  const clients = new Map<Role, Awaited<ReturnType<TestApp['signIn']>>>();

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.deps.db;
    await loadBundledFrameworks(db);
    await makeProvince(db, { code: 'TH-P1', nameTh: 'จังหวัดหนึ่ง', nameEn: 'Province One' });
    await makeProvince(db, { code: 'TH-P2', nameTh: 'จังหวัดสอง', nameEn: 'Province Two' });
    await makeMinistry(db, { code: 'M-IN', nameTh: 'กระทรวงมหาดไทยทดสอบ', nameEn: 'Interior (test)' });
    const A = await makeAgency(db, {
      code: 'MO-A',
      nameTh: 'หน่วยงาน ก',
      provinceCode: 'TH-P1',
      ministryCode: 'M-IN',
    });
    const B = await makeAgency(db, { code: 'MO-B', nameTh: 'หน่วยงาน ข', provinceCode: 'TH-P1' });
    const C = await makeAgency(db, {
      code: 'MO-C',
      nameTh: 'หน่วยงาน ค',
      provinceCode: 'TH-P2',
      type: 'district',
    });
    const registeredAt = new Date('2025-01-10T03:00:00Z');
    await db.insert(participations).values([
      { agencyId: A.id, year: YEAR, registered: true, registeredAt },
      { agencyId: B.id, year: YEAR },
      { agencyId: C.id, year: YEAR, registered: true, registeredAt },
    ]);
    await db.insert(stakeholderData).values({
      agencyId: A.id,
      year: YEAR,
      iitPopulation: 100,
      eitPopulation: 100,
      revision: 1,
      approvedRevision: 1,
      approvedIitPopulation: 100,
    });
    await db
      .insert(stageExtensions)
      .values({ agencyId: B.id, year: YEAR, stage: 'register', endsOn: '2025-03-05', reason: 'ขอขยาย' });
    await db.insert(oitAnswers).values([
      ...['o1', 'o2'].map((itemCode) => ({
        agencyId: A.id,
        year: YEAR,
        itemCode,
        state: 'submitted' as const,
        has: true,
        urls: [`https://mo-a.example.test/oit/${itemCode}`],
        explanation: `หน้าแรก > ITA > ข้อ ${itemCode}`,
      })),
      { agencyId: A.id, year: YEAR, itemCode: 'o3', state: 'returned', has: false },
    ]);
    for (let i = 0; i < 12; i++)
      await insertReleased(db, [
        {
          agencyId: A.id,
          year: YEAR,
          instrument: 'IIT',
          frameworkVersion: 1,
          answers: {},
          durationBand: 4,
          channel: 'web',
          submittedOn: '2025-02-20',
        },
      ]);
    const admin = await makeUser(db, { role: 'admin', username: 'mo-admin' });
    const supervisor = await makeUser(db, { role: 'supervisor', username: 'mo-supervisor' });
    await grantScope(db, supervisor.id, { provinceCode: 'TH-P1' });
    const assessor = await makeUser(db, { role: 'assessor', username: 'mo-assessor' });
    await assign(db, assessor.id, A.id, YEAR);
    const agencyAdmin = await makeUser(db, {
      role: 'agency_admin',
      username: 'mo-agency-admin',
      agencyId: A.id,
    });
    const executive = await makeUser(db, { role: 'executive', username: 'mo-executive', agencyId: A.id });
    const staff = await makeUser(db, { role: 'agency_staff', username: 'mo-staff', agencyId: A.id });
    Object.assign(f, {
      A: A.id,
      B: B.id,
      C: C.id,
      users: {
        admin: admin.username,
        supervisor: supervisor.username,
        assessor: assessor.username,
        agency_admin: agencyAdmin.username,
        executive: executive.username,
        agency_staff: staff.username,
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
