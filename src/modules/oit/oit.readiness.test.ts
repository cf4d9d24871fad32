import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { evidenceSnapshots } from '../../db/schema/index.ts';
import { appendAudit } from '../audit/index.ts';
import { oitSuite, WEBSITE, YEAR } from './oit.fixture.testing.ts';

describe('OIT readiness and item history', () => {
  const s = oitSuite();
  const readiness = async (who: Parameters<typeof s.as>[0] = 'agencyAdmin') =>
    (await (await s.as(who)).get(`${s.base()}/readiness`)).json();
  /** What the evidence worker would leave after fetching a URL. */
  const checked = (itemCode: string, httpStatus: number) =>
    s.t.deps.db
      .update(evidenceSnapshots)
      .set({ status: 'done', httpStatus, fetchedAt: s.t.deps.now() })
      .where(and(eq(evidenceSnapshots.agencyId, s.f.A), eq(evidenceSnapshots.itemCode, itemCode)));

  it('starts with every applicable item unanswered and a would-be score of 0', async () => {
    const r = await readiness();
    expect(r).toMatchObject({
      agencyId: s.f.A,
      year: YEAR,
      total: 28,
      answered: 0,
      approved: 0,
      evidenceReachable: 0,
    });
    expect(r.wouldBe).toEqual({ instrument: 'OIT', score: 0 });
    expect(r.subIndicators.map((x: { code: string }) => x.code)).toEqual([
      '9.1',
      '9.2',
      '9.3',
      '9.4',
      '9.5',
      '10.1',
      '10.2',
    ]);
    expect(r.subIndicators[0]).toMatchObject({
      indicator: '9',
      name: { th: expect.any(String) },
      total: expect.any(Number),
    });
  });

  it('counts answers and reachable evidence, and scores "has" items with reachable evidence as passing', async () => {
    const admin = await s.as('agencyAdmin');
    const has = (code: string) => ({ has: true, urls: [`${WEBSITE}/${code}`], explanation: `เมนู ${code}` });
    await admin.put(s.item('o1'), has('o1'));
    await admin.put(s.item('o2'), has('o2'));
    await admin.put(s.item('o3'), { has: false, urls: [], explanation: null });
    await admin.put(s.item('o4'), has('o4'));
    await checked('o1', 200);
    await checked('o2', 404);

    const r = await readiness();
    expect(r).toMatchObject({ answered: 4, approved: 0, evidenceReachable: 1 });
    const byCode = Object.fromEntries(r.items.map((i: { code: string }) => [i.code, i]));
    expect(byCode.o1).toMatchObject({ answered: true, has: true, evidence: 'reachable', wouldPass: true });
    expect(byCode.o2).toMatchObject({ evidence: 'broken', wouldPass: false });
    expect(byCode.o3).toMatchObject({ has: false, evidence: 'none', wouldPass: false });
    expect(byCode.o4).toMatchObject({ evidence: 'checking', wouldPass: false });

    // One passing item of 9.1: 9.1 = 100 / its items; indicator 9 = mean of its 5 sub-indicators; OIT = mean of
    // indicators 9 and 10 (the engine's path, here worked by hand).
    const sub91 = r.subIndicators[0];
    const itemsOf91 = r.items.filter((i: { subIndicator: string }) => i.subIndicator === '9.1').length;
    expect(sub91).toMatchObject({ code: '9.1', total: itemsOf91, evidenceReachable: 1 });
    expect(sub91.wouldBeScore).toBeCloseTo(100 / itemsOf91, 2);
    expect(r.wouldBe.score).toBeCloseTo(100 / itemsOf91 / 5 / 2, 2);
  });

  it('is readable by whoever has the agency in scope, not by other agencies', async () => {
    for (const who of ['executive', 'staff', 'supervisor', 'assessor', 'admin'] as const)
      expect((await (await s.as(who)).get(`${s.base()}/readiness`)).statusCode, who).toBe(200);
    expect((await (await s.as('agencyAdminB')).get(`${s.base()}/readiness`)).statusCode).toBe(403);
  });

  describe('item history', () => {
    it('merges the answer, score and clarification entries of the item, newest first', async () => {
      await (await s.as('agencyAdmin')).put(`${s.item('o1')}/assignee`, { userId: s.f.ids.staff });
      const db = s.t.deps.db;
      // What the assessor side records for the same item, and an entry of another item that must not show.
      await appendAudit(
        db,
        {
          actor: null,
          agencyId: s.f.A,
          entityType: 'oit_score',
          entityId: s.entityId('o1'),
          action: 'score',
          before: null,
          after: { score: 0, advice: 'เพิ่มแผนผัง' },
        },
        s.t.deps.now(),
      );
      await appendAudit(
        db,
        {
          actor: null,
          agencyId: s.f.A,
          entityType: 'oit_clarification',
          entityId: s.entityId('o1'),
          action: 'file',
          after: { explanation: 'อยู่ที่หน้าเกี่ยวกับเรา' },
        },
        s.t.deps.now(),
      );
      await appendAudit(
        db,
        {
          actor: null,
          agencyId: s.f.A,
          entityType: 'oit_score',
          entityId: s.entityId('o2'),
          action: 'score',
        },
        s.t.deps.now(),
      );

      const res = await (await s.as('supervisor')).get(`${s.item('o1')}/history`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.entityId).toBe(`${s.f.A}:${YEAR}:o1`);
      expect(
        body.items.map((e: { entityType: string; action: string }) => `${e.entityType} ${e.action}`),
      ).toEqual(['oit_clarification file', 'oit_score score', 'oit_answer assign', 'oit_answer save']);
      const seqs = body.items.map((e: { seq: number }) => e.seq);
      expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
      expect(body.items.at(-1)).toMatchObject({
        actor: { role: 'agency_admin' },
        before: null,
        after: { has: true, urls: [`${WEBSITE}/o1`] },
      });
    });

    it('is readable in scope (staff and assessors included), refused elsewhere, 404 for unknown items', async () => {
      for (const who of ['staff', 'assessor', 'executive', 'admin'] as const)
        expect((await (await s.as(who)).get(`${s.item('o1')}/history`)).statusCode, who).toBe(200);
      expect((await (await s.as('agencyAdminB')).get(`${s.item('o1')}/history`)).statusCode).toBe(403);
      const unknown = await (await s.as('agencyAdmin')).get(`${s.item('o99')}/history`);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.code).toBe('oit_item_not_found');
      const empty = await (await s.as('agencyAdmin')).get(`${s.item('o20')}/history`);
      expect(empty.json().items).toEqual([]);
    });
  });
});
