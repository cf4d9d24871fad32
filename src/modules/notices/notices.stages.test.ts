// Reminders by the real rule, stage by stage (issue 11 §3, §6): for each stage whose work is the agency's
// own — stakeholder data (entry, and the executive's approval), IIT and EIT part 1 below their minimums, OIT
// approval, clarification — the facts the owning modules keep decide, through `stageWork` and the monitoring
// rule (no fake source): the agency behind gets one reminder, the agency done gets none, and a reminder
// planned before the work got done is cancelled, never sent.
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeAgency, makeUser } from '../../../test/helpers/factories.ts';
import type { TaskCode } from '../../core/monitoring/progress.ts';
import type { ReminderStage } from '../../core/notices/reminders.ts';
import { applicableOitItems } from '../../core/oit/score.ts';
import type { DbOrTx } from '../../db/client.ts';
import {
  notices,
  oitAnswers,
  oitClarifications,
  oitScores,
  participations,
  stakeholderData,
} from '../../db/schema/index.ts';
import { framework2568 } from '../oit/assessment.fixture.testing.ts';
import { loadFramework, YEAR } from '../quality/quality.fixture.testing.ts';
import { insertReleased } from '../responses/index.ts';
import { planStageReminders } from './notices.plan.ts';
import { sendDueNotices } from './notices.send.ts';
import { stageWork } from './notices.work.ts';
import { runNotices } from './notices.worker.ts';

const bkk = (local: string) => new Date(`${local}+07:00`);
/** Staff and service users: under 30 the minimum sample is everyone (FY2568), so 5 each. */
const POPULATION = 5;
/** Responses every agency has collected before its last ones. */
const EARLY = 3;

/** A piece of an agency's own work, written where its module writes it once the work is done. */
type Piece =
  | 'stakeholder_entry'
  | 'stakeholder_approval'
  | 'iit'
  | 'eit1'
  | 'oit_approval'
  | 'oit_clarification';
const PIECES: readonly Piece[] = [
  'stakeholder_entry',
  'stakeholder_approval',
  'iit',
  'eit1',
  'oit_approval',
  'oit_clarification',
];

interface Agency {
  id: string;
  code: string;
  email: string;
  /** The OIT item the assessors scored 0 (the one there is to clarify). */
  zeroItem: string;
}

const responses = (agencyId: string, instrument: string, n: number) =>
  Array.from({ length: n }, () => ({
    agencyId,
    year: YEAR,
    instrument,
    frameworkVersion: 1,
    answers: {},
    durationBand: 4,
    channel: 'web' as const,
    submittedOn: '2025-03-01',
  }));

async function doPiece(db: DbOrTx, a: Agency, piece: Piece, at: Date): Promise<void> {
  switch (piece) {
    case 'stakeholder_entry':
      await db.insert(stakeholderData).values({
        agencyId: a.id,
        year: YEAR,
        iitPopulation: POPULATION,
        eitPopulation: POPULATION,
        revision: 1,
      });
      return;
    case 'stakeholder_approval':
      await db
        .update(stakeholderData)
        .set({ approvedRevision: 1, approvedIitPopulation: POPULATION, approvedAt: at })
        .where(and(eq(stakeholderData.agencyId, a.id), eq(stakeholderData.year, YEAR)));
      return;
    case 'iit':
      await insertReleased(db, responses(a.id, 'IIT', POPULATION - EARLY));
      return;
    case 'eit1':
      await insertReleased(db, responses(a.id, 'EIT1', POPULATION - EARLY));
      return;
    case 'oit_approval':
      await db
        .update(oitAnswers)
        .set({ state: 'approved', approvedAt: at })
        .where(and(eq(oitAnswers.agencyId, a.id), eq(oitAnswers.year, YEAR)));
      return;
    case 'oit_clarification':
      await db.insert(oitClarifications).values({
        agencyId: a.id,
        year: YEAR,
        itemCode: a.zeroItem,
        explanation: 'ข้อมูลอยู่ในหน้ารายงานประจำปี',
        filedAt: at,
      });
      return;
  }
}

/**
 * An agency taking part in FY2568 with its admin (the one recipient), registered, with three IIT and three
 * EIT part 1 responses, every applicable OIT item answered and sent to the executive, and — once the
 * executive approved — every item scored (one 0); then every piece of work but `undone` done.
 */
async function agencyWith(db: DbOrTx, undone: readonly Piece[], at: Date): Promise<Agency> {
  const agency = await makeAgency(db);
  await db
    .insert(participations)
    .values({ agencyId: agency.id, year: YEAR, registered: true, registeredAt: at });
  const email = `admin-${agency.code.toLowerCase()}@example.go.th`;
  await makeUser(db, { role: 'agency_admin', agencyId: agency.id, email });
  await insertReleased(db, [...responses(agency.id, 'IIT', EARLY), ...responses(agency.id, 'EIT1', EARLY)]);
  const items = applicableOitItems(await framework2568(db), agency.type).map((i) => i.code);
  await db.insert(oitAnswers).values(
    items.map((itemCode) => ({
      agencyId: agency.id,
      year: YEAR,
      itemCode,
      state: 'submitted' as const,
      has: true,
      urls: [`https://${agency.code.toLowerCase()}.example.test/oit/${itemCode}`],
      explanation: `หน้าแรก > ITA > ข้อ ${itemCode}`,
    })),
  );
  const a: Agency = { id: agency.id, code: agency.code, email, zeroItem: items[0] as string };
  for (const piece of PIECES) if (!undone.includes(piece)) await doPiece(db, a, piece, at);
  if (!undone.includes('oit_approval'))
    await db
      .insert(oitScores)
      .values(
        items.map((itemCode) =>
          itemCode === a.zeroItem
            ? { agencyId: a.id, year: YEAR, itemCode, score: 0, advice: 'เผยแพร่ข้อมูลบนเว็บไซต์หลัก' }
            : { agencyId: a.id, year: YEAR, itemCode, score: 100 },
        ),
      );
  return a;
}

