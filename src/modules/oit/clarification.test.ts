import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/helpers/app.ts';
import { scoreFromAnswers } from '../../core/scoring/index.ts';
import { evidenceSnapshots } from '../../db/schema/index.ts';
import {
  approvedAgency,
  assessmentApp,
  auditOf,
  DURING,
  framework2568,
  itemState,
  type OitAssessmentFixture,
  scoreAndSubmit,
  scoreBody,
  storedReview,
  YEAR,
} from './assessment.fixture.testing.ts';
import type { Assessment, ItemResult, ReviewResult } from './assessment.schema.ts';

describe('clarifications, confirmation and reopening', () => {
  let t: TestApp;
  let f: OitAssessmentFixture;
  let zeros: string[];
  const base = () => `/api/agencies/${f.agencyId}/oit/${YEAR}`;
  const code = (n: number) => (f.items[n] as { code: string }).code;
  const clarify = (
    n: number,
    body: unknown = { explanation: 'ข้อมูลอยู่ในหน้าที่ผู้บริหารอนุมัติ', location: 'หัวข้อที่ 2' },
  ) => f.agencyAdmin.post(`${base()}/items/${code(n)}/clarification`, body);
  const decide = (n: number, body: unknown) =>
    f.assessor.post(`${base()}/items/${code(n)}/clarification/decision`, body);
  const view = async () => (await f.assessor.get(`${base()}/assessment`)).json<Assessment>();

  /** The OIT score the scoring engine gives for these item scores (all applicable items scored). */
  const engineOit = async (itemScores: Record<string, number>) => {
    const framework = await framework2568(t.deps.db);
    return scoreFromAnswers(framework, {
      agencyType: 'sao',
      responses: {},
      oit: itemScores,
      processing: {
        registered: true,
        populationEntered: { IIT: false, EIT1: false },
        minimumSample: { IIT: 0, EIT1: 0, EIT2: 0 },
        oitAnswered: true,
      },
    }).instruments.OIT;
  };

  beforeAll(async () => {
    t = await assessmentApp();
    f = await approvedAgency(t);
    zeros = [code(0), code(1), code(2)];
    await scoreAndSubmit(f, zeros);
  });
  afterAll(() => t.close());

  it('refuses clarifications outside the clarification stage, naming its dates', async () => {
    await f.at(DURING.between);
    const res = await clarify(0);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'oit_window_closed',
      th: expect.stringContaining('9 มิถุนายน 2568'),
    });
    expect(await itemState(t.deps.db, f.agencyId, code(0))).toBe('assessed');
  });

  it('lets the agency see its scores and advice in the clarification stage', async () => {
    await f.at(DURING.clarification);
    const own = (await f.agencyAdmin.get(`${base()}/assessment`)).json<Assessment>();
    expect(own.current).toMatchObject({ code: 'clarification', closesOn: '2025-06-20', open: true });
    const items = own.indicators.flatMap((i) => i.subIndicators.flatMap((s) => s.items));
    expect(items[0]).toMatchObject({
      score: { score: 0, advice: expect.any(String) },
      can: { clarify: true },
    });
    expect(items[3]).toMatchObject({ score: { score: 100 }, can: { clarify: false } });
  });

  it('accepts clarifications only from the agency admin, only for items scored 0', async () => {
    await f.at(DURING.clarification);
    expect(
      (await f.executive.post(`${base()}/items/${code(0)}/clarification`, { explanation: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (await f.assessor.post(`${base()}/items/${code(0)}/clarification`, { explanation: 'x' })).statusCode,
    ).toBe(403);
    const full = await clarify(3);
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('clarification_needs_zero');
    expect((await clarify(0, { explanation: '  ' })).statusCode).toBe(400);
  });

  it('files one clarification per item: the item is disputed, its evidence checked again; a second is 409', async () => {
    await f.at(DURING.clarification);
    const res = await clarify(0);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ItemResult>()).toMatchObject({
      state: 'disputed',
      clarification: { explanation: 'ข้อมูลอยู่ในหน้าที่ผู้บริหารอนุมัติ', location: 'หัวข้อที่ 2', decision: null },
    });
    expect((await clarify(1)).statusCode).toBe(200);
    const again = await clarify(0, { explanation: 'ขอชี้แจงเพิ่มเติม' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'clarification_exists',
      th: expect.stringContaining('ข้อละหนึ่งครั้ง'),
    });
    const queued = await t.deps.db
      .select()
      .from(evidenceSnapshots)
      .where(and(eq(evidenceSnapshots.agencyId, f.agencyId), eq(evidenceSnapshots.purpose, 'clarification')));
    expect(queued.map((s) => s.itemCode).sort()).toEqual([code(0), code(1)].sort());
    const entries = await auditOf(t.deps.db, 'oit_clarification', `${f.agencyId}:${YEAR}:${code(0)}`);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'file',
      before: { state: 'assessed' },
      after: { state: 'disputed' },
    });
    expect((await storedReview(t.deps.db, f.agencyId))?.status).toBe('assessed');
  });

  it('decides only in the confirmation stage; a rejection needs a reason', async () => {
    await f.at(DURING.clarification);
    const early = await decide(0, { decision: 'accepted' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('oit_window_closed');
    await f.at(DURING.confirmation);
    const bare = await decide(1, { decision: 'rejected', reason: ' ' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error).toMatchObject({
      code: 'reason_required',
      th: expect.stringContaining('เหตุผล'),
    });
    expect(await itemState(t.deps.db, f.agencyId, code(1))).toBe('disputed');
  });

  it('refuses to confirm while a clarification is undecided, listing it', async () => {
    await f.at(DURING.confirmation);
    const res = await f.assessor.post(`${base()}/confirm`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'clarifications_undecided',
      details: { items: [code(0), code(1)] },
    });
  });

  it('accepting scores the item 100, keeps the original score, and raises the OIT score as the engine says', async () => {
    await f.at(DURING.confirmation);
    const before = (await view()).oitScore?.score as number;
    const scores = Object.fromEntries(f.items.map((i) => [i.code, zeros.includes(i.code) ? 0 : 100]));
    expect(before).toBe(await engineOit(scores));
    const res = await decide(0, { decision: 'accepted' });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json<ItemResult>();
    expect(result).toMatchObject({
      state: 'assessed',
      score: { score: 100, originalScore: 0, advice: expect.any(String) },
      clarification: { decision: 'accepted' },
    });
    expect(result.score?.componentsFound).toHaveLength((f.items[0] as { components: number }).components);
    expect(result.oitScore?.score).toBe(await engineOit({ ...scores, [code(0)]: 100 }));
    expect(result.oitScore?.score).toBeGreaterThan(before);
    const scoreAudit = await auditOf(t.deps.db, 'oit_score', `${f.agencyId}:${YEAR}:${code(0)}`);
    expect(scoreAudit.at(-1)).toMatchObject({ action: 'clarification_accepted', before: { score: 0 } });
  });

  it('rejecting keeps the score 0 with the reason; a decided clarification cannot be decided again', async () => {
    await f.at(DURING.confirmation);
    const res = await decide(1, { decision: 'rejected', reason: 'ไม่พบข้อมูลในหน้าที่อนุมัติ' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ItemResult>()).toMatchObject({
      state: 'assessed',
      score: { score: 0, originalScore: null },
      clarification: { decision: 'rejected', decisionReason: 'ไม่พบข้อมูลในหน้าที่อนุมัติ' },
    });
    const again = await decide(1, { decision: 'accepted' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('clarification_decided');
    const none = await decide(2, { decision: 'accepted' });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('no_clarification');
  });

  it('confirms: every item confirmed, the review confirmed; after that every write refuses with 409', async () => {
    await f.at(DURING.confirmation);
    const res = await f.assessor.post(`${base()}/confirm`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ReviewResult>()).toMatchObject({ status: 'confirmed', items: f.items.length });
    expect(await storedReview(t.deps.db, f.agencyId)).toMatchObject({ status: 'confirmed' });
    expect(await itemState(t.deps.db, f.agencyId, code(2))).toBe('confirmed');

    const writes = [
      () => f.assessor.post(`${base()}/confirm`),
      () => f.assessor.post(`${base()}/assessment/submit`),
      () =>
        f.assessor.put(
          `${base()}/items/${code(2)}/score`,
          scoreBody(f.items[2] as { components: number }, 100),
        ),
      () => decide(1, { decision: 'accepted' }),
      () => clarify(2),
    ];
    for (const write of writes) {
      const locked = await write();
      expect(locked.statusCode, locked.body).toBe(409);
      expect(locked.json().error).toMatchObject({
        code: 'oit_confirmed',
        th: expect.stringContaining('ยืนยันแล้ว'),
      });
    }
    const v = await view();
    expect(v.review.status).toBe('confirmed');
    expect(v.can).toEqual({ submit: false, confirm: false, reopen: false });
  });

  it('is reopened only by an admin, with a reason; the reopening is recorded', async () => {
    await f.at(DURING.after);
    expect((await f.assessor.post(`${base()}/reopen`, { reason: 'ขอแก้ไข' })).statusCode).toBe(403);
    expect((await f.admin.post(`${base()}/reopen`, { reason: '' })).statusCode).toBe(400);
    const res = await f.admin.post(`${base()}/reopen`, { reason: 'ตรวจทานตามคำร้องของหน่วยงาน' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ReviewResult>()).toMatchObject({ status: 'assessed', items: f.items.length });
    const review = await storedReview(t.deps.db, f.agencyId);
    expect(review).toMatchObject({ status: 'assessed', reopenReason: 'ตรวจทานตามคำร้องของหน่วยงาน' });
    expect(review?.reopenedAt?.toISOString()).toBe(DURING.after.toISOString());
    expect(review?.reopenedBy).not.toBeNull();
    const entries = await auditOf(t.deps.db, 'oit_review', `${f.agencyId}:${YEAR}`);
    expect(entries.at(-1)).toMatchObject({
      action: 'reopen',
      actorRole: 'admin',
      before: { status: 'confirmed' },
      after: { status: 'assessed', reason: 'ตรวจทานตามคำร้องของหน่วยงาน' },
    });
    expect(await itemState(t.deps.db, f.agencyId, code(2))).toBe('assessed');
    const twice = await f.admin.post(`${base()}/reopen`, { reason: 'อีกครั้ง' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('oit_not_confirmed');
  });
});
