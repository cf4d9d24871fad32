import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAgency, makeUser } from '../../../test/helpers/factories.ts';
import { auditLog, participations, stageExtensions } from '../../db/schema/index.ts';
import { loadBundledFrameworks } from '../frameworks/index.ts';
import { markFrameworkLoaded, registrySuite } from './agencies.fixture.testing.ts';

describe('fiscal-year cycles and registration', () => {
  const { t, f, as } = registrySuite();
  beforeAll(async () => {
    // An inactive agency is never opened.
    await makeAgency(t.deps.db, { code: 'T47-OLD', type: 'sao', provinceCode: 'TH-47', active: false });
  });

  const rowsFor = (year: number) =>
    t.deps.db.select().from(participations).where(eq(participations.year, year));

  it('refuses to open a year without a framework, in Thai and English', async () => {
    const res = await (await as('admin')).post('/api/cycles/2569/open', {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'framework_not_loaded',
      th: expect.stringContaining('2569'),
      en: expect.stringContaining('2569'),
    });
    expect(await rowsFor(2569)).toHaveLength(0);
  });

  it('opens a year for the active agencies matching a filter, unregistered', async () => {
    // The real FY2568 calendar: registration is its `register` stage (2025-01-01 – 2025-01-31).
    await loadBundledFrameworks(t.deps.db, { now: t.deps.now });
    const admin = await as('admin');
    const res = await admin.post('/api/cycles/2568/open', { filter: { provinceCode: 'TH-47', type: 'sao' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ opened: 2, alreadyOpen: 0 });
    const rows = await rowsFor(2568);
    expect(rows.map((r) => r.agencyId).sort()).toEqual([f.agencies.sao47.id, f.agencies.oddName47.id].sort());
    expect(rows.every((r) => !r.registered && r.registeredAt === null)).toBe(true);
  });

  it('opens the rest without a filter and counts those already open (idempotent)', async () => {
    const admin = await as('admin');
    expect((await admin.post('/api/cycles/2568/open', {})).json()).toEqual({ opened: 4, alreadyOpen: 2 });
    expect((await admin.post('/api/cycles/2568/open', {})).json()).toEqual({ opened: 0, alreadyOpen: 6 });
    expect(await rowsFor(2568)).toHaveLength(6);
  });

  it('opens by ministry or by a list of agencies', async () => {
    await markFrameworkLoaded(t.deps.db, 2567);
    const admin = await as('admin');
    expect((await admin.post('/api/cycles/2567/open', { filter: { ministryCode: 'MOI' } })).json()).toEqual({
      opened: 2,
      alreadyOpen: 0,
    });
    const ids = [f.agencies.department.id, f.agencies.police48.id];
    expect((await admin.post('/api/cycles/2567/open', { filter: { agencyIds: ids } })).json()).toEqual({
      opened: 1,
      alreadyOpen: 1,
    });
  });

  it('refuses an unknown province in the filter and non-admins', async () => {
    const res = await (await as('admin')).post('/api/cycles/2568/open', {
      filter: { provinceCode: 'TH-00' },
    });
    expect(res.statusCode).toBe(400);
    for (const username of ['sup-province', 'sao-admin']) {
      expect((await (await as(username)).post('/api/cycles/2568/open', {})).statusCode).toBe(403);
    }
  });

  it("lets an agency's admin register it for an open year, within the registration stage", async () => {
    t.clock.set(new Date('2025-01-15T03:00:00Z'));
    const sut = await as('sao-admin');
    const res = await sut.put(`/api/agencies/${f.agencies.sao47.id}/participations/2568`, {
      registered: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      year: 2568,
      registered: true,
      registeredAt: t.deps.now().toISOString(),
    });
    const again = await sut.put(`/api/agencies/${f.agencies.sao47.id}/participations/2568`, {
      registered: true,
    });
    expect(again.json().registeredAt).toBe(res.json().registeredAt);
    t.clock.set(new Date('2025-03-01T03:00:00Z'));
  });

  it('refuses registration for a year that is not open', async () => {
    const res = await (await as('sao-admin')).put(
      `/api/agencies/${f.agencies.sao47.id}/participations/2566`,
      {
        registered: true,
      },
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('cycle_not_open');
  });

  it('refuses registration of another agency, by an executive or by a supervisor', async () => {
    const url = `/api/agencies/${f.agencies.sao47.id}/participations/2568`;
    for (const username of ['uni-admin', 'sao-exec', 'sup-province', 'assessor']) {
      expect((await (await as(username)).put(url, { registered: true })).statusCode).toBe(403);
    }
  });

  it('records registrations and cycle openings in the audit log', async () => {
    const entries = await t.deps.db.select().from(auditLog);
    const registration = entries.find((e) => e.entityType === 'participation' && e.action === 'register');
    expect(registration).toMatchObject({
      agencyId: f.agencies.sao47.id,
      entityId: `${f.agencies.sao47.id}:2568`,
      actorUsername: 'sao-admin',
    });
    // Registering again changed nothing, so it left no second entry.
    expect(entries.filter((e) => e.entityType === 'participation')).toHaveLength(1);
    expect(entries.filter((e) => e.entityType === 'cycle' && e.entityId === '2568')).toHaveLength(3);
  });

  it('lets only an admin withdraw a registration', async () => {
    const url = `/api/agencies/${f.agencies.sao47.id}/participations/2568`;
    const own = await (await as('sao-admin')).put(url, { registered: false });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('withdraw_admin_only');
    const admin = await (await as('admin')).put(url, { registered: false });
    expect(admin.json()).toMatchObject({ registered: false, registeredAt: null });
    await (await as('admin')).put(url, { registered: true });
  });

  describe('the registration stage (src/core/calendar.ts, with extensions and the closure)', () => {
    const url = () => `/api/agencies/${f.agencies.oddName47.id}/participations/2568`;
    afterAll(() => t.clock.set(new Date('2025-03-01T03:00:00Z')));
    beforeAll(async () => {
      // The SAO's admin is the admin of T47-SAO1 only: the other SAO gets an admin of its own here.
      await makeUser(t.deps.db, {
        role: 'agency_admin',
        username: 'odd-admin',
        agencyId: f.agencies.oddName47.id,
      });
    });
    const asOdd = async (iso: string) => {
      t.clock.set(new Date(iso));
      return (await t.signIn('odd-admin')).put(url(), { registered: true });
    };

    it('refuses before the stage opens and after its last day, in Thai and English, and registers nothing', async () => {
      const before = await asOdd('2024-12-31T16:59:59Z');
      expect(before.statusCode).toBe(409);
      expect(before.json().error).toMatchObject({
        code: 'registration_not_open',
        th: expect.stringContaining('2568'),
      });
      const after = await asOdd('2025-01-31T17:00:00Z');
      expect(after.statusCode).toBe(409);
      expect(after.json().error).toMatchObject({
        code: 'registration_closed',
        th: expect.stringContaining('31 มกราคม 2568'),
        en: expect.stringContaining('2025-01-31'),
      });
      const [row] = await rowsFor(2568).then((rows) =>
        rows.filter((r) => r.agencyId === f.agencies.oddName47.id),
      );
      expect(row?.registered).toBe(false);
    });

    it('accepts on the last day, and after it within an extension NACC granted', async () => {
      await t.deps.db.insert(stageExtensions).values({
        agencyId: f.agencies.oddName47.id,
        year: 2568,
        stage: 'register',
        endsOn: '2025-02-14',
        reason: 'test',
      });
      expect((await asOdd('2025-02-14T16:59:59Z')).statusCode).toBe(200);
      await (await t.signIn('admin')).put(url(), { registered: false });
      expect((await asOdd('2025-02-14T17:00:00Z')).statusCode).toBe(409);
      expect((await asOdd('2025-01-31T16:59:59Z')).statusCode).toBe(200);
    });

    it('lets a NACC admin register an agency after the stage, but nobody once the year is closed', async () => {
      t.clock.set(new Date('2025-05-01T03:00:00Z'));
      // Sessions are signed in at the instant under test (moving the clock ends the older ones).
      const admin = await t.signIn('admin');
      const late = await admin.put(`/api/agencies/${f.agencies.department.id}/participations/2568`, {
        registered: true,
      });
      expect(late.statusCode).toBe(200);
      expect((await admin.put('/api/cycles/2568/closure', { reason: 'ปิดรอบ' })).statusCode).toBe(200);
      for (const [who, registered] of [
        ['admin', false],
        ['odd-admin', true],
      ] as const) {
        const res = await (await t.signIn(who)).put(url(), { registered });
        expect(res.statusCode).toBe(409);
        expect(res.json().error.code).toBe('cycle_closed');
      }
      const open = await admin.post('/api/cycles/2568/open', {});
      expect(open.json().error.code).toBe('cycle_closed');
      expect((await admin.delete('/api/cycles/2568/closure')).statusCode).toBe(200);
      expect((await admin.put(url(), { registered: false })).statusCode).toBe(200);
      const dept = `/api/agencies/${f.agencies.department.id}/participations/2568`;
      expect((await admin.put(dept, { registered: false })).statusCode).toBe(200);
    });
  });

  it("lists an agency's participations newest first, within scope", async () => {
    const url = `/api/agencies/${f.agencies.province47.id}/participations`;
    const res = await (await as('sup-province')).get(url);
    expect(res.json().items.map((p: { year: number }) => p.year)).toEqual([2568, 2567]);
    expect((await (await as('sao-admin')).get(url)).statusCode).toBe(403);
  });

  it('filters the agency list by registration in a year', async () => {
    const admin = await as('admin');
    const registered = (await admin.get('/api/agencies?year=2568&registered=true')).json();
    expect(registered.items.map((i: { code: string }) => i.code)).toEqual(['T47-SAO1']);
    expect(registered.items[0].participation).toMatchObject({ year: 2568, registered: true });
    expect((await admin.get('/api/agencies?year=2568&registered=false')).json().total).toBe(5);
    const withYear = (await admin.get('/api/agencies?year=2566&q=T47-SAO1')).json();
    expect(withYear.items[0].participation).toBeNull();
  });

  it('summarises a year within the scope of whoever asks', async () => {
    const summary = async (username: string) =>
      (await (await as(username)).get('/api/cycles/2568/summary')).json();
    expect(await summary('admin')).toEqual({
      year: 2568,
      frameworkLoaded: true,
      agencies: 6,
      open: 6,
      registered: 1,
      notRegistered: 5,
    });
    expect(await summary('sup-province')).toMatchObject({ agencies: 3, open: 3, registered: 1 });
    expect(await summary('uni-admin')).toMatchObject({ agencies: 1, open: 1, registered: 0 });
    expect((await (await as('admin')).get('/api/cycles/2570/summary')).json()).toMatchObject({
      frameworkLoaded: false,
      open: 0,
    });
    expect((await t.anonymous().get('/api/cycles/2568/summary')).statusCode).toBe(401);
  });
});
