import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { oitAnswers, oitReviews, stageExtensions } from '../../db/schema/index.ts';
import { itemsOf, oitSuite, WEBSITE, YEAR } from './oit.fixture.testing.ts';

type Item = {
  code: string;
  answer: Record<string, unknown> & { urls: { url: string; warnings: string[]; evidence: unknown }[] };
  can: { edit: boolean; delegate: boolean };
};
const find = (checklist: unknown, code: string) =>
  itemsOf(checklist as Parameters<typeof itemsOf>[0]).find((i) => i.code === code) as unknown as Item;

describe('OIT checklist and answers', () => {
  const s = oitSuite();
  const answer = {
    has: true,
    urls: [`${WEBSITE}/about/structure`],
    explanation: 'หน้าแรก > เกี่ยวกับเรา > โครงสร้าง',
  };

  it('lists the applicable items by indicator and sub-indicator with their requirements and the stage', async () => {
    const res = await (await s.as('agencyAdmin')).get(s.base());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.indicators.map((i: { code: string }) => i.code)).toEqual(['9', '10']);
    expect(body.indicators[0].subIndicators.map((x: { code: string }) => x.code)).toEqual([
      '9.1',
      '9.2',
      '9.3',
      '9.4',
      '9.5',
    ]);
    expect(body.progress).toEqual({ answered: 0, total: 28, submitted: 0, approved: 0 });
    expect(body.unanswered).toHaveLength(28);
    expect(body.stage).toMatchObject({
      code: 'oit_answering',
      open: true,
      opensOn: '2025-01-01',
      closesOn: '2025-04-30',
      today: '2025-03-01',
    });
    expect(body.review).toMatchObject({ status: 'answering', submittedAt: null });
    const o1 = find(body, 'o1') as unknown as Record<string, unknown>;
    expect(o1).toMatchObject({
      title: { th: 'โครงสร้างหน่วยงาน' },
      conditions: { mainWebsite: true },
      answer: { state: 'draft', has: null, urls: [], answered: false, assignee: null },
      can: { edit: true, delegate: true },
    });
    expect((o1.components as unknown[]).length).toBe(2);
    expect(body.can).toEqual({ edit: true, delegate: true, submit: true, approve: false, return: false });
    expect(body.assignees.map((a: { displayName: string }) => a.displayName).length).toBe(3);
  });

  it('shows the checklist to the executive, supervisor and assessor, read-only', async () => {
    for (const who of ['executive', 'supervisor', 'assessor', 'admin'] as const) {
      const res = await (await s.as(who)).get(s.base());
      expect(res.statusCode, who).toBe(200);
      expect(res.json().can, who).toEqual({
        edit: false,
        delegate: false,
        submit: false,
        approve: false,
        return: false,
      });
      expect(res.json().assignees, who).toEqual([]);
    }
  });

  it('saves a draft, creates the review row, queues an evidence check and records before → after', async () => {
    const res = await (await s.as('agencyAdmin')).put(s.item('o1'), answer);
    expect(res.statusCode).toBe(200);
    const o1 = find(res.json(), 'o1');
    expect(o1.answer).toMatchObject({
      state: 'draft',
      has: true,
      explanation: answer.explanation,
      answered: true,
      updatedBy: { id: s.f.ids.agencyAdmin },
    });
    expect(o1.answer.urls).toEqual([
      {
        url: answer.urls[0],
        warnings: [],
        evidence: expect.objectContaining({ purpose: 'saved', status: 'pending' }),
      },
    ]);
    expect(res.json().progress.answered).toBe(1);
    const [review] = await s.t.deps.db.select().from(oitReviews).where(eq(oitReviews.agencyId, s.f.A));
    expect(review?.status).toBe('answering');
    expect((await s.snapshotsOf('o1')).map((x) => [x.url, x.purpose])).toEqual([[answer.urls[0], 'saved']]);
    const audit = await s.auditOf('oit_answer', s.entityId('o1'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'save',
      actorRole: 'agency_admin',
      agencyId: s.f.A,
      before: null,
      after: { state: 'draft', has: true, urls: answer.urls, explanation: answer.explanation },
    });
  });

  it('treats saving the same answer again as no change, and checks only URLs new to the item', async () => {
    const admin = await s.as('agencyAdmin');
    expect((await admin.put(s.item('o1'), answer)).statusCode).toBe(200);
    expect(await s.auditOf('oit_answer', s.entityId('o1'))).toHaveLength(1);
    expect(await s.snapshotsOf('o1')).toHaveLength(1);

    const second = 'https://www.oit-a.go.th/about/chart.pdf';
    const res = await admin.put(s.item('o1'), { ...answer, urls: [...answer.urls, ` ${second} `, ''] });
    expect(find(res.json(), 'o1').answer.urls.map((u) => u.url)).toEqual([answer.urls[0], second]);
    expect((await s.snapshotsOf('o1')).map((x) => x.url).sort()).toEqual([answer.urls[0], second].sort());
    const audit = await s.auditOf('oit_answer', s.entityId('o1'));
    expect(audit.at(-1)).toMatchObject({
      before: { urls: answer.urls },
      after: { urls: [answer.urls[0], second] },
    });
  });

  it('refuses URLs that are not absolute http(s) and changes nothing', async () => {
    const admin = await s.as('agencyAdmin');
    const before = await s.t.deps.db.select().from(oitAnswers).where(eq(oitAnswers.itemCode, 'o1'));
    const auditBefore = await s.auditOf('oit_answer', s.entityId('o1'));
    const res = await admin.put(s.item('o1'), {
      has: true,
      urls: ['https://www.oit-a.go.th/ok', 'www.oit-a.go.th/no-scheme', 'ftp://oit-a.go.th/file'],
      explanation: 'x',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'oit_invalid_answer',
      details: {
        problems: [
          { code: 'url_not_absolute', path: 'urls.1', url: 'www.oit-a.go.th/no-scheme' },
          { code: 'url_not_http', path: 'urls.2', url: 'ftp://oit-a.go.th/file' },
        ],
      },
    });
    expect(res.json().error.th).toContain('www.oit-a.go.th/no-scheme');
    const tooMany = await admin.put(s.item('o1'), {
      has: true,
      urls: Array.from({ length: 11 }, (_, i) => `${WEBSITE}/${i}`),
      explanation: 'x',
    });
    expect(tooMany.json().error.details.problems[0].code).toBe('too_many_urls');
    const longText = await admin.put(s.item('o1'), { has: false, urls: [], explanation: 'ก'.repeat(4001) });
    expect(longText.json().error.details.problems[0].code).toBe('explanation_too_long');
    const wrongType = await admin.put(s.item('o1'), { has: 'yes', urls: [], explanation: null });
    expect(wrongType.statusCode).toBe(400);

    expect(await s.t.deps.db.select().from(oitAnswers).where(eq(oitAnswers.itemCode, 'o1'))).toEqual(before);
    expect(await s.auditOf('oit_answer', s.entityId('o1'))).toEqual(auditBefore);
    expect(await s.snapshotsOf('o1')).toHaveLength(2);
  });

  it('refuses an item the framework does not have', async () => {
    const res = await (await s.as('agencyAdmin')).put(s.item('o99'), answer);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('oit_item_not_found');
  });

  it('warns about URLs outside the main website, and keeps URLs when the answer becomes "hasn\'t"', async () => {
    const admin = await s.as('agencyAdmin');
    const res = await admin.put(s.item('o2'), {
      has: true,
      urls: ['https://www.facebook.com/oit-a', `${WEBSITE}/executives`],
      explanation: 'หน้าผู้บริหาร',
    });
    expect(find(res.json(), 'o2').answer.urls.map((u) => u.warnings)).toEqual([['not_main_domain'], []]);
    const none = await admin.put(s.item('o2'), {
      has: false,
      urls: ['https://www.facebook.com/oit-a', `${WEBSITE}/executives`],
      explanation: null,
    });
    expect(find(none.json(), 'o2').answer).toMatchObject({ has: false, answered: true });
    expect(find(none.json(), 'o2').answer.urls).toHaveLength(2);
  });

  describe('delegation', () => {
    it('lets staff see every item but edit none until one is delegated to them', async () => {
      const staff = await s.as('staff');
      const view = (await staff.get(s.base())).json();
      expect(itemsOf(view)).toHaveLength(28);
      expect(view.can).toMatchObject({ edit: false, delegate: false, submit: false });
      const res = await staff.put(s.item('o3'), answer);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('oit_not_delegated');
      expect(await s.auditOf('oit_answer', s.entityId('o3'))).toEqual([]);
    });

    it('lets the agency admin delegate an item to a staff member, who may then edit only that item', async () => {
      const res = await (await s.as('agencyAdmin')).put(`${s.item('o3')}/assignee`, {
        userId: s.f.ids.staff,
      });
      expect(res.statusCode).toBe(200);
      expect(find(res.json(), 'o3').answer.assignee).toEqual({
        id: s.f.ids.staff,
        displayName: expect.any(String),
      });
      const staff = await s.as('staff');
      const view = (await staff.get(s.base())).json();
      expect(find(view, 'o3').can.edit).toBe(true);
      expect(find(view, 'o4').can.edit).toBe(false);
      expect(view.can.edit).toBe(true);
      const saved = await staff.put(s.item('o3'), answer);
      expect(saved.statusCode).toBe(200);
      expect(find(saved.json(), 'o3').answer).toMatchObject({ has: true, updatedBy: { id: s.f.ids.staff } });
      expect((await staff.put(s.item('o4'), answer)).statusCode).toBe(403);
      expect((await (await s.as('staff2')).put(s.item('o3'), answer)).statusCode).toBe(403);
      // The admin still reviews and edits delegated items.
      expect(
        (await (await s.as('agencyAdmin')).put(s.item('o3'), { ...answer, explanation: 'แก้ไข' })).statusCode,
      ).toBe(200);
      const audit = await s.auditOf('oit_answer', s.entityId('o3'));
      expect(audit.map((a) => [a.action, a.actorRole])).toEqual([
        ['assign', 'agency_admin'],
        ['save', 'agency_staff'],
        ['save', 'agency_admin'],
      ]);
      expect(audit[0]).toMatchObject({
        before: { assignee: null },
        after: { assignee: { id: s.f.ids.staff } },
      });
    });

    it('delegates only to active staff or admins of the same agency, and only the agency admin delegates', async () => {
      const admin = await s.as('agencyAdmin');
      for (const userId of [s.f.ids.staffB, s.f.ids.executive, s.f.ids.assessor, crypto.randomUUID()]) {
        const res = await admin.put(`${s.item('o5')}/assignee`, { userId });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('oit_assignee_not_allowed');
      }
      expect(
        (await (await s.as('executive')).put(`${s.item('o5')}/assignee`, { userId: s.f.ids.staff }))
          .statusCode,
      ).toBe(403);
      expect(
        (await (await s.as('staff')).put(`${s.item('o5')}/assignee`, { userId: s.f.ids.staff })).statusCode,
      ).toBe(403);
      expect(await s.auditOf('oit_answer', s.entityId('o5'))).toEqual([]);
    });

    it('takes an item back (assignee null), after which the staff member can no longer edit it', async () => {
      const res = await (await s.as('agencyAdmin')).put(`${s.item('o3')}/assignee`, { userId: null });
      expect(find(res.json(), 'o3').answer.assignee).toBeNull();
      expect((await (await s.as('staff')).put(s.item('o3'), answer)).statusCode).toBe(403);
    });
  });

  it('documents its endpoints and response shapes in the OpenAPI description', async () => {
    const doc = (await s.t.anonymous().get('/api/docs/json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/agencies/{id}/oit/{year}',
        '/api/agencies/{id}/oit/{year}/items/{code}',
        '/api/agencies/{id}/oit/{year}/items/{code}/assignee',
      ]),
    );
    expect(JSON.stringify(doc.paths['/api/agencies/{id}/oit/{year}'].get.responses['200'])).toContain(
      'unanswered',
    );
  });

  it('refuses roles that do not answer, and other agencies', async () => {
    for (const who of ['executive', 'supervisor', 'assessor', 'admin', 'agencyAdminB'] as const)
      expect((await (await s.as(who)).put(s.item('o6'), answer)).statusCode, who).toBe(403);
    expect((await (await s.as('agencyAdmin')).put(s.item('o6', s.f.B), answer)).statusCode).toBe(403);
    expect((await (await s.as('agencyAdmin')).get(s.base(s.f.B))).statusCode).toBe(403);
  });

  describe('outside the oit_answering stage', () => {
    it('refuses saving and delegating with the stage dates, and allows reading', async () => {
      s.t.clock.set(new Date('2025-05-02T03:00:00Z'));
      try {
        const admin = await s.fresh('agencyAdmin');
        const res = await admin.put(s.item('o1'), { ...answer, explanation: 'หลังปิด' });
        expect(res.statusCode).toBe(409);
        expect(res.json().error).toMatchObject({
          code: 'oit_answering_closed',
          details: { opensOn: '2025-01-01', closesOn: '2025-04-30' },
        });
        expect(res.json().error.th).toContain('2568');
        expect(res.json().error.en).toContain('30 April 2025');
        expect((await admin.put(`${s.item('o7')}/assignee`, { userId: s.f.ids.staff })).statusCode).toBe(409);
        const view = await admin.get(s.base());
        expect(view.statusCode).toBe(200);
        expect(view.json().stage.open).toBe(false);
        expect(view.json().can).toMatchObject({ edit: false, submit: false, delegate: false });

        s.t.clock.set(new Date('2024-12-31T03:00:00Z'));
        const early = await (await s.fresh('agencyAdmin')).put(s.item('o1'), answer);
        expect(early.json().error.code).toBe('oit_answering_not_open');
      } finally {
        s.t.clock.set(new Date('2025-03-01T03:00:00Z'));
      }
      const [o1] = await s.t.deps.db.select().from(oitAnswers).where(eq(oitAnswers.itemCode, 'o1'));
      expect(o1?.explanation).toBe(answer.explanation);
    });

    it('accepts answers during an extension granted to the agency', async () => {
      await s.t.deps.db.insert(stageExtensions).values({
        agencyId: s.f.A,
        year: YEAR,
        stage: 'oit_answering',
        endsOn: '2025-05-15',
        reason: 'เว็บไซต์ล่ม',
        grantedBy: s.f.ids.admin,
      });
      s.t.clock.set(new Date('2025-05-02T03:00:00Z'));
      try {
        const res = await (await s.fresh('agencyAdmin')).put(s.item('o8'), {
          has: false,
          urls: [],
          explanation: null,
        });
        expect(res.statusCode).toBe(200);
        expect(res.json().stage).toMatchObject({ open: true, closesOn: '2025-05-15', extended: true });
      } finally {
        s.t.clock.set(new Date('2025-03-01T03:00:00Z'));
        await s.t.deps.db.delete(stageExtensions).where(eq(stageExtensions.agencyId, s.f.A));
      }
    });
  });
});
