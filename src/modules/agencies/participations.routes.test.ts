import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAgency } from '../../../test/helpers/factories.ts';
import { auditLog, participations } from '../../db/schema/index.ts';
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
    await markFrameworkLoaded(t.deps.db, 2568);
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

  it("lets an agency's admin register it for an open year", async () => {
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
