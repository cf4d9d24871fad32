// The to-do lists of the agency's people, its supervisor and NACC come and go with the work, on the
// monitoring world (1 March 2025: OIT answering open until 30 April; stakeholder data closed on 28 February;
// A's OIT has o1 and o2 submitted and o3 returned; B not registered, its registration extended to 5 March;
// C registered in the other province). The work is done through the API where its stage is open; the tests
// run in order, each starting from what the one before left.
import { describe, expect, it } from 'vitest';
import { stakeholderData } from '../../db/schema/index.ts';
import { monitoringSuite, YEAR } from './monitoring.fixture.testing.ts';
import type { TodoItem } from './monitoring.schema.ts';

describe('to-do items come and go with the work', () => {
  const s = monitoringSuite();
  const todo = async (role: Parameters<typeof s.as>[0]) => {
    const res = await (await s.as(role)).get(`/api/monitoring/todo?year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as TodoItem[];
  };
  const tasks = (items: TodoItem[]) => items.map((i) => [i.kind, i.task]);
  const oit = () => `/api/agencies/${s.f.A}/oit/${YEAR}`;
  const itemCodes = async () =>
    (await (await s.as('agency_admin')).get(oit()))
      .json()
      .indicators.flatMap((i: { subIndicators: { items: { code: string }[] }[] }) =>
        i.subIndicators.flatMap((x) => x.items.map((item) => item.code)),
      ) as string[];
  const answer = (code: string) =>
    s.as('agency_admin').then((c) =>
      c.put(`${oit()}/items/${code}`, {
        has: true,
        urls: [`https://mo-a.example.test/oit/${code}`],
        explanation: `หน้าแรก > ITA > ข้อ ${code}`,
      }),
    );

  it('gives the staff the OIT items still unanswered, and nothing once every item is answered', async () => {
    const codes = await itemCodes();
    expect(await todo('agency_staff')).toEqual([
      expect.objectContaining({
        kind: 'agency_task',
        task: 'oit_answers',
        count: codes.length - 3,
        link: `/agencies/${s.f.A}/oit/${YEAR}`,
      }),
    ]);
    for (const code of codes.filter((c) => !['o1', 'o2', 'o3'].includes(c))) {
      const res = await answer(code);
      expect(res.statusCode, res.body).toBe(200);
    }
    expect(await todo('agency_staff')).toEqual([]);
    expect(tasks(await todo('agency_admin'))).not.toContainEqual(['agency_task', 'oit_answers']);
  });

  it('gives the admin the returned item until it is sent again, then the executive every item to approve until approved', async () => {
    expect(tasks(await todo('agency_admin'))).toContainEqual(['oit_returned', 'oit_answers']);
    expect((await answer('o3')).statusCode).toBe(200);
    const submitted = await (await s.as('agency_admin')).post(`${oit()}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const admin = await todo('agency_admin');
    expect(admin.map((i) => i.kind)).not.toContain('oit_returned');
    // Nothing of OIT answering is left to the admin: it waits for the executive.
    expect(tasks(admin)).not.toContainEqual(['agency_task', 'oit_approval']);
    const codes = await itemCodes();
    expect(await todo('executive')).toEqual([
      expect.objectContaining({ kind: 'approve_oit', count: codes.length }),
    ]);
    const approved = await (await s.as('executive')).post(`${oit()}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await todo('executive')).toEqual([]);
  });

  it('gives the executive changed stakeholder numbers to approve in the (extended) stage, until approved', async () => {
    expect((await todo('executive')).map((i) => i.kind)).not.toContain('approve_stakeholders');
    const extended = await (await s.as('admin')).put(
      `/api/agencies/${s.f.A}/calendar/${YEAR}/extensions/stakeholder_data`,
      { endsOn: '2025-03-10', reason: 'ขอขยายเวลาแก้ไขจำนวนผู้รับบริการ' },
    );
    expect(extended.statusCode, extended.body).toBe(200);
    const changed = await (await s.as('agency_admin')).put(`/api/agencies/${s.f.A}/stakeholders/${YEAR}`, {
      iitPopulation: 100,
      eitPopulation: 120,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await todo('executive')).toEqual([
      expect.objectContaining({
        kind: 'approve_stakeholders',
        task: 'stakeholder_approval',
        deadline: '2025-03-10',
        daysLeft: 9,
        link: `/agencies/${s.f.A}/stakeholders`,
      }),
    ]);
    // The approval is the executive's: the admin is not told to do it.
    expect(tasks(await todo('agency_admin'))).not.toContainEqual(['agency_task', 'stakeholder_approval']);
    const approved = await (await s.as('executive')).post(
      `/api/agencies/${s.f.A}/stakeholders/${YEAR}/approve`,
    );
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await todo('executive')).toEqual([]);
  });

  it('names a laggard for its registration until it registers', async () => {
    const laggardB = async () =>
      (await todo('supervisor')).filter((i) => i.kind === 'laggard' && i.agency?.id === s.f.B);
    expect(await laggardB()).toEqual([expect.objectContaining({ task: 'registration' })]);
    const registered = await (await s.as('admin')).put(`/api/agencies/${s.f.B}/participations/${YEAR}`, {
      registered: true,
    });
    expect(registered.statusCode, registered.body).toBe(200);
    // Still behind in the stakeholder data (overdue), no longer for its registration.
    expect(await laggardB()).toEqual([expect.objectContaining({ task: 'stakeholder_entry' })]);
  });

  it('gives NACC a stage overdue until no agency is late in it', async () => {
    const overdue = async () =>
      (await todo('admin')).filter((i) => i.kind === 'stage_overdue' && i.stage === 'stakeholder_data');
    expect(await overdue()).toEqual([expect.objectContaining({ count: 2 })]);
    // B's and C's numbers, entered and approved late (straight in the database: the stage has closed).
    await s.t.deps.db.insert(stakeholderData).values(
      [s.f.B, s.f.C].map((agencyId) => ({
        agencyId,
        year: YEAR,
        iitPopulation: 10,
        eitPopulation: 10,
        revision: 1,
        approvedRevision: 1,
        approvedIitPopulation: 10,
      })),
    );
    expect(await overdue()).toEqual([]);
  });
});
