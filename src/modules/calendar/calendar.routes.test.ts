import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.ts';
import { stakeholderSuite, YEAR } from '../stakeholders/stakeholders.fixture.testing.ts';
import { collectionWindow } from './index.ts';

type Stage = { code: string; open: boolean; effectiveEnd: string; extended: boolean };

describe('calendar and collection windows', () => {
  const s = stakeholderSuite();
  const url = (id: string) => `/api/agencies/${id}/calendar/${YEAR}`;
  const key = () => ({ agencyId: s.f.A.id, year: YEAR, stage: 'iit_collection' });

  it("lists the framework's stages with which are open now", async () => {
    s.t.clock.set(new Date('2025-03-01T03:00:00Z'));
    const res = await (await s.as('executive')).get(url(s.f.A.id));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.today).toBe('2025-03-01');
    expect(body.current).toEqual(['measures', 'iit_collection', 'eit_collection', 'oit_answering']);
    expect(body.stages.find((x: Stage) => x.code === 'iit_collection')).toMatchObject({
      start: '2025-01-01',
      end: '2025-06-30',
      effectiveEnd: '2025-06-30',
      extended: false,
      extension: null,
    });
  });

  it('closes a collection window at midnight in Bangkok after its last day', async () => {
    const db = s.t.deps.db;
    expect(await collectionWindow(db, key(), new Date('2025-06-30T16:59:59Z'))).toMatchObject({ open: true });
    expect(await collectionWindow(db, key(), new Date('2025-06-30T17:00:00Z'))).toEqual({
      open: false,
      opensOn: '2025-01-01',
      closesOn: '2025-06-30',
      extended: false,
      closed: false,
      phase: 'ended',
      daysLeft: null,
    });
  });

  it('treats a stage the framework does not have as closed', async () => {
    const w = await collectionWindow(s.t.deps.db, { ...key(), stage: 'no_such_stage' }, new Date());
    expect(w).toEqual({
      open: false,
      opensOn: null,
      closesOn: null,
      extended: false,
      closed: false,
      phase: null,
      daysLeft: null,
    });
  });

  it('lets an admin extend a stage for one agency, audited', async () => {
    const admin = await s.as('admin');
    const res = await admin.put(`${url(s.f.A.id)}/extensions/iit_collection`, {
      endsOn: '2025-07-15',
      reason: 'น้ำท่วมสำนักงาน',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().stages.find((x: Stage) => x.code === 'iit_collection')).toMatchObject({
      effectiveEnd: '2025-07-15',
      extended: true,
      extension: { endsOn: '2025-07-15', reason: 'น้ำท่วมสำนักงาน' },
    });
    const w = await collectionWindow(s.t.deps.db, key(), new Date('2025-07-10T03:00:00Z'));
    expect(w).toEqual({
      open: true,
      opensOn: '2025-01-01',
      closesOn: '2025-07-15',
      extended: true,
      closed: false,
      phase: 'open',
      daysLeft: 5,
    });
    // Another agency keeps the framework's dates.
    const other = await collectionWindow(
      s.t.deps.db,
      { ...key(), agencyId: s.f.B.id },
      new Date('2025-07-10T03:00:00Z'),
    );
    expect(other.open).toBe(false);
  });

  it('refuses an extension that ends before the stage does, or an unknown stage', async () => {
    const admin = await s.as('admin');
    const early = await admin.put(`${url(s.f.A.id)}/extensions/iit_collection`, {
      endsOn: '2025-06-01',
      reason: 'x',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.code).toBe('extension_not_later');
    const unknown = await admin.put(`${url(s.f.A.id)}/extensions/no_such_stage`, {
      endsOn: '2025-08-01',
      reason: 'x',
    });
    expect(unknown.json().error.code).toBe('unknown_stage');
  });

  it('refuses an extension when the cycle is not open for the agency', async () => {
    const res = await (await s.as('admin')).put(`${url(s.f.C.id)}/extensions/iit_collection`, {
      endsOn: '2025-07-15',
      reason: 'x',
    });
    expect(res.statusCode).toBe(409);
  });

  it('removes an extension (again: no error) and keeps others from extending', async () => {
    const admin = await s.as('admin');
    const res = await admin.delete(`${url(s.f.A.id)}/extensions/iit_collection`);
    expect(res.statusCode).toBe(200);
    expect(res.json().stages.find((x: Stage) => x.code === 'iit_collection').extended).toBe(false);
    expect((await admin.delete(`${url(s.f.A.id)}/extensions/iit_collection`)).statusCode).toBe(200);
    const actions = await s.t.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'stage_extension'), eq(auditLog.agencyId, s.f.A.id)))
      .orderBy(asc(auditLog.seq));
    expect(actions.map((a) => a.action)).toEqual(['create', 'delete']);
    const agencyAdmin = await s.as('agency_admin');
    expect(
      (
        await agencyAdmin.put(`${url(s.f.A.id)}/extensions/iit_collection`, {
          endsOn: '2025-07-15',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('says the same on every page: an OIT extension keeps the home calendar and the OIT page in agreement', async () => {
    // Long after FY2568's own dates: without the extension every stage has ended for the agency.
    s.t.clock.set(new Date('2025-12-06T03:00:00Z'));
    // Fresh sign-ins: the suite's sessions expired over these months.
    const exec = await s.t.signIn(s.f.users.executive);
    const before = (await exec.get(url(s.f.A.id))).json();
    expect(before).toMatchObject({ current: [], next: null, allEnded: true });
    const admin = await s.t.signIn(s.f.users.admin);
    const put = await admin.put(`${url(s.f.A.id)}/extensions/oit_answering`, {
      endsOn: '2026-06-04',
      reason: 'ขยายเวลาตอบ OIT',
    });
    expect(put.statusCode).toBe(200);
    const calendar = (await exec.get(url(s.f.A.id))).json();
    expect(calendar).toMatchObject({ today: '2025-12-06', current: ['oit_answering'], allEnded: false });
    const stage = calendar.stages.find((x: Stage) => x.code === 'oit_answering');
    expect(stage).toMatchObject({ open: true, phase: 'open', effectiveEnd: '2026-06-04', daysLeft: 180 });
    const oit = await exec.get(`/api/agencies/${s.f.A.id}/oit/${YEAR}`);
    expect(oit.statusCode).toBe(200);
    expect(oit.json().stage).toMatchObject({
      code: 'oit_answering',
      open: stage.open,
      phase: stage.phase,
      closesOn: stage.effectiveEnd,
      daysLeft: stage.daysLeft,
      today: calendar.today,
    });
    // Agency B has no extension: every stage has ended for it.
    expect((await admin.get(url(s.f.B.id))).json()).toMatchObject({ current: [], allEnded: true });
  });
});
