// The agencies with work waiting behind the agency pickers (issue 13 §4), on the monitoring world: A (P1)
// has 12 identical IIT responses (all flagged as duplicates), numbers approved and no IIT access yet; C (P2,
// outside the supervisor's scope) gets flagged responses and EIT numbers here; the assessor is assigned A
// for the year and C only for the year before.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assign } from '../../../test/helpers/factories.ts';
import { stakeholderData, users } from '../../db/schema/index.ts';
import { insertReleased } from '../responses/index.ts';
import { monitoringSuite, YEAR } from './monitoring.fixture.testing.ts';

type Waiting = {
  page: string;
  year: number;
  agencies: {
    agency: { id: string; code: string };
    total: number;
    items: { kind: string; count: number }[];
  }[];
  more: number;
};
const itemsOf = (w: Waiting, code: string) => w.agencies.find((a) => a.agency.code === code)?.items ?? [];

describe('work waiting behind the agency pickers', () => {
  const s = monitoringSuite();
  const waiting = async (role: 'admin' | 'supervisor' | 'assessor', page: string) => {
    const res = await (await s.as(role)).get(`/api/monitoring/waiting/${page}?year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Waiting;
  };

  beforeAll(async () => {
    const db = s.t.deps.db;
    const response = {
      agencyId: s.f.C,
      year: YEAR,
      instrument: 'IIT',
      frameworkVersion: 1,
      answers: {},
      durationBand: 4,
      channel: 'web' as const,
      submittedOn: '2025-02-21',
    };
    await insertReleased(db, [response, response, response, response, response]);
    await db
      .insert(stakeholderData)
      .values({ agencyId: s.f.C, year: YEAR, iitPopulation: 50, eitPopulation: 80, revision: 1 });
    const [assessor] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, s.f.users.assessor));
    await assign(db, (assessor as { id: string }).id, s.f.C, YEAR - 1);
  });

  it('lists flagged responses awaiting a decision, as many as the agency’s own quality page shows', async () => {
    const admin = await waiting('admin', 'quality');
    expect(admin.agencies.map((a) => a.agency.code)).toEqual(['MO-A', 'MO-C']);
    const report = (await (await s.as('admin')).get(`/api/agencies/${s.f.A}/quality/${YEAR}`)).json();
    const undecided = report.responses.filter(
      (r: { flags: unknown[]; review: unknown }) => r.flags.length > 0 && !r.review,
    );
    expect(itemsOf(admin, 'MO-A')).toEqual([{ kind: 'responses_to_decide', count: undecided.length }]);
    expect(undecided.length).toBe(12);
    expect(itemsOf(admin, 'MO-C')).toEqual([{ kind: 'responses_to_decide', count: 5 }]);
  });

  it('keeps to the viewer’s scope: the supervisor of P1 never sees C', async () => {
    const sup = await waiting('supervisor', 'quality');
    expect(sup.agencies.map((a) => a.agency.code)).toEqual(['MO-A']);
  });

  it('counts one fewer once a flagged response is decided', async () => {
    const admin = await s.as('admin');
    const report = (await admin.get(`/api/agencies/${s.f.C}/quality/${YEAR}`)).json();
    const first = report.responses[0].id as string;
    const decided = await admin.put(`/api/responses/${first}/review`, { decision: 'keep' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(itemsOf(await waiting('admin', 'quality'), 'MO-C')).toEqual([
      { kind: 'responses_to_decide', count: 4 },
    ]);
  });

  it('gives an assessor the EIT part-2 work of the agencies assigned for this year only', async () => {
    const mine = await waiting('assessor', 'eit2');
    expect(mine.agencies.map((a) => a.agency.code)).toEqual(['MO-A']);
    const items = itemsOf(mine, 'MO-A');
    expect(items.map((i) => i.kind)).toEqual(['sample_to_draw', 'interviews_to_collect']);
    expect(items[1]?.count).toBeGreaterThan(0);
    // NACC sees C as well (its EIT numbers are entered), most waiting first.
    const nacc = await waiting('admin', 'eit2');
    expect(nacc.agencies.map((a) => a.agency.code).sort()).toEqual(['MO-A', 'MO-C']);
    const totals = nacc.agencies.map((a) => a.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  });

  it('shows NACC the IIT access never set up until the agency’s page made it', async () => {
    const before = await waiting('admin', 'iit');
    expect(itemsOf(before, 'MO-A').map((i) => i.kind)).toContain('iit_access_missing');
    const opened = await (await s.as('admin')).get(`/api/agencies/${s.f.A}/iit-access/${YEAR}`);
    expect(opened.statusCode).toBe(200);
    expect(itemsOf(await waiting('admin', 'iit'), 'MO-A').map((i) => i.kind)).not.toContain(
      'iit_access_missing',
    );
  });

  it('refuses the roles that do not work those pages', async () => {
    for (const [role, page] of [
      ['supervisor', 'eit2'],
      ['supervisor', 'iit'],
      ['assessor', 'iit'],
      ['agency_admin', 'quality'],
      ['executive', 'eit2'],
    ] as const)
      expect(
        (await (await s.as(role)).get(`/api/monitoring/waiting/${page}`)).statusCode,
        `${role} ${page}`,
      ).toBe(403);
    expect((await s.t.anonymous().get('/api/monitoring/waiting/quality')).statusCode).toBe(401);
    expect((await (await s.as('admin')).get('/api/monitoring/waiting/plans')).statusCode).toBe(400);
  });
});
