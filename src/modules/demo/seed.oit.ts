// FY2568 OIT for the demo province: one agency in each state of the workflow (see demo.oit.data.ts), with
// evidence URLs on the demo websites the app serves, snapshots queued like any saved URL, scores and
// advice, one clarification waiting and one accepted, and the audit entries each step would have left.
// Runs once per agency (an agency with any OIT answer row is left as people left it).
import { and, eq, inArray } from 'drizzle-orm';
import {
  itemTransition,
  type OitItemEvent,
  type OitItemState,
  reviewStatusOf,
} from '../../core/oit/states.ts';
import { appliesTo } from '../../core/scoring/answers.ts';
import type { DbOrTx } from '../../db/client.ts';
import { oitAnswers, oitClarifications, oitReviews, oitScores } from '../../db/schema/index.ts';
import { type AuditEntityType, appendAudit } from '../audit/index.ts';
import { type EvidencePurpose, requestEvidence } from '../evidence/index.ts';
import { DEMO_OWN_AGENCY, DEMO_YEAR } from './demo.data.ts';
import { dayAt } from './demo.generate.ts';
import {
  DEMO_ACCEPTED_ITEM,
  DEMO_DELEGATED_ITEMS,
  DEMO_DISPUTED_ITEM,
  DEMO_DRAFTED_ITEMS,
  DEMO_HASNT_ITEMS,
  DEMO_MISSING_PAGES,
  DEMO_OIT_PLAN,
  type DemoOitState,
} from './demo.oit.data.ts';
import { demoItemUrl } from './demo.sites.ts';
import type { CollectionSetup, DemoAgencyRow } from './seed.setup.ts';

export interface OitSeedContext {
  publicUrl: string;
  /** Demo user ids by username. */
  userIds: Map<string, string>;
}

/** The events each planned state has gone through, in order. */
const EVENTS: Record<DemoOitState, OitItemEvent[]> = {
  drafts: ['save'],
  awaiting_approval: ['save', 'submit'],
  approved: ['save', 'submit', 'approve'],
  assessed: ['save', 'submit', 'approve', 'assess'],
  clarification: ['save', 'submit', 'approve', 'assess'],
  confirmed: ['save', 'submit', 'approve', 'assess', 'confirm'],
};

// The days each step happened, within FY2568's OIT stages.
const DAYS = {
  save: '2025-02-10',
  submit: '2025-04-21',
  approve: '2025-04-24',
  score: '2025-05-20',
  assess: '2025-06-02',
  dispute: '2025-06-12',
  decide: '2025-06-25',
  confirm: '2025-07-01',
} as const;

export async function seedOit(tx: DbOrTx, setup: CollectionSetup, ctx: OitSeedContext): Promise<void> {
  const planned = setup.agencies.filter((a) => DEMO_OIT_PLAN[a.code]);
  if (planned.length === 0) return;
  const started = await tx
    .selectDistinct({ agencyId: oitAnswers.agencyId })
    .from(oitAnswers)
    .where(
      and(
        eq(oitAnswers.year, DEMO_YEAR),
        inArray(
          oitAnswers.agencyId,
          planned.map((a) => a.id),
        ),
      ),
    );
  const done = new Set(started.map((r) => r.agencyId));
  for (const a of planned) if (!done.has(a.id)) await seedAgencyOit(tx, setup, a, ctx);
}

