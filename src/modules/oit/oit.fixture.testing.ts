// A small world for the OIT agency-side tests: agency A (website www.oit-a.go.th) and B, both taking part in
// FY2568 (framework loaded); A's agency admin, executive and two staff accounts, B's staff and admin; an
// admin, a supervisor of A's province and an assessor assigned A. The test clock (2025-03-01) is inside the
// oit_answering stage (2025-01-01 … 2025-04-30).
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { assign, grantScope, makeAgency, makeProvince, makeUser } from '../../../test/helpers/factories.ts';
import { auditLog, evidenceSnapshots, participations } from '../../db/schema/index.ts';
import { loadBundledFrameworks } from '../frameworks/index.ts';

export const YEAR = 2568;
export const WEBSITE = 'https://www.oit-a.go.th';

export const USERS = {
  admin: 'oit-admin',
  agencyAdmin: 'oit-agency-admin',
  executive: 'oit-executive',
  staff: 'oit-staff',
  staff2: 'oit-staff-two',
  supervisor: 'oit-supervisor',
  assessor: 'oit-assessor',
  staffB: 'oit-staff-b',
  agencyAdminB: 'oit-agency-admin-b',
} as const;
export type Who = keyof typeof USERS;

export interface OitFixture {
  A: string;
  B: string;
  ids: Record<Who, string>;
}

export function oitSuite() {
  let t!: TestApp;
  const f = { ids: {} } as OitFixture;
  const clients = new Map<Who, Client>();

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.deps.db;
    await loadBundledFrameworks(db);
    await makeProvince(db, { code: 'TH-OIT1' });
    await makeProvince(db, { code: 'TH-OIT2' });
    const A = await makeAgency(db, { code: 'OIT-A', provinceCode: 'TH-OIT1', website: WEBSITE });
    const B = await makeAgency(db, { code: 'OIT-B', provinceCode: 'TH-OIT2' });
    await db.insert(participations).values([
      { agencyId: A.id, year: YEAR },
      { agencyId: B.id, year: YEAR },
    ]);
    const make = async (who: Who, role: Parameters<typeof makeUser>[1]['role'], agencyId?: string) => {
      const u = await makeUser(db, { role, username: USERS[who], ...(agencyId ? { agencyId } : {}) });
      f.ids[who] = u.id;
      return u;
    };
    await make('admin', 'admin');
    await make('agencyAdmin', 'agency_admin', A.id);
    await make('executive', 'executive', A.id);
    await make('staff', 'agency_staff', A.id);
    await make('staff2', 'agency_staff', A.id);
    await make('staffB', 'agency_staff', B.id);
    await make('agencyAdminB', 'agency_admin', B.id);
    const supervisor = await make('supervisor', 'supervisor');
    await grantScope(db, supervisor.id, { provinceCode: 'TH-OIT1' });
    const assessor = await make('assessor', 'assessor');
    await assign(db, assessor.id, A.id, YEAR);
    f.A = A.id;
    f.B = B.id;
  });
  afterAll(async () => t?.close());

  async function as(who: Who): Promise<Client> {
    const hit = clients.get(who);
    if (hit) return hit;
    const client = await t.signIn(USERS[who]);
    clients.set(who, client);
    return client;
  }

  /** A new session, e.g. after the clock moved past the cached sessions' lifetime. */
  const fresh = (who: Who) => t.signIn(USERS[who]);

  const base = (agencyId = f.A) => `/api/agencies/${agencyId}/oit/${YEAR}`;
  const item = (code: string, agencyId = f.A) => `${base(agencyId)}/items/${code}`;

  /** Every applicable item code of agency A, in checklist order. */
  async function itemCodes(): Promise<string[]> {
    const res = await (await as('agencyAdmin')).get(base());
    return res
      .json()
      .indicators.flatMap((i: { subIndicators: { items: { code: string }[] }[] }) =>
        i.subIndicators.flatMap((s) => s.items.map((x) => x.code)),
      );
  }

  /** Answers every item of A (has, one URL on the main website, an explanation) except those listed. */
  async function answerAll(except: readonly string[] = []) {
    const admin = await as('agencyAdmin');
    for (const code of await itemCodes()) {
      if (except.includes(code)) continue;
      const res = await admin.put(item(code), {
        has: true,
        urls: [`${WEBSITE}/oit/${code}`],
        explanation: `หน้าแรก > ITA > ข้อ ${code}`,
      });
      if (res.statusCode !== 200) throw new Error(`answering ${code}: ${res.statusCode} ${res.body}`);
    }
  }

  async function auditOf(entityType: string, entityId: string) {
    return t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
      .orderBy(auditLog.seq);
  }

  async function snapshotsOf(itemCode: string, agencyId = f.A) {
    return t.deps.db
      .select()
      .from(evidenceSnapshots)
      .where(
        and(
          eq(evidenceSnapshots.agencyId, agencyId),
          eq(evidenceSnapshots.year, YEAR),
          eq(evidenceSnapshots.itemCode, itemCode),
        ),
      )
      .orderBy(evidenceSnapshots.requestedAt);
  }

  return {
    get t() {
      return t;
    },
    f,
    as,
    fresh,
    base,
    item,
    itemCodes,
    answerAll,
    auditOf,
    snapshotsOf,
    entityId: (code: string, agencyId = f.A) => `${agencyId}:${YEAR}:${code}`,
  };
}

/** Every item of a checklist response, flattened. */
export function itemsOf(checklist: {
  indicators: { subIndicators: { items: { code: string }[] }[] }[];
}): Record<string, unknown>[] {
  return checklist.indicators.flatMap((i) => i.subIndicators.flatMap((s) => s.items));
}
