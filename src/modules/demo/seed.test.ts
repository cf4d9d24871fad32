import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { loadConfig } from '../../config.ts';
import { agencies, participations, users } from '../../db/schema/index.ts';
import { loadBundledFrameworks } from '../frameworks/index.ts';
import { DEMO_AGENCIES, DEMO_PASSWORD, DEMO_USERS } from './demo.data.ts';
import { demoSeedTask, seedDemo } from './seed.ts';

const silent = { info() {}, warn() {} } as unknown as Parameters<typeof demoSeedTask.run>[1];
const demoCodes = DEMO_AGENCIES.map((a) => a.code);

describe('demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const demoParticipations = () =>
    t.deps.db
      .select({ code: agencies.code, registered: participations.registered })
      .from(participations)
      .innerJoin(agencies, eq(agencies.id, participations.agencyId))
      .where(eq(participations.year, 2568));

  it('is refused in production, before writing anything', async () => {
    const production = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) });
    await expect(seedDemo({ ...t.deps, config: production })).rejects.toMatchObject({
      code: 'demo_in_production',
      en: expect.stringContaining('production'),
    });
    expect(await t.deps.db.$count(agencies)).toBe(0);
    const lines = await demoSeedTask.run({ ...t.deps, config: { ...production, demo: true } }, silent);
    expect(lines.join('\n')).toContain('refused in production');
    expect(await t.deps.db.$count(users)).toBe(0);
  });

  it('does nothing at start when demo data is off', async () => {
    const off = loadConfig({ NODE_ENV: 'development', PRONGSAI_DEMO: 'false' });
    expect(await demoSeedTask.run({ ...t.deps, config: off }, silent)).toEqual([]);
    expect(await t.deps.db.$count(agencies)).toBe(0);
  });

  it('seeds agencies and users but skips the cycle while framework 2568 is not loaded', async () => {
    const result = await seedDemo(t.deps);
    expect(result).toMatchObject({ agenciesCreated: 12, usersCreated: DEMO_USERS.length, cycleOpen: false });
    expect(result.banner.join('\n')).toContain('not loaded');
    expect(await demoParticipations()).toHaveLength(0);
    const rows = await t.deps.db.select().from(agencies).where(inArray(agencies.code, demoCodes));
    expect(rows).toHaveLength(12);
    expect(rows.every((a) => a.provinceCode === 'TH-47' && a.peerGroup && a.sizeClass)).toBe(true);
    // The demo websites are served by the app itself, so that evidence snapshots work offline.
    expect(rows.find((a) => a.code === 'DEMO47-01')?.website).toBe(
      `${t.deps.config.publicUrl}/demo-sites/demo47-01/`,
    );
    expect(new Set(rows.map((a) => a.type))).toEqual(
      new Set([
        'province',
        'district',
        'pao',
        'town_municipality',
        'subdistrict_municipality',
        'sao',
        'police_station',
        'university',
      ]),
    );
  });

  it('opens FY2568 once the framework is loaded: all but one demo agency registered', async () => {
    await loadBundledFrameworks(t.deps.db);
    const result = await seedDemo(t.deps);
    expect(result).toMatchObject({ agenciesCreated: 0, usersCreated: 0, cycleOpen: true });
    const rows = await demoParticipations();
    expect(rows).toHaveLength(12);
    expect(rows.filter((r) => !r.registered).map((r) => r.code)).toEqual(['DEMO47-09']);
  });

  it('lists the demo logins in the banner', async () => {
    const { banner } = await seedDemo(t.deps);
    const text = banner.join('\n');
    expect(text).toContain(DEMO_PASSWORD);
    for (const u of DEMO_USERS) expect(text).toContain(u.username);
    expect(text).toContain('cycle is open');
  });

  it('leaves one executive proposed by the agency admin for the demo supervisor to confirm', async () => {
    const supervisor = await t.signIn('supervisor', DEMO_PASSWORD);
    const { items } = (await supervisor.get('/api/users/awaiting-confirmation')).json();
    expect(items).toEqual([
      expect.objectContaining({
        username: 'executive-proposed',
        awaitingConfirmation: true,
        canConfirm: true,
      }),
    ]);
  });

  it('is idempotent and keeps what people changed', async () => {
    const [pao] = await t.deps.db.select().from(agencies).where(eq(agencies.code, 'DEMO47-04'));
    await t.deps.db
      .update(agencies)
      .set({ nameEn: 'Renamed by its admin' })
      .where(eq(agencies.code, 'DEMO47-04'));
    await t.deps.db
      .update(participations)
      .set({ registered: false, registeredAt: null })
      .where(eq(participations.agencyId, pao?.id ?? ''));
    const before = {
      agencies: await t.deps.db.$count(agencies),
      users: await t.deps.db.$count(users),
    };
    const result = await seedDemo(t.deps);
    expect(result).toMatchObject({ agenciesCreated: 0, usersCreated: 0 });
    expect({ agencies: await t.deps.db.$count(agencies), users: await t.deps.db.$count(users) }).toEqual(
      before,
    );
    const [after] = await t.deps.db.select().from(agencies).where(eq(agencies.code, 'DEMO47-04'));
    expect(after?.nameEn).toBe('Renamed by its admin');
    expect((await demoParticipations()).filter((r) => !r.registered)).toHaveLength(2);
  });

  it('is skipped at start only while its agencies and users are there, with the same banner', async () => {
    const { banner } = await seedDemo(t.deps);
    expect(await demoSeedTask.unchanged(t.deps)).toEqual(banner);
    await t.deps.db.update(users).set({ username: 'staff-renamed' }).where(eq(users.username, 'staff'));
    expect(await demoSeedTask.unchanged(t.deps)).toBeNull();
    await t.deps.db.update(users).set({ username: 'staff' }).where(eq(users.username, 'staff-renamed'));
    expect(await demoSeedTask.unchanged(t.deps)).toEqual(banner);
  });

  it('runs at the first start of each day (it moves its extensions forward) and when its settings change', async () => {
    const today = await demoSeedTask.fingerprint(t.deps);
    expect(await demoSeedTask.fingerprint(t.deps)).toBe(today);
    const tomorrow = new Date(t.deps.now().getTime() + 86_400_000);
    expect(await demoSeedTask.fingerprint({ ...t.deps, now: () => tomorrow })).not.toBe(today);
    const elsewhere = { ...t.deps.config, publicUrl: 'https://ita.example.go.th' };
    expect(await demoSeedTask.fingerprint({ ...t.deps, config: elsewhere })).not.toBe(today);
  });

  it('has the supervisor’s FY2568 province plan from the template, written once', async () => {
    const supervisor = await t.signIn('supervisor', DEMO_PASSWORD);
    const plan = (await supervisor.get('/api/plans/2568/province/TH-47')).json();
    // Seeded on the first run; the idempotent re-run above did not save it again.
    expect(plan).toMatchObject({
      exists: true,
      version: 1,
      canEdit: true,
      updatedBy: { name: expect.any(String) },
    });
    expect(plan.activities).toHaveLength(16);
    const chaseOit = plan.activities.find((a: { kind: string }) => a.kind === 'chase_oit');
    expect(chaseOit).toMatchObject({
      status: 'in_progress',
      period: { kind: 'months', from: '2025-01', to: '2025-04' },
      chases: [{ stage: 'oit_answering' }],
    });
    const statuses = plan.activities.map((a: { status: string }) => a.status);
    expect(statuses.filter((s: string) => s === 'done')).toHaveLength(9);
  });

  it('gives each demo login the promised role and scope', async () => {
    const sign = (u: string) => t.signIn(u, DEMO_PASSWORD);
    const total = async (u: string) => (await (await sign(u)).get('/api/agencies')).json().total;
    expect(await total('admin')).toBe(12);
    expect(await total('supervisor')).toBe(12);
    expect(await total('assessor')).toBe(6);
    const own = (await (await sign('agency-admin')).get('/api/agencies')).json().items;
    expect(own.map((a: { code: string }) => a.code)).toEqual(['DEMO47-04']);
    const exec = (await (await sign('executive')).get('/api/dashboard')).json();
    expect(exec).toMatchObject({ kind: 'agency', year: 2568, agency: { code: 'DEMO47-04', type: 'pao' } });
    const me = (await (await sign('executive')).get('/api/auth/me')).json().user;
    expect(me).toMatchObject({ role: 'executive', displayName: expect.stringMatching(/[ก-๙]/) });
  });
});
