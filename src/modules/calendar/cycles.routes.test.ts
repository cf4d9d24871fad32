import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { grantScope, makeAgency, makeProvince, makeUser } from '../../../test/helpers/factories.ts';
import { auditLog, participations, stageExtensions } from '../../db/schema/index.ts';
import { loadBundledFrameworks } from '../frameworks/index.ts';
import { collectionWindow } from './index.ts';

const YEAR = 2568;
const STAGE = 'iit_collection';
// After FY2568's IIT collection (30 June 2025) and before the extension's last day.
const JULY = new Date('2025-07-10T03:00:00Z');

describe('the cycle of a year: extensions for many agencies, closing the year', () => {
  let t!: TestApp;
  const ids: Record<string, string> = {};
  const users = { admin: 'cy-admin', supervisor: 'cy-supervisor', agencyAdmin: 'cy-agency-admin' };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.deps.db;
    await loadBundledFrameworks(db);
    await makeProvince(db, { code: 'TH-C1' });
    await makeProvince(db, { code: 'TH-C2' });
    // In C1: two participating agencies (one a municipality) and one not taking part; in C2: one more.
    const agencies = {
      in1: await makeAgency(db, { code: 'CY-IN1', provinceCode: 'TH-C1', type: 'sao' }),
      in2: await makeAgency(db, { code: 'CY-IN2', provinceCode: 'TH-C1', type: 'town_municipality' }),
      notOpen: await makeAgency(db, { code: 'CY-NO', provinceCode: 'TH-C1', type: 'sao' }),
      out: await makeAgency(db, { code: 'CY-OUT', provinceCode: 'TH-C2', type: 'sao' }),
    };
    for (const [k, a] of Object.entries(agencies)) ids[k] = a.id;
    await db
      .insert(participations)
      .values([ids.in1, ids.in2, ids.out].map((agencyId) => ({ agencyId: agencyId as string, year: YEAR })));
    await makeUser(db, { role: 'admin', username: users.admin });
    const sup = await makeUser(db, { role: 'supervisor', username: users.supervisor });
    await grantScope(db, sup.id, { provinceCode: 'TH-C2' });
    await makeUser(db, { role: 'agency_admin', username: users.agencyAdmin, agencyId: ids.in1 });
  });
  afterAll(async () => t?.close());

  const open = async (key: string) =>
    (await collectionWindow(t.deps.db, { agencyId: ids[key] as string, year: YEAR, stage: STAGE }, JULY))
      .open;

  it('extends a stage for a province: every participating agency in it, and no other', async () => {
    const admin = await t.signIn(users.admin);
    const res = await admin.post(`/api/cycles/${YEAR}/extensions`, {
      target: { kind: 'province', provinceCode: 'TH-C1' },
      stage: STAGE,
      endsOn: '2025-07-31',
      reason: 'น้ำท่วมทั้งจังหวัด',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().extended).toBe(2);
    expect(new Set(res.json().agencyIds)).toEqual(new Set([ids.in1, ids.in2]));
    expect(await open('in1')).toBe(true);
    expect(await open('in2')).toBe(true);
    // The agency of another province keeps the framework's dates; the one not taking part gets nothing.
    expect(await open('out')).toBe(false);
    expect(await open('notOpen')).toBe(false);
    const rows = await t.deps.db.select().from(stageExtensions).where(eq(stageExtensions.year, YEAR));
    expect(rows.map((r) => r.agencyId).sort()).toEqual([ids.in1, ids.in2].sort());
    // One audit entry per agency, each naming its agency.
    const audited = await t.deps.db
      .select({ agencyId: auditLog.agencyId, action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityType, 'stage_extension'));
    expect(audited.map((a) => a.agencyId).sort()).toEqual([ids.in1, ids.in2].sort());
    expect(audited.every((a) => a.action === 'create')).toBe(true);
  });

  it('extends by agency type and for one agency, moving an existing extension (audited as a change)', async () => {
    const admin = await t.signIn(users.admin);
    const byType = await admin.post(`/api/cycles/${YEAR}/extensions`, {
      target: { kind: 'agencyType', agencyType: 'town_municipality' },
      stage: STAGE,
      endsOn: '2025-08-15',
      reason: 'เทศบาลเมืองขอขยาย',
    });
    expect(byType.json()).toEqual({ extended: 1, agencyIds: [ids.in2] });
    const one = await admin.post(`/api/cycles/${YEAR}/extensions`, {
      target: { kind: 'agency', agencyId: ids.out },
      stage: STAGE,
      endsOn: '2025-07-20',
      reason: 'ระบบของหน่วยงานขัดข้อง',
    });
    expect(one.json()).toEqual({ extended: 1, agencyIds: [ids.out] });
    const [changed] = await t.deps.db
      .select({ action: auditLog.action, before: auditLog.before })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'stage_extension'), eq(auditLog.agencyId, ids.in2 as string)))
      .orderBy(auditLog.seq)
      .offset(1);
    expect(changed).toMatchObject({ action: 'update', before: { endsOn: '2025-07-31' } });
  });

  it('refuses, all or nothing: an earlier day, an unknown stage, nobody matching, an agency not taking part', async () => {
    const admin = await t.signIn(users.admin);
    const post = (body: object) =>
      admin.post(`/api/cycles/${YEAR}/extensions`, {
        target: { kind: 'all' },
        stage: STAGE,
        endsOn: '2025-09-01',
        reason: 'x',
        ...body,
      });
    expect((await post({ endsOn: '2025-06-01' })).json().error.code).toBe('extension_not_later');
    expect((await post({ stage: 'no_such_stage' })).json().error.code).toBe('unknown_stage');
    const none = await post({ target: { kind: 'province', provinceCode: 'TH-NOWHERE' } });
    expect([none.statusCode, none.json().error.code]).toEqual([409, 'no_agencies_match']);
    const notOpen = await post({ target: { kind: 'agency', agencyId: ids.notOpen } });
    expect([notOpen.statusCode, notOpen.json().error.code]).toEqual([409, 'cycle_not_open']);
    expect((await post({ target: { kind: 'region' } })).statusCode).toBe(400);
    expect((await post({ reason: '   ' })).statusCode).toBe(400);
  });

  it('shows the year to NACC and to supervisors within their scope; not to agencies; writes are NACC’s', async () => {
    t.clock.set(JULY);
    const admin = await t.signIn(users.admin);
    const all = (await admin.get(`/api/cycles/${YEAR}/calendar`)).json();
    expect(all).toMatchObject({ year: YEAR, frameworkLoaded: true, today: '2025-07-10', closure: null });
    expect(all.stages.find((s: { code: string }) => s.code === STAGE)).toMatchObject({ phase: 'ended' });
    expect(new Set(all.extensions.map((e: { agency: { id: string } }) => e.agency.id))).toEqual(
      new Set([ids.in1, ids.in2, ids.out]),
    );
    const sup = await t.signIn(users.supervisor);
    const scoped = (await sup.get(`/api/cycles/${YEAR}/calendar`)).json();
    expect(scoped.extensions.map((e: { agency: { id: string } }) => e.agency.id)).toEqual([ids.out]);
    expect(
      (
        await sup.post(`/api/cycles/${YEAR}/extensions`, {
          target: { kind: 'all' },
          stage: STAGE,
          endsOn: '2025-09-01',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const agencyAdmin = await t.signIn(users.agencyAdmin);
    expect((await agencyAdmin.get(`/api/cycles/${YEAR}/calendar`)).statusCode).toBe(403);
    expect((await agencyAdmin.put(`/api/cycles/${YEAR}/closure`, { reason: 'x' })).statusCode).toBe(403);
  });

  it('closes the year: no stage open for anyone, extensions included; reopening restores them; audited', async () => {
    t.clock.set(JULY);
    const admin = await t.signIn(users.admin);
    expect(await open('in1')).toBe(true);
    const closed = await admin.put(`/api/cycles/${YEAR}/closure`, { reason: 'ปิดรอบปีงบประมาณ' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().closure).toMatchObject({ reason: 'ปิดรอบปีงบประมาณ' });
    expect(closed.json().current).toEqual([]);
    expect(await open('in1')).toBe(false);
    const calendar = (await admin.get(`/api/agencies/${ids.in1}/calendar/${YEAR}`)).json();
    expect(calendar).toMatchObject({ closed: true, current: [], next: null, allEnded: true });
    // Closing twice is a conflict; extending a closed year too.
    expect((await admin.put(`/api/cycles/${YEAR}/closure`, { reason: 'อีกครั้ง' })).statusCode).toBe(409);
    const late = await admin.post(`/api/cycles/${YEAR}/extensions`, {
      target: { kind: 'all' },
      stage: STAGE,
      endsOn: '2025-09-01',
      reason: 'x',
    });
    expect(late.json().error.code).toBe('cycle_closed');
    const reopened = await admin.delete(`/api/cycles/${YEAR}/closure`);
    expect(reopened.json().closure).toBeNull();
    expect(await open('in1')).toBe(true);
    expect((await admin.delete(`/api/cycles/${YEAR}/closure`)).statusCode).toBe(200);
    const actions = await t.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'cycle'), eq(auditLog.entityId, String(YEAR))))
      .orderBy(auditLog.seq);
    expect(actions.map((a) => a.action)).toEqual(['close', 'reopen']);
  });
});
