// An agency whose OIT answers the executive approved for FY2568 (written straight to the database), with
// the people around it: an assigned assessor, a NACC admin, the agency admin and executive, a supervisor of
// its province. And the days of FY2568's OIT stages, to set the clock in. Names are invented.
import { and, eq } from 'drizzle-orm';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { assign, grantScope, makeAgency, makeProvince, makeUser } from '../../../test/helpers/factories.ts';
import type { Framework } from '../../core/framework/schema.ts';
import { applicableOitItems } from '../../core/oit/score.ts';
import type { DbOrTx } from '../../db/client.ts';
import {
  auditLog,
  evidenceSnapshots,
  oitAnswers,
  oitReviews,
  participations,
} from '../../db/schema/index.ts';
import type { AgencyType } from '../../shared/agency-types.ts';
import { frameworkForYear, loadBundledFrameworks } from '../frameworks/index.ts';

export const YEAR = 2568;

/** Mid-stage instants of FY2568 (10:00 in Bangkok): oit_scoring 05-01..06-06, clarification 06-09..06-20,
 * confirmation 06-23..07-04. */
export const DURING = {
  answering: new Date('2025-04-10T03:00:00Z'),
  scoring: new Date('2025-05-20T03:00:00Z'),
  between: new Date('2025-06-07T03:00:00Z'),
  clarification: new Date('2025-06-12T03:00:00Z'),
  confirmation: new Date('2025-06-25T03:00:00Z'),
  after: new Date('2025-07-10T03:00:00Z'),
};

export interface OitAssessmentFixture {
  agencyId: string;
  provinceCode: string;
  items: { code: string; components: number }[];
  assessor: Client;
  assessorId: string;
  admin: Client;
  agencyAdmin: Client;
  executive: Client;
  supervisor: Client;
  /** Moves the clock and signs everyone in again (a session lasts a working day of the test clock). */
  at(when: Date): Promise<void>;
}

export async function assessmentApp(): Promise<TestApp> {
  const t = await createTestApp();
  await loadBundledFrameworks(t.deps.db);
  return t;
}

export async function framework2568(db: DbOrTx): Promise<Framework> {
  return (await frameworkForYear(db, YEAR)).framework;
}

export const evidenceUrl = (agencyCode: string, code: string) =>
  `https://${agencyCode.toLowerCase()}.example.test/oit/${code}`;

/** Approved answers to every applicable item, each URL with a finished 'approval' snapshot. */
export async function approveAll(db: DbOrTx, agency: { id: string; code: string; type: AgencyType }) {
  const framework = await framework2568(db);
  const items = applicableOitItems(framework, agency.type);
  const approvedAt = new Date('2025-04-24T07:00:00Z');
  await db.insert(oitAnswers).values(
    items.map((item) => ({
      agencyId: agency.id,
      year: YEAR,
      itemCode: item.code,
      state: 'approved' as const,
      has: true,
      urls: [evidenceUrl(agency.code, item.code)],
      explanation: `หน้าแรก > ข้อมูลสาธารณะ > ${item.title.th}`,
      approvedAt,
    })),
  );
  await db.insert(evidenceSnapshots).values(
    items.map((item) => ({
      agencyId: agency.id,
      year: YEAR,
      itemCode: item.code,
      url: evidenceUrl(agency.code, item.code),
      purpose: 'approval' as const,
      status: 'done' as const,
      requestedAt: approvedAt,
      fetchedAt: approvedAt,
      finalUrl: evidenceUrl(agency.code, item.code),
      httpStatus: 200,
      contentType: 'text/html',
      title: item.title.th,
      mentionsYear: true,
      onMainDomain: true,
    })),
  );
  await db
    .insert(oitReviews)
    .values({ agencyId: agency.id, year: YEAR, status: 'approved', approvedAt, submittedAt: approvedAt });
  return items.map((i) => ({ code: i.code, components: i.components.length }));
}

/** A participating agency (type sao) with approved answers and its people, on the shared app. */
export async function approvedAgency(t: TestApp): Promise<OitAssessmentFixture> {
  const db = t.deps.db;
  const province = await makeProvince(db);
  const agency = await makeAgency(db, { type: 'sao', provinceCode: province.code });
  await db
    .insert(participations)
    .values({ agencyId: agency.id, year: YEAR, registered: true, registeredAt: new Date() });
  const items = await approveAll(db, agency);
  const assessor = await makeUser(db, { role: 'assessor' });
  await assign(db, assessor.id, agency.id, YEAR);
  const people = {
    assessor,
    admin: await makeUser(db, { role: 'admin' }),
    agencyAdmin: await makeUser(db, { role: 'agency_admin', agencyId: agency.id }),
    executive: await makeUser(db, { role: 'executive', agencyId: agency.id }),
    supervisor: await makeUser(db, { role: 'supervisor' }),
  };
  await grantScope(db, people.supervisor.id, { provinceCode: province.code });
  const signInAll = async () => ({
    assessor: await t.signIn(people.assessor.username),
    admin: await t.signIn(people.admin.username),
    agencyAdmin: await t.signIn(people.agencyAdmin.username),
    executive: await t.signIn(people.executive.username),
    supervisor: await t.signIn(people.supervisor.username),
  });
  const f: OitAssessmentFixture = {
    agencyId: agency.id,
    provinceCode: province.code,
    items,
    assessorId: assessor.id,
    ...(await signInAll()),
    async at(when) {
      if (t.deps.now().getTime() === when.getTime()) return;
      t.clock.set(when);
      Object.assign(f, await signInAll());
    },
  };
  return f;
}

/** A body scoring an item 100 (every component) or 0 (with advice). */
export function scoreBody(item: { components: number }, score: 0 | 100) {
  return score === 100
    ? { score, componentsFound: Array.from({ length: item.components }, (_, i) => i), comment: 'ครบถ้วน' }
    : { score, componentsFound: [], advice: 'เผยแพร่ข้อมูลให้ครบทุกองค์ประกอบบนเว็บไซต์หลัก' };
}

/** Scores every item (the codes in `zeros` 0, the rest 100) and submits, during the scoring stage. */
export async function scoreAndSubmit(f: OitAssessmentFixture, zeros: string[]) {
  await f.at(DURING.scoring);
  for (const item of f.items) {
    const res = await f.assessor.put(
      `/api/agencies/${f.agencyId}/oit/${YEAR}/items/${item.code}/score`,
      scoreBody(item, zeros.includes(item.code) ? 0 : 100),
    );
    if (res.statusCode !== 200) throw new Error(`scoring ${item.code}: ${res.statusCode} ${res.body}`);
  }
  const res = await f.assessor.post(`/api/agencies/${f.agencyId}/oit/${YEAR}/assessment/submit`);
  if (res.statusCode !== 200) throw new Error(`submit: ${res.statusCode} ${res.body}`);
}

export async function itemState(db: DbOrTx, agencyId: string, code: string) {
  const [row] = await db
    .select({ state: oitAnswers.state })
    .from(oitAnswers)
    .where(and(eq(oitAnswers.agencyId, agencyId), eq(oitAnswers.year, YEAR), eq(oitAnswers.itemCode, code)));
  return row?.state;
}

export async function storedReview(db: DbOrTx, agencyId: string) {
  const [row] = await db
    .select()
    .from(oitReviews)
    .where(and(eq(oitReviews.agencyId, agencyId), eq(oitReviews.year, YEAR)));
  return row;
}

export function auditOf(db: DbOrTx, entityType: string, entityId: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(auditLog.seq);
}
