import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { oitAnswers, oitReviews, oitScores } from '../../db/schema/index.ts';
import { itemsOf, oitSuite, WEBSITE, YEAR } from './oit.fixture.testing.ts';

type Item = { code: string; answer: { state: string; returnComment: string | null }; can: { edit: boolean } };
const states = (checklist: unknown) =>
  Object.fromEntries(
    (itemsOf(checklist as Parameters<typeof itemsOf>[0]) as unknown as Item[]).map((i) => [
      i.code,
      i.answer.state,
    ]),
  );
const find = (checklist: unknown, code: string) =>
  (itemsOf(checklist as Parameters<typeof itemsOf>[0]) as unknown as Item[]).find(
    (i) => i.code === code,
  ) as Item;

describe('OIT submission, approval and return', () => {
  const s = oitSuite();
  const url = (step: string) => `${s.base()}/${step}`;
  const review = async () =>
    (
      await s.t.deps.db
        .select()
        .from(oitReviews)
        .where(and(eq(oitReviews.agencyId, s.f.A), eq(oitReviews.year, YEAR)))
    )[0];

  it('refuses to submit while items are unanswered, listing them, and changes nothing', async () => {
    await s.answerAll(['o4', 'o17']);
    // An undecided draft and a "has" without an explanation are not answers yet.
    const admin = await s.as('agencyAdmin');
    await admin.put(s.item('o4'), { has: null, urls: [], explanation: null });
    await admin.put(s.item('o17'), { has: true, urls: [`${WEBSITE}/x`], explanation: '' });
    const res = await admin.post(url('submit'));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'oit_unanswered',
      details: { unanswered: ['o4', 'o17'] },
    });
    expect(res.json().error.th).toContain('o4, o17');
    expect(new Set(Object.values(states((await admin.get(s.base())).json())))).toEqual(new Set(['draft']));
    expect(await s.auditOf('oit_review', `${s.f.A}:${YEAR}`)).toEqual([]);
  });

  it('lets only the agency admin submit, and only the executive approve or return', async () => {
    for (const who of ['executive', 'staff', 'supervisor', 'assessor', 'admin'] as const)
      expect((await (await s.as(who)).post(url('submit'))).statusCode, who).toBe(403);
    for (const who of ['agencyAdmin', 'staff', 'supervisor', 'assessor', 'admin'] as const) {
      expect((await (await s.as(who)).post(url('approve'))).statusCode, who).toBe(403);
      const ret = await (await s.as(who)).post(url('return'), { items: [{ code: 'o1', comment: 'x' }] });
      expect(ret.statusCode, who).toBe(403);
    }
  });

  it('refuses approval before anything was submitted', async () => {
    const res = await (await s.as('executive')).post(url('approve'));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('oit_nothing_to_approve');
  });

  it('submits every item once all are answered, and locks them from editing', async () => {
    const admin = await s.as('agencyAdmin');
    await admin.put(s.item('o4'), { has: false, urls: [], explanation: null });
    await admin.put(s.item('o17'), { has: true, urls: [`${WEBSITE}/x`], explanation: 'เมนู ITA' });
    const res = await admin.post(url('submit'));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(new Set(Object.values(states(body)))).toEqual(new Set(['submitted']));
    expect(body.review).toMatchObject({
      status: 'awaiting_approval',
      submittedBy: { id: s.f.ids.agencyAdmin },
    });
    expect(body.can).toMatchObject({ edit: false, submit: false });
    expect((await review())?.status).toBe('awaiting_approval');

    const edit = await admin.put(s.item('o1'), { has: false, urls: [], explanation: null });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('oit_illegal_transition');

    // Submitting again is no change.
    expect((await admin.post(url('submit'))).statusCode).toBe(200);
    const reviewAudit = await s.auditOf('oit_review', `${s.f.A}:${YEAR}`);
    expect(reviewAudit.map((a) => [a.action, a.before, (a.after as { status: string }).status])).toEqual([
      ['submit', { status: 'answering' }, 'awaiting_approval'],
    ]);
    const itemAudit = await s.auditOf('oit_answer', s.entityId('o1'));
    expect(itemAudit.at(-1)).toMatchObject({
      action: 'submit',
      before: { state: 'draft' },
      after: { state: 'submitted' },
    });

    const exec = (await (await s.as('executive')).get(s.base())).json();
    expect(exec.can).toMatchObject({ approve: true, return: true, edit: false, submit: false });
  });

  it('refuses a return without a comment for every item, and changes nothing', async () => {
    const exec = await s.as('executive');
    const blank = await exec.post(url('return'), {
      items: [
        { code: 'o1', comment: 'ลิงก์เสีย' },
        { code: 'o2', comment: '   ' },
      ],
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error).toMatchObject({
      code: 'oit_return_comment_required',
      details: { items: ['o2'] },
    });
    const twice = await exec.post(url('return'), {
      items: [
        { code: 'o1', comment: 'a' },
        { code: 'o1', comment: 'b' },
      ],
    });
    expect(twice.json().error.code).toBe('oit_return_duplicate');
    const missing = await exec.post(url('return'), { items: [{ code: 'o1' }] });
    expect(missing.statusCode).toBe(400);
    expect(new Set(Object.values(states((await exec.get(s.base())).json())))).toEqual(new Set(['submitted']));
  });

  it('approves every submitted item, locking the answers and snapshotting their URLs as original evidence', async () => {
    const res = await (await s.as('executive')).post(url('approve'));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(new Set(Object.values(states(body)))).toEqual(new Set(['approved']));
    expect(body.review).toMatchObject({ status: 'approved', approvedBy: { id: s.f.ids.executive } });
    expect(body.progress).toMatchObject({ approved: 28, submitted: 28 });
    expect((await s.snapshotsOf('o1')).map((x) => x.purpose).sort()).toEqual(['approval', 'saved']);
    // "Hasn't" items have no evidence to keep.
    expect((await s.snapshotsOf('o4')).map((x) => x.purpose)).toEqual([]);

    const edit = await (await s.as('agencyAdmin')).put(s.item('o1'), {
      has: false,
      urls: [],
      explanation: null,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('oit_illegal_transition');
    expect((await (await s.as('executive')).post(url('approve'))).statusCode).toBe(200); // a double click
    expect(await s.auditOf('oit_answer', s.entityId('o1'))).toHaveLength(3); // save, submit, approve
  });

  it('returns an approved item with a comment; it is editable again and goes back through approval', async () => {
    const exec = await s.as('executive');
    const res = await exec.post(url('return'), { items: [{ code: 'o1', comment: ' แผนผังไม่เป็นปัจจุบัน ' }] });
    expect(res.statusCode).toBe(200);
    expect(find(res.json(), 'o1').answer).toMatchObject({
      state: 'returned',
      returnComment: 'แผนผังไม่เป็นปัจจุบัน',
    });
    expect(res.json().review.status).toBe('answering');
    const [o1] = await s.t.deps.db.select().from(oitAnswers).where(eq(oitAnswers.itemCode, 'o1'));
    expect(o1?.approvedAt).toBeNull();
    expect(await s.auditOf('oit_answer', s.entityId('o1'))).toContainEqual(
      expect.objectContaining({
        action: 'return',
        actorRole: 'executive',
        before: expect.objectContaining({ state: 'approved' }),
        after: expect.objectContaining({ state: 'returned', returnComment: 'แผนผังไม่เป็นปัจจุบัน' }),
      }),
    );

    const admin = await s.as('agencyAdmin');
    const view = (await admin.get(s.base())).json();
    expect(find(view, 'o1').can.edit).toBe(true);
    expect(find(view, 'o2').can.edit).toBe(false);
    const saved = await admin.put(s.item('o1'), {
      has: true,
      urls: [`${WEBSITE}/about/structure-2568`],
      explanation: 'หน้าแรก > เกี่ยวกับเรา',
    });
    expect(find(saved.json(), 'o1').answer).toMatchObject({ state: 'returned' });
    expect((await admin.put(s.item('o2'), { has: false, urls: [], explanation: null })).statusCode).toBe(409);

    const resubmitted = await admin.post(url('submit'));
    expect(find(resubmitted.json(), 'o1').answer.state).toBe('submitted');
    expect(find(resubmitted.json(), 'o2').answer.state).toBe('approved');
    expect(resubmitted.json().review.status).toBe('awaiting_approval');

    // Returning an item that is not awaiting approval is refused, and returns nothing else either.
    const wrong = await exec.post(url('return'), {
      items: [
        { code: 'o1', comment: 'อีกครั้ง' },
        { code: 'o99', comment: 'x' },
      ],
    });
    expect(wrong.statusCode).toBe(404);
    expect(find((await exec.get(s.base())).json(), 'o1').answer.state).toBe('submitted');

    const approved = await exec.post(url('approve'));
    expect(find(approved.json(), 'o1').answer).toMatchObject({ state: 'approved', returnComment: null });
    expect(approved.json().review.status).toBe('approved');
    // The test clock stands still, so the checks share one time: compare them as a set.
    expect((await s.snapshotsOf('o1')).map((x) => `${x.purpose} ${x.url}`).sort()).toEqual([
      `approval ${WEBSITE}/about/structure-2568`,
      `approval ${WEBSITE}/oit/o1`,
      `saved ${WEBSITE}/about/structure-2568`,
      `saved ${WEBSITE}/oit/o1`,
    ]);
  });

  it('refuses to return an approved item once the assessor has scored it, and changes nothing', async () => {
    // Windows can overlap through extensions: the score, not the calendar, closes the way back.
    await s.t.deps.db
      .insert(oitScores)
      .values({ agencyId: s.f.A, year: YEAR, itemCode: 'o2', score: 100, componentsFound: [0, 1, 2] });
    const exec = await s.as('executive');
    const res = await exec.post(url('return'), {
      items: [
        { code: 'o1', comment: 'ขอแก้ไข' },
        { code: 'o2', comment: 'ขอแก้ไข' },
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'oit_return_after_scoring',
      th: expect.stringContaining('o2'),
      details: { items: ['o2'] },
    });
    const view = (await exec.get(s.base())).json();
    expect([find(view, 'o1').answer.state, find(view, 'o2').answer.state]).toEqual(['approved', 'approved']);
    await s.t.deps.db.delete(oitScores).where(eq(oitScores.itemCode, 'o2'));
  });

  it('refuses approval and return after the oit_answering stage, naming its dates', async () => {
    s.t.clock.set(new Date('2025-05-10T03:00:00Z'));
    try {
      const exec = await s.fresh('executive');
      const res = await exec.post(url('return'), { items: [{ code: 'o2', comment: 'ช้าไป' }] });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'oit_answering_closed',
        details: { closesOn: '2025-04-30' },
      });
      expect((await exec.post(url('approve'))).json().error.code).toBe('oit_answering_closed');
      expect((await (await s.fresh('agencyAdmin')).post(url('submit'))).statusCode).toBe(409);
    } finally {
      s.t.clock.set(new Date('2025-03-01T03:00:00Z'));
    }
    expect(find((await (await s.as('executive')).get(s.base())).json(), 'o2').answer.state).toBe('approved');
  });
});