interface Case {
  name: string;
  stage: ReminderStage;
  /** 10:00 in Bangkok, three days before the stage's last day (the 3-day step). */
  at: string;
  deadline: string;
  undone: Piece[];
  /** The tasks the reminder lists (the agency's own, not complete). */
  tasks: (items: number) => { code: TaskCode; done: number; required: number }[];
}

const CASES: Case[] = [
  {
    name: 'stakeholder data not entered',
    stage: 'stakeholder_data',
    at: '2025-02-25T10:00:00',
    deadline: '2025-02-28',
    undone: ['stakeholder_entry', 'stakeholder_approval'],
    tasks: () => [
      { code: 'stakeholder_entry', done: 0, required: 1 },
      { code: 'stakeholder_approval', done: 0, required: 1 },
    ],
  },
  {
    name: 'stakeholder data entered, not approved by the executive',
    stage: 'stakeholder_data',
    at: '2025-02-25T10:00:00',
    deadline: '2025-02-28',
    undone: ['stakeholder_approval'],
    tasks: () => [{ code: 'stakeholder_approval', done: 0, required: 1 }],
  },
  {
    name: 'IIT below its minimum',
    stage: 'iit_collection',
    at: '2025-06-27T10:00:00',
    deadline: '2025-06-30',
    undone: ['iit'],
    tasks: () => [{ code: 'iit', done: EARLY, required: POPULATION }],
  },
  {
    name: 'EIT part 1 below its minimum',
    stage: 'eit_collection',
    at: '2025-06-27T10:00:00',
    deadline: '2025-06-30',
    undone: ['eit1'],
    tasks: () => [{ code: 'eit1', done: EARLY, required: POPULATION }],
  },
  {
    name: 'OIT answered, not approved by the executive',
    stage: 'oit_answering',
    at: '2025-04-27T10:00:00',
    deadline: '2025-04-30',
    undone: ['oit_approval', 'oit_clarification'],
    tasks: (items) => [{ code: 'oit_approval', done: 0, required: items }],
  },
  {
    name: 'an OIT item scored 0 not clarified',
    stage: 'clarification',
    at: '2025-06-17T10:00:00',
    deadline: '2025-06-20',
    undone: ['oit_clarification'],
    tasks: () => [{ code: 'oit_clarification', done: 0, required: 1 }],
  },
];

describe('reminders by the monitoring rule over real data', () => {
  let t: TestApp;
  let items = 0;
  const sendDeps = () => ({ ...t.deps, publicUrl: t.deps.config.publicUrl, quietHours: true });
  const run = () => runNotices(t.deps, stageWork, { plan: true });
  const mailsTo = (a: Agency) => t.outbox.filter((m) => m.to === a.email);
  const noticesOf = (agencies: Agency[]) =>
    t.deps.db
      .select()
      .from(notices)
      .where(
        inArray(
          notices.agencyId,
          agencies.map((a) => a.id),
        ),
      );

  beforeAll(async () => {
    t = await createTestApp();
    const { framework } = await loadFramework(t.deps.db);
    items = applicableOitItems(framework, 'sao').length;
  });
  afterAll(() => t.close());

  for (const c of CASES)
    describe(c.name, () => {
      it(`reminds the agency behind once before ${c.stage} ends, and the agency done never`, async () => {
        t.clock.set(bkk(c.at));
        const behind = await agencyWith(t.deps.db, c.undone, t.deps.now());
        const done = await agencyWith(t.deps.db, [], t.deps.now());
        await run();
        const rows = await noticesOf([behind, done]);
        expect(rows.map((r) => [r.agencyId, r.stage, r.status])).toEqual([[behind.id, c.stage, 'delivered']]);
        expect(rows[0]?.reason).toMatchObject({
          rule: 'before_deadline',
          stage: c.stage,
          deadline: c.deadline,
          daysLeft: 3,
          step: 3,
          tasks: c.tasks(items),
        });
        expect(mailsTo(behind)).toHaveLength(1);
        // Again the same day and the next (2 days left: still the 3-day step): nothing more.
        await run();
        t.clock.set(new Date(bkk(c.at).getTime() + 24 * 3_600_000));
        await run();
        expect(await noticesOf([behind, done])).toHaveLength(1);
        expect(mailsTo(behind)).toHaveLength(1);
        expect(mailsTo(done)).toHaveLength(0);
      });

      it('cancels a reminder planned before the work got done', async () => {
        t.clock.set(bkk(c.at));
        const behind = await agencyWith(t.deps.db, c.undone, t.deps.now());
        await planStageReminders({ ...t.deps, quietHours: true }, stageWork);
        expect((await noticesOf([behind])).map((r) => r.status)).toEqual(['pending']);
        t.clock.advance(60_000);
        for (const piece of c.undone) await doPiece(t.deps.db, behind, piece, t.deps.now());
        await sendDueNotices(sendDeps(), stageWork);
        const rows = await noticesOf([behind]);
        expect(rows.map((r) => [r.status, r.cancelledReason])).toEqual([['cancelled', 'work_done']]);
        expect(mailsTo(behind)).toHaveLength(0);
        // Nor is it planned again while done.
        await planStageReminders({ ...t.deps, quietHours: true }, stageWork);
        expect(await noticesOf([behind])).toHaveLength(1);
      });
    });
});