async function seedAgencyOit(tx: DbOrTx, setup: CollectionSetup, a: DemoAgencyRow, ctx: OitSeedContext) {
  const plan = DEMO_OIT_PLAN[a.code] as DemoOitState;
  // The demo logins belong to the own agency; other agencies' people are not accounts of the demo.
  const own = a.code === DEMO_OWN_AGENCY;
  const person = (username: string) => (own ? (ctx.userIds.get(username) ?? null) : null);
  const people = {
    admin: person('agency-admin'),
    staff: person('staff'),
    executive: person('executive'),
    assessor: ctx.userIds.get('assessor') ?? null,
  };
  const applicable = setup.framework.oitItems.filter((i) => appliesTo(i, a.type));
  const items = plan === 'drafts' ? applicable.slice(0, DEMO_DRAFTED_ITEMS) : applicable;
  const states: OitItemState[] = [];
  for (const item of items) {
    const key = `${a.code}/${item.code}`;
    const has = !DEMO_HASNT_ITEMS.has(item.code);
    const urls = has ? [demoItemUrl(ctx.publicUrl, a.code, item.code)] : [];
    let state: OitItemState = 'draft';
    for (const event of EVENTS[plan]) state = itemTransition(item.code, state, event);
    const disputed =
      plan === 'clarification' &&
      a.code === DEMO_DISPUTED_ITEM.agency &&
      item.code === DEMO_DISPUTED_ITEM.item;
    if (disputed) state = itemTransition(item.code, state, 'dispute');
    const delegated = own && DEMO_DELEGATED_ITEMS.includes(item.code);
    const answer = {
      agencyId: a.id,
      year: DEMO_YEAR,
      itemCode: item.code,
      state,
      has,
      urls,
      explanation: has ? `หน้าแรก > การเปิดเผยข้อมูลสาธารณะ > ${item.title.th}` : null,
      assigneeId: delegated ? people.staff : null,
      updatedBy: people.admin,
      updatedAt: dayAt(DAYS.save, 0, 10),
      ...(EVENTS[plan].includes('submit') ? { submittedBy: people.admin } : {}),
      ...(EVENTS[plan].includes('approve')
        ? { approvedAt: dayAt(DAYS.approve, 0, 14), approvedBy: people.executive }
        : {}),
    };
    await tx.insert(oitAnswers).values(answer);
    states.push(state);
    const entityId = `${a.id}:${DEMO_YEAR}:${item.code}`;
    /** Queues the evidence checks the step would have queued (the worker fetches them from the demo sites). */
    const check = (purpose: EvidencePurpose, requestedBy: string | null, at: Date) =>
      requestEvidence(
        tx,
        { agencyId: a.id, year: DEMO_YEAR, itemCode: item.code, urls, purpose, requestedBy },
        at,
      );
    const audit = (
      entityType: AuditEntityType,
      action: string,
      at: Date,
      after: unknown,
      role: 'admin' | 'executive' | 'assessor',
    ) =>
      appendAudit(
        tx,
        {
          actor: null,
          agencyId: a.id,
          entityType,
          entityId,
          action,
          after: { ...(after as object), demo: true, by: role },
        },
        at,
      );
    await audit(
      'oit_answer',
      'update',
      dayAt(DAYS.save, 0, 10),
      { has, urls, explanation: answer.explanation },
      'admin',
    );
    await check('saved', people.admin, dayAt(DAYS.save, 0, 10));
    if (EVENTS[plan].includes('submit'))
      await audit('oit_answer', 'submit', dayAt(DAYS.submit, 0, 9), { state: 'submitted' }, 'admin');
    if (EVENTS[plan].includes('approve')) {
      await audit('oit_answer', 'approve', dayAt(DAYS.approve, 0, 14), { state: 'approved' }, 'executive');
      await check('approval', people.executive, dayAt(DAYS.approve, 0, 14));
    }
    if (EVENTS[plan].includes('assess')) {
      const missing = DEMO_MISSING_PAGES.has(key);
      const accepted = a.code === DEMO_ACCEPTED_ITEM.agency && item.code === DEMO_ACCEPTED_ITEM.item;
      const pass = has && (!missing || accepted);
      const score = {
        agencyId: a.id,
        year: DEMO_YEAR,
        itemCode: item.code,
        score: pass ? 100 : 0,
        componentsFound: pass ? item.components.map((_, i) => i) : [],
        comment: missing ? 'ไม่พบหน้าเว็บตาม URL ที่ระบุ (404)' : has ? null : 'หน่วยงานตอบว่าไม่มีข้อมูล',
        advice: pass
          ? null
          : `เผยแพร่${item.title.th}บนเว็บไซต์หลักของหน่วยงาน ให้ครบทุกองค์ประกอบ และระบุปี พ.ศ. ${DEMO_YEAR}`,
        originalScore: accepted ? 0 : null,
        assessorId: people.assessor,
        updatedAt: dayAt(DAYS.score, 0, 11),
      };
      await tx.insert(oitScores).values(score);
      await audit(
        'oit_score',
        'score',
        dayAt(DAYS.score, 0, 11),
        { score: accepted ? 0 : score.score, advice: score.advice },
        'assessor',
      );
      await audit('oit_answer', 'assess', dayAt(DAYS.assess, 0, 16), { state: 'assessed' }, 'assessor');
      if (disputed || accepted) {
        await tx.insert(oitClarifications).values({
          agencyId: a.id,
          year: DEMO_YEAR,
          itemCode: item.code,
          explanation: 'หน่วยงานย้ายหน้าเว็บไปยังเมนู "ข่าวประชาสัมพันธ์" ระหว่างการตรวจ ข้อมูลเดิมยังอยู่ในหน้าที่ผู้บริหารอนุมัติ',
          location: `${demoItemUrl(ctx.publicUrl, a.code, item.code)} (หัวข้อที่ 2)`,
          filedBy: people.admin,
          filedAt: dayAt(DAYS.dispute, 0, 10),
          ...(accepted
            ? { decision: 'accepted', decidedBy: people.assessor, decidedAt: dayAt(DAYS.decide, 0, 15) }
            : {}),
        });
        await audit(
          'oit_clarification',
          'file',
          dayAt(DAYS.dispute, 0, 10),
          { itemCode: item.code },
          'admin',
        );
        await check('clarification', people.admin, dayAt(DAYS.dispute, 0, 10));
        if (accepted) {
          await audit(
            'oit_clarification',
            'decide',
            dayAt(DAYS.decide, 0, 15),
            { decision: 'accepted' },
            'assessor',
          );
          await audit(
            'oit_score',
            'clarification_accepted',
            dayAt(DAYS.decide, 0, 15),
            { score: 100 },
            'assessor',
          );
        }
      }
    }
    if (EVENTS[plan].includes('confirm'))
      await audit('oit_answer', 'confirm', dayAt(DAYS.confirm, 0, 16), { state: 'confirmed' }, 'assessor');
  }
  const status = reviewStatusOf(states);
  const has = (e: OitItemEvent) => EVENTS[plan].includes(e);
  await tx.insert(oitReviews).values({
    agencyId: a.id,
    year: DEMO_YEAR,
    status,
    ...(has('submit') ? { submittedAt: dayAt(DAYS.submit, 0, 9), submittedBy: people.admin } : {}),
    ...(has('approve') ? { approvedAt: dayAt(DAYS.approve, 0, 14), approvedBy: people.executive } : {}),
    ...(has('assess') ? { assessedAt: dayAt(DAYS.assess, 0, 16), assessedBy: people.assessor } : {}),
    ...(has('confirm') ? { confirmedAt: dayAt(DAYS.confirm, 0, 16), confirmedBy: people.assessor } : {}),
    updatedAt: dayAt(DAYS.save, 0, 10),
  });
}
