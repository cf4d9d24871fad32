import { beforeAll, describe, expect, it } from 'vitest';
import { participations } from '../../db/schema/index.ts';
import { codesOf, markFrameworkLoaded, registrySuite } from './agencies.fixture.testing.ts';

describe('home-page dashboard', () => {
  const { t, f, as } = registrySuite();

  const dashboard = async (username: string, query = '') => {
    const res = await (await as(username)).get(`/api/dashboard${query}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it('has no year before any framework is loaded', async () => {
    expect(await dashboard('admin')).toMatchObject({ kind: 'admin', year: null, cycle: null });
  });

  describe('with FY2568 open', () => {
    beforeAll(async () => {
      await markFrameworkLoaded(t.deps.db, 2567);
      await markFrameworkLoaded(t.deps.db, 2568);
      const now = t.deps.now();
      const { sao47, province47, university48, department } = f.agencies;
      await t.deps.db.insert(participations).values([
        { agencyId: sao47.id, year: 2568, registered: true, registeredAt: now },
        { agencyId: province47.id, year: 2568 },
        { agencyId: university48.id, year: 2568, registered: true, registeredAt: now },
        { agencyId: department.id, year: 2567, registered: true, registeredAt: now },
      ]);
    });

    it('shows an admin the registry, the newest year and users', async () => {
      expect(await dashboard('admin')).toEqual({
        kind: 'admin',
        role: 'admin',
        year: 2568,
        agencies: { total: 6, active: 6 },
        cycle: { agencies: 6, open: 3, registered: 2 },
        users: { total: 8, active: 8 },
      });
      expect((await dashboard('admin', '?year=2567')).cycle).toEqual({ agencies: 6, open: 1, registered: 1 });
    });

    it('shows a supervisor their agencies, those still to register first', async () => {
      const body = await dashboard('sup-province');
      expect(body).toMatchObject({ kind: 'scoped', role: 'supervisor', year: 2568, more: false });
      expect(body.counts).toEqual({ agencies: 3, open: 2, registered: 1 });
      expect(codesOf(body.agencies)).toEqual(['T47-PROV', 'T47-SAO1', 'T47-SAO2']);
      expect(body.agencies[body.agencies.length - 1]).toMatchObject({
        code: 'T47-SAO1',
        participation: { registered: true },
      });
    });

    it('shows an assessor the agencies assigned for the year', async () => {
      const body = await dashboard('assessor');
      expect(codesOf(body.agencies)).toEqual(['T47-SAO1']);
      expect(body.counts).toEqual({ agencies: 1, open: 1, registered: 1 });
      expect(codesOf((await dashboard('assessor', '?year=2567')).agencies)).toEqual(['T48-UNI']);
    });

    it.each(['sao-admin', 'sao-exec'])(
      'shows %s their own agency and its participations',
      async (username) => {
        const body = await dashboard(username);
        expect(body).toMatchObject({
          kind: 'agency',
          year: 2568,
          agency: { code: 'T47-SAO1', participation: { year: 2568, registered: true } },
          participations: [{ year: 2568, registered: true }],
        });
      },
    );

    it('refuses anonymous visitors', async () => {
      expect((await t.anonymous().get('/api/dashboard')).statusCode).toBe(401);
    });
  });
});
