import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/helpers/app.ts';
import { evidenceSnapshots, oitAnswers } from '../../db/schema/index.ts';
import type { AuditEntry } from '../audit/index.ts';
import {
  approvedAgency,
  assessmentApp,
  auditOf,
  DURING,
  itemState,
  type OitAssessmentFixture,
  scoreBody,
  storedReview,
  YEAR,
} from './assessment.fixture.testing.ts';
import type { Assessment, ItemResult, ReviewResult } from './assessment.schema.ts';

describe('scoring and submitting an OIT assessment', () => {
  let t: TestApp;
  let f: OitAssessmentFixture;
  const base = () => `/api/agencies/${f.agencyId}/oit/${YEAR}`;
  const item = (n: number) => f.items[n] as { code: string; components: number };
  const score = (n: number, body: unknown) => f.assessor.put(`${base()}/items/${item(n).code}/score`, body);

  beforeAll(async () => {
    t = await assessmentApp();
    f = await approvedAgency(t);
  });
  afterAll(() => t.close());

  it('refuses scores outside the scoring stage, naming its dates, and changes nothing', async () => {
    await f.at(DURING.answering);
    const res = await score(0, scoreBody(item(0), 100));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'oit_window_closed',
      th: expect.stringContaining('1 พฤษภาคม 2568'),
      en: expect.stringContaining('2025-06-06'),
    });
    await f.at(DURING.between);
    expect((await score(0, scoreBody(item(0), 100))).statusCode).toBe(409);
    const view = (await f.assessor.get(`${base()}/assessment`)).json<Assessment>();
    expect(view.counts.scored).toBe(0);
  });

  it('requires advice for a 0 and every component ticked for a 100', async () => {
    await f.at(DURING.scoring);
    const noAdvice = await score(0, { score: 0, componentsFound: [], advice: '   ' });
    expect(noAdvice.statusCode).toBe(400);
    expect(noAdvice.json().error).toMatchObject({
      code: 'advice_required',
      th: expect.stringContaining('ข้อเสนอแนะ'),
    });

    const partial = await score(1, { score: 100, componentsFound: [0] });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.code).toBe('score_needs_every_component');
    expect(partial.json().error.details.missing.length).toBe(item(1).components - 1);
    // The message numbers components from 1, as the pages list them ("1. …", "2. …").
    expect(partial.json().error.th).toContain('ยังไม่ได้เลือกองค์ประกอบที่ 2');

    const outOfRange = await score(0, { score: 0, componentsFound: [item(0).components], advice: 'ปรับปรุง' });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().error.code).toBe('components_out_of_range');

    expect((await f.assessor.get(`${base()}/assessment`)).json<Assessment>().counts.scored).toBe(0);
  });

  it('stores a score with its components, comment and advice, audited before → after', async () => {
    await f.at(DURING.scoring);
    const zero = await score(0, { score: 0, componentsFound: [0], comment: 'พบบางส่วน', advice: 'เพิ่มแผนผัง' });
    expect(zero.statusCode, zero.body).toBe(200);
    expect(zero.json<ItemResult>()).toMatchObject({
      code: item(0).code,
      state: 'approved',
      score: { score: 0, componentsFound: [0], comment: 'พบบางส่วน', advice: 'เพิ่มแผนผัง', originalScore: null },
    });
    const full = await score(0, { ...scoreBody(item(0), 100), componentsFound: [1, 0, 1] });
    expect(full.statusCode, full.body).toBe(200);
    expect(full.json<ItemResult>().score?.componentsFound).toEqual([0, 1]);
    const entries = await auditOf(t.deps.db, 'oit_score', `${f.agencyId}:${YEAR}:${item(0).code}`);
    expect(entries.map((e) => e.action)).toEqual(['score', 'score']);
    expect(entries[1]?.before).toMatchObject({ score: 0, advice: 'เพิ่มแผนผัง' });
    expect(entries[1]?.after).toMatchObject({ score: 100, advice: null });
  });

  it('hides scores from the agency and supervisors until the assessment is submitted', async () => {
    for (const viewer of [f.agencyAdmin, f.executive, f.supervisor]) {
      const view = (await viewer.get(`${base()}/assessment`)).json<Assessment>();
      expect(view.scoresVisible).toBe(false);
      expect(view.oitScore).toBeNull();
      const items = view.indicators.flatMap((i) => i.subIndicators.flatMap((s) => s.items));
      expect(items.every((i) => i.score === null)).toBe(true);
      expect(items[0]?.answer?.state).toBe('approved');
    }
    const own = (await f.assessor.get(`${base()}/assessment`)).json<Assessment>();
    expect(own.scoresVisible).toBe(true);
    expect(own.oitScore).toMatchObject({ complete: false, scoredItems: 1 });
  });

  /** What a viewer gets of item 0's scores through its history and the audit API (not the assessment view). */
  const scoreTrail = async (viewer: OitAssessmentFixture['assessor']) => {
    const history = await viewer.get(`${base()}/items/${item(0).code}/history`);
    const audit = await viewer.get(
      `/api/audit?entityType=oit_score&entityId=${f.agencyId}:${YEAR}:${item(0).code}`,
    );
    expect(history.statusCode, history.body).toBe(200);
    expect(audit.statusCode, audit.body).toBe(200);
    const scores = [
      ...history.json<{ items: AuditEntry[] }>().items.filter((e) => e.entityType === 'oit_score'),
      ...audit.json<{ items: AuditEntry[] }>().items,
    ];
    return { scores, body: history.body + audit.body };
  };

  it("withholds the scores, comment and advice in the item's history and the audit log too", async () => {
    for (const viewer of [f.agencyAdmin, f.executive, f.supervisor]) {
      const { scores, body } = await scoreTrail(viewer);
      expect(scores).toHaveLength(4); // two score entries, each in the history and in the audit list
      expect(scores.every((e) => e.withheld && e.before === null && e.after === null)).toBe(true);
      expect(body).not.toContain('เพิ่มแผนผัง');
      expect(body).not.toContain('พบบางส่วน');
    }
    const own = await scoreTrail(f.assessor);
    expect(own.scores.every((e) => !e.withheld)).toBe(true);
    expect(own.body).toContain('เพิ่มแผนผัง');
  });

  it('shows the original evidence (approval snapshot) beside each URL', async () => {
    const view = (await f.assessor.get(`${base()}/assessment`)).json<Assessment>();
    const first = view.indicators[0]?.subIndicators[0]?.items[0];
    expect(first?.evidence).toHaveLength(1);
    expect(first?.evidence[0]).toMatchObject({
      original: { purpose: 'approval', status: 'done', httpStatus: 200 },
      latest: { purpose: 'approval' },
    });
    expect(view.current).toMatchObject({ code: 'oit_scoring', closesOn: '2025-06-06', open: true });
  });

  it('refuses to submit while items are unscored, listing them', async () => {
    await f.at(DURING.scoring);
    const res = await f.assessor.post(`${base()}/assessment/submit`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('oit_unscored_items');
    expect(res.json().error.details.items).toHaveLength(f.items.length - 1);
    expect(await itemState(t.deps.db, f.agencyId, item(0).code)).toBe('approved');
  });

  it('submits: every item assessed, the review assessed, evidence checked again, the agency sees its scores', async () => {
    await f.at(DURING.scoring);
    for (const [n, it] of f.items.entries()) if (n > 0) await score(n, scoreBody(it, n === 1 ? 0 : 100));
    const res = await f.assessor.post(`${base()}/assessment/submit`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ReviewResult>()).toMatchObject({ status: 'assessed', items: f.items.length });
    expect(await itemState(t.deps.db, f.agencyId, item(0).code)).toBe('assessed');
    expect(await storedReview(t.deps.db, f.agencyId)).toMatchObject({ status: 'assessed' });
    const queued = await t.deps.db
      .select()
      .from(evidenceSnapshots)
      .where(and(eq(evidenceSnapshots.agencyId, f.agencyId), eq(evidenceSnapshots.purpose, 'assessment')));
    expect(queued).toHaveLength(f.items.length);
    const entries = await auditOf(t.deps.db, 'oit_answer', `${f.agencyId}:${YEAR}:${item(0).code}`);
    expect(entries.at(-1)).toMatchObject({
      action: 'assess',
      before: { state: 'approved' },
      after: { state: 'assessed' },
    });

    const agencyView = (await f.agencyAdmin.get(`${base()}/assessment`)).json<Assessment>();
    expect(agencyView.scoresVisible).toBe(true);
    const second = agencyView.indicators.flatMap((i) => i.subIndicators.flatMap((s) => s.items))[1];
    expect(second?.score).toMatchObject({ score: 0, advice: expect.any(String) });
    expect(agencyView.oitScore).toMatchObject({ complete: true });
    expect(agencyView.oitScore?.score).toBeLessThan(100);
  });

  it("shows the scores in the item's history and the audit log once the assessment is submitted", async () => {
    for (const viewer of [f.agencyAdmin, f.executive, f.supervisor]) {
      const { scores, body } = await scoreTrail(viewer);
      expect(scores.length).toBeGreaterThan(0);
      expect(scores.every((e) => !e.withheld)).toBe(true);
      expect(body).toContain('เพิ่มแผนผัง');
    }
  });

  it('refuses a second submission and keeps re-scoring possible while the stage is open', async () => {
    await f.at(DURING.scoring);
    const again = await f.assessor.post(`${base()}/assessment/submit`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('oit_already_assessed');
    const rescored = await score(2, scoreBody(item(2), 0));
    expect(rescored.statusCode, rescored.body).toBe(200);
    expect(rescored.json<ItemResult>()).toMatchObject({ state: 'assessed', score: { score: 0 } });
  });

  it('refuses an item that does not apply or does not exist (404), and an assessor not assigned (403)', async () => {
    await f.at(DURING.scoring);
    const unknown = await f.assessor.put(`${base()}/items/o999/score`, { score: 100, componentsFound: [] });
    expect(unknown.statusCode).toBe(404);
    expect(
      (await f.agencyAdmin.put(`${base()}/items/${item(0).code}/score`, scoreBody(item(0), 100))).statusCode,
    ).toBe(403);
  });

  describe('illegal moves', () => {
    let g: OitAssessmentFixture;
    const gBase = () => `/api/agencies/${g.agencyId}/oit/${YEAR}`;
    const gItem = (n: number) => g.items[n] as { code: string; components: number };

    beforeAll(async () => {
      g = await approvedAgency(t);
      // The executive returned one item and it was sent back for approval: not approved any more.
      await t.deps.db
        .update(oitAnswers)
        .set({ state: 'submitted' })
        .where(and(eq(oitAnswers.agencyId, g.agencyId), eq(oitAnswers.itemCode, gItem(3).code)));
    });

    it('refuses to score an item awaiting approval, naming its state', async () => {
      await g.at(DURING.scoring);
      const res = await g.assessor.put(`${gBase()}/items/${gItem(3).code}/score`, scoreBody(gItem(3), 100));
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'oit_item_not_scorable',
        th: expect.stringContaining('รอผู้บริหารอนุมัติ'),
        details: { state: 'submitted' },
      });
    });

    it('refuses to submit while items are not approved, listing them', async () => {
      await g.at(DURING.scoring);
      const res = await g.assessor.post(`${gBase()}/assessment/submit`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'oit_not_approved',
        details: { items: [gItem(3).code] },
      });
    });

    it('refuses a clarification of an item not yet assessed (the state machine explains why)', async () => {
      await g.at(DURING.scoring);
      expect(
        (await g.assessor.put(`${gBase()}/items/${gItem(0).code}/score`, scoreBody(gItem(0), 0))).statusCode,
      ).toBe(200);
      await g.at(DURING.clarification);
      const res = await g.agencyAdmin.post(`${gBase()}/items/${gItem(0).code}/clarification`, {
        explanation: 'มีข้อมูล',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'oit_illegal_transition',
        th: expect.stringContaining('ยื่นคำชี้แจง'),
        en: expect.stringContaining('cannot file a clarification'),
      });
    });

    it('refuses to confirm an assessment not yet submitted, and to reopen one not confirmed', async () => {
      await g.at(DURING.confirmation);
      const confirm = await g.assessor.post(`${gBase()}/confirm`);
      expect(confirm.statusCode).toBe(409);
      expect(confirm.json().error.code).toBe('oit_not_assessed');
      const reopen = await g.admin.post(`${gBase()}/reopen`, { reason: 'ทดสอบ' });
      expect(reopen.statusCode).toBe(409);
      expect(reopen.json().error.code).toBe('oit_not_confirmed');
    });
  });
});
