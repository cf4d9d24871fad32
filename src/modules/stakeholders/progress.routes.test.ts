import { describe, expect, it } from 'vitest';
import { makeAgency } from '../../../test/helpers/factories.ts';
import { participations, responseReviews } from '../../db/schema/index.ts';
import { holdResponse, insertReleased } from '../responses/index.ts';
import { addResponses, stakeholderSuite, YEAR } from './stakeholders.fixture.testing.ts';

type Entry = {
  instrument: string;
  counted: number;
  minimum: number | null;
  reached: boolean;
  percent: number | null;
};

describe('collection progress', () => {
  const s = stakeholderSuite();
  const agencyUrl = (id: string) => `/api/agencies/${id}/progress/${YEAR}`;

  it('shows counts without minimums until the populations are entered', async () => {
    await addResponses(s.t.deps.db, s.f.A.id, 'IIT', 3);
    const res = await (await s.as('agency_admin')).get(agencyUrl(s.f.A.id));
    expect(res.statusCode).toBe(200);
    expect(res.json().instruments.map((e: Entry) => [e.instrument, e.counted, e.minimum, e.percent])).toEqual(
      [
        ['IIT', 3, null, null],
        ['EIT1', 0, null, null],
        ['EIT2', 0, null, null],
      ],
    );
    expect(res.json().stakeholder.status).toBe('not_entered');
  });

  it('counts against the minimum once the populations are in, and never shows a score', async () => {
    // The stakeholder-data stage ended on 28 Feb 2025: NACC extended it for A so the numbers go in today.
    await (await s.as('admin')).put(
      `/api/agencies/${s.f.A.id}/calendar/${YEAR}/extensions/stakeholder_data`,
      {
        endsOn: '2025-03-31',
        reason: 'ส่งข้อมูลล่าช้า',
      },
    );
    await (await s.as('agency_admin')).put(`/api/agencies/${s.f.A.id}/stakeholders/${YEAR}`, {
      iitPopulation: 100,
      eitPopulation: 100,
    });
    await addResponses(s.t.deps.db, s.f.A.id, 'EIT1', 30);
    const res = await (await s.as('executive')).get(agencyUrl(s.f.A.id));
    const [iit, eit1, eit2] = res.json().instruments as Entry[];
    expect(iit).toMatchObject({ counted: 3, minimum: 30, reached: false, percent: 10 });
    expect(eit1).toMatchObject({ counted: 30, minimum: 30, reached: true, percent: 100 });
    expect(eit2).toMatchObject({ counted: 0, minimum: 20, reached: false, percent: 0 });
    expect(JSON.stringify(res.json())).not.toMatch(/score/i);
  });

  it('does not count excluded responses', async () => {
    const [id] = await insertReleased(s.t.deps.db, [
      {
        agencyId: s.f.A.id,
        year: YEAR,
        instrument: 'IIT',
        frameworkVersion: 1,
        answers: {},
        durationBand: 0,
        channel: 'web',
        submittedOn: '2025-03-01',
      },
    ]);
    await s.t.deps.db
      .insert(responseReviews)
      .values({ responseId: id as string, decision: 'exclude', reason: 'speeder' });
    const res = await (await s.as('executive')).get(agencyUrl(s.f.A.id));
    expect(res.json().instruments[0].counted).toBe(3);
  });

  it('counts held answers (accepted, not yet released) in the agency’s and the scope’s progress', async () => {
    const B = s.f.B.id;
    const before = (await (await s.as('admin')).get(agencyUrl(B))).json().instruments[1].counted as number;
    for (let i = 0; i < 2; i++)
      await holdResponse(s.t.deps.db, {
        agencyId: B,
        year: YEAR,
        instrument: 'EIT1',
        frameworkVersion: 1,
        answers: {},
        durationSeconds: 300,
        channel: 'web',
      });
    await addResponses(s.t.deps.db, B, 'EIT1', 1);
    const agency = (await (await s.as('admin')).get(agencyUrl(B))).json();
    expect(agency.instruments[1].counted).toBe(before + 3);
    expect(agency.iitIntake).toEqual({ state: 'awaiting_population', approvedPopulation: null, received: 0 });
    const list = (await (await s.as('admin')).get(`/api/progress/${YEAR}`)).json();
    const row = list.items.find((i: { agency: { id: string } }) => i.agency.id === B);
    expect(row.instruments[1].counted).toBe(before + 3);
  });

  it('lists the agencies in a supervisor’s scope, furthest behind first', async () => {
    // D is in the supervisor's province too and has entered nothing: it is the furthest behind.
    const D = await makeAgency(s.t.deps.db, { code: 'SH-D', nameTh: 'หน่วยงาน ง', provinceCode: 'TH-P1' });
    await s.t.deps.db.insert(participations).values({ agencyId: D.id, year: YEAR });
    const res = await (await s.as('supervisor')).get(`/api/progress/${YEAR}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.instruments.map((i: { code: string }) => i.code)).toEqual(['IIT', 'EIT1', 'EIT2']);
    // B is another province; C has no open cycle.
    expect(body.items.map((i: { agency: { code: string } }) => i.agency.code)).toEqual(['SH-D', 'SH-A']);
    expect(body.items[0]).toMatchObject({ lowestPercent: -1, stakeholder: { status: 'not_entered' } });
    expect(body.items[1]).toMatchObject({ lowestPercent: 0 });
    expect(body.total).toBe(2);
  });

  it('filters by province and type and pages for admins', async () => {
    const admin = await s.as('admin');
    const all = (await admin.get(`/api/progress/${YEAR}?sort=name`)).json();
    expect(all.items.map((i: { agency: { code: string } }) => i.agency.code)).toEqual([
      'SH-A',
      'SH-B',
      'SH-D',
    ]);
    const p2 = (await admin.get(`/api/progress/${YEAR}?province=TH-P2`)).json();
    expect(p2.items.map((i: { agency: { code: string } }) => i.agency.code)).toEqual(['SH-B']);
    const page2 = (await admin.get(`/api/progress/${YEAR}?sort=name&pageSize=2&page=2`)).json();
    expect(page2).toMatchObject({ total: 3, page: 2 });
    expect(page2.items).toHaveLength(1);
    expect((await admin.get(`/api/progress/${YEAR}?type=province`)).json().total).toBe(0);
  });

  it('keeps the scope list from agency staff and another agency’s progress from them', async () => {
    expect((await (await s.as('agency_admin')).get(`/api/progress/${YEAR}`)).statusCode).toBe(403);
    expect((await (await s.as('agency_admin')).get(agencyUrl(s.f.B.id))).statusCode).toBe(403);
  });
});
