// OIT assessment (assessor side): bulk assignments (admins), the queue (admins and assessors), the
// assessment view (anyone with the agency in scope), scoring, submitting, deciding and confirming (admins;
// the assessor assigned for the year in scope only), clarifications (the agency admin in scope only),
// reopening (admins).
//
// The cases use FY2567: its OIT stages ended before the matrix clock (2025-03-01), and setup extends them
// for A and B to the end of 2025, so every OIT window is open at once and allowed requests reach the rules
// past authorization (FY2568's scoring stage only starts on 2025-05-01, and an extension never moves a
// start). Setup approves every applicable item of A and B and scores them (item 1 at 0), so the cases run
// the cycle in file order: score → submit → clarify → decide → confirm → reopen; roles after the first
// allowed one meet a 409 (already done), which still proves they got past authorization.
import { and, eq } from 'drizzle-orm';
import { applicableOitItems } from '../../src/core/oit/score.ts';
import {
  assessorAssignments,
  oitAnswers,
  oitReviews,
  oitScores,
  participations,
  stageExtensions,
} from '../../src/db/schema/index.ts';
import { frameworkForYear, loadBundledFrameworks } from '../../src/modules/frameworks/index.ts';
import { allow, both, type CaseWorld, inScopeOnly, type MatrixCase } from './cases.ts';
import { oitQueueContents } from './contents.ts';
import type { World } from './world.ts';

const YEAR = 2567;
const STAGES = ['oit_scoring', 'clarification', 'confirmation'];

interface Fixture {
  /** The first two applicable items: the first is scored 0 (for clarifications), the second 100. */
  zero: string;
  full: { code: string; components: number };
}
const fixture = (w: World) => w.extra['oit-assessment'] as Fixture;

export async function setup(w: World) {
  await loadBundledFrameworks(w.db);
  const { framework } = await frameworkForYear(w.db, YEAR);
  const items = applicableOitItems(framework, 'sao');
  await w.db
    .insert(assessorAssignments)
    .values({ userId: w.actors.assessor.id, agencyId: w.A.agency.id, year: YEAR })
    .onConflictDoNothing();
  for (const side of [w.A, w.B]) {
    const agencyId = side.agency.id;
    await w.db.insert(participations).values({ agencyId, year: YEAR }).onConflictDoNothing();
    await w.db
      .insert(stageExtensions)
      .values(
        STAGES.map((stage) => ({ agencyId, year: YEAR, stage, endsOn: '2025-12-31', reason: 'matrix' })),
      )
      .onConflictDoNothing();
    const existing = await w.db
      .select({ code: oitAnswers.itemCode })
      .from(oitAnswers)
      .where(and(eq(oitAnswers.agencyId, agencyId), eq(oitAnswers.year, YEAR)));
    if (existing.length > 0) continue;
    await w.db.insert(oitAnswers).values(
      items.map((item) => ({
        agencyId,
        year: YEAR,
        itemCode: item.code,
        state: 'approved' as const,
        has: true,
        urls: [`https://agency-${side.agency.code.toLowerCase()}.example.test/${item.code}`],
        explanation: 'หน้าแรก > ข้อมูลสาธารณะ',
        approvedAt: new Date('2024-04-24T07:00:00Z'),
      })),
    );
    await w.db.insert(oitScores).values(
      items.map((item, n) => ({
        agencyId,
        year: YEAR,
        itemCode: item.code,
        score: n === 0 ? 0 : 100,
        componentsFound: n === 0 ? [] : item.components.map((_, i) => i),
        advice: n === 0 ? 'เผยแพร่ข้อมูลให้ครบ' : null,
      })),
    );
    await w.db.insert(oitReviews).values({ agencyId, year: YEAR, status: 'approved' }).onConflictDoNothing();
  }
  const [zero, full] = items;
  if (!zero || !full) throw new Error('FY2567 needs two OIT items for sao');
  w.extra['oit-assessment'] = {
    zero: zero.code,
    full: { code: full.code, components: full.components.length },
  } satisfies Fixture;
}

const base = (w: CaseWorld) => `/api/agencies/${w.target.agency.id}/oit/${YEAR}`;
const assessors = () => allow({ admin: both, assessor: inScopeOnly });

export const cases: MatrixCase[] = [
  {
    name: 'PUT /api/assignments/:year/bulk',
    method: 'PUT',
    url: () => `/api/assignments/${YEAR}/bulk`,
    // The spare assessor (never an actor) gets the target agency: adding it again changes nothing.
    body: (w) => ({ assessorId: w.spare.assessor.id, agencyIds: [w.target.agency.id] }),
    expect: allow({ admin: both }),
  },
  {
    name: 'GET /api/oit/queue/:year',
    method: 'GET',
    url: () => `/api/oit/queue/${YEAR}`,
    expect: allow({ admin: both, assessor: both }),
    contents: oitQueueContents(YEAR),
  },
  {
    name: 'GET /api/agencies/:id/oit/:year/assessment',
    method: 'GET',
    url: (w) => `${base(w)}/assessment`,
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
    name: 'PUT /api/agencies/:id/oit/:year/items/:code/score',
    method: 'PUT',
    url: (w) => `${base(w)}/items/${fixture(w).full.code}/score`,
    // The score it already has: idempotent.
    body: (w) => ({
      score: 100,
      componentsFound: Array.from({ length: fixture(w).full.components }, (_, i) => i),
    }),
    expect: assessors(),
  },
  {
    name: 'POST /api/agencies/:id/oit/:year/assessment/submit',
    method: 'POST',
    url: (w) => `${base(w)}/assessment/submit`,
    body: () => ({}),
    expect: assessors(),
  },
  {
    name: 'POST /api/agencies/:id/oit/:year/items/:code/clarification',
    method: 'POST',
    url: (w) => `${base(w)}/items/${fixture(w).zero}/clarification`,
    body: () => ({ explanation: 'ข้อมูลอยู่ในหน้าเดิมตามที่ผู้บริหารอนุมัติ', location: 'หัวข้อที่ 2' }),
    expect: allow({ agency_admin: inScopeOnly }),
  },
  {
    name: 'POST /api/agencies/:id/oit/:year/items/:code/clarification/decision',
    method: 'POST',
    url: (w) => `${base(w)}/items/${fixture(w).zero}/clarification/decision`,
    body: () => ({ decision: 'rejected', reason: 'ไม่พบข้อมูลในหน้าที่อนุมัติ' }),
    expect: assessors(),
  },
  {
    name: 'POST /api/agencies/:id/oit/:year/confirm',
    method: 'POST',
    url: (w) => `${base(w)}/confirm`,
    body: () => ({}),
    expect: assessors(),
  },
  {
    name: 'POST /api/agencies/:id/oit/:year/reopen',
    method: 'POST',
    url: (w) => `${base(w)}/reopen`,
    body: () => ({ reason: 'ตรวจสอบคะแนนอีกครั้งตามคำร้อง' }),
    expect: allow({ admin: both }),
  },
];
