import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../test/helpers/factories.ts';
import { auditLog } from '../../db/schema/index.ts';
import { stakeholderSuite, YEAR } from './stakeholders.fixture.testing.ts';

describe('stakeholder data', () => {
  const s = stakeholderSuite();
  const url = () => `/api/agencies/${s.f.A.id}/stakeholders/${YEAR}`;

  it('starts empty, not entered, with unknown minimums', async () => {
    // Within FY2568's stakeholder-data stage (1 Jan – 28 Feb 2025), where numbers are entered and approved.
    s.t.clock.set(new Date('2025-02-10T03:00:00Z'));
    const res = await (await s.as('agency_admin')).get(url());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      iitPopulation: null,
      eitPopulation: null,
      revision: 0,
      approval: null,
      stakeholder: { status: 'not_entered', entered: false, approved: false, needsReapproval: false },
      contacts: { count: 0, sampleDrawn: false },
    });
    expect(res.json().minimums.map((m: { instrument: string }) => m.instrument)).toEqual([
      'IIT',
      'EIT1',
      'EIT2',
    ]);
  });

  it('refuses approval while nothing was entered', async () => {
    const res = await (await s.as('executive')).post(`${url()}/approve`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('stakeholder_incomplete');
  });

  it('saves the numbers and shows the minimum sample of each instrument', async () => {
    const res = await (await s.as('agency_admin')).put(url(), { iitPopulation: 250, eitPopulation: 1000 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ iitPopulation: 250, eitPopulation: 1000, revision: 1 });
    expect(body.stakeholder.status).toBe('awaiting_approval');
    // FY2568: 20% with at least 30; EIT2 is 20% of EIT1's minimum, at least 20.
    expect(body.minimums.map((m: { minimum: number }) => m.minimum)).toEqual([50, 200, 40]);
  });

  it('records the executive approval, and refuses approving the same revision twice', async () => {
    const exec = await s.as('executive');
    const res = await exec.post(`${url()}/approve`);
    expect(res.statusCode).toBe(200);
    expect(res.json().stakeholder).toMatchObject({ status: 'approved', approved: true });
    expect(res.json().approval).toMatchObject({ revision: 1, by: { displayName: expect.any(String) } });
    const again = await exec.post(`${url()}/approve`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('stakeholder_already_approved');
  });

  it('keeps the approval when the same numbers are saved again', async () => {
    const res = await (await s.as('agency_admin')).put(url(), { iitPopulation: 250, eitPopulation: 1000 });
    expect(res.json()).toMatchObject({ revision: 1, stakeholder: { status: 'approved' } });
  });

  it('needs re-approval after a change', async () => {
    const res = await (await s.as('agency_admin')).put(url(), { iitPopulation: 260, eitPopulation: 1000 });
    expect(res.json()).toMatchObject({
      revision: 2,
      approval: { revision: 1 },
      stakeholder: { status: 'needs_reapproval', approved: false, needsReapproval: true },
    });
    const approved = await (await s.as('executive')).post(`${url()}/approve`);
    expect(approved.json()).toMatchObject({ approval: { revision: 2 }, stakeholder: { status: 'approved' } });
  });

  it('writes every change and approval to the audit log', async () => {
    const rows = await s.t.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'stakeholder_data'), eq(auditLog.agencyId, s.f.A.id)))
      .orderBy(asc(auditLog.seq));
    expect(rows.map((r) => r.action)).toEqual(['update', 'approve', 'update', 'approve']);
  });

  it('lets only the agency admin (or an admin) enter numbers, and only the executive approve', async () => {
    expect(
      (await (await s.as('executive')).put(url(), { iitPopulation: 1, eitPopulation: 1 })).statusCode,
    ).toBe(403);
    expect((await (await s.as('agency_admin')).post(`${url()}/approve`)).statusCode).toBe(403);
    expect((await (await s.as('supervisor')).get(url())).statusCode).toBe(200);
  });

  it('refuses numbers out of range, changing nothing', async () => {
    const res = await (await s.as('agency_admin')).put(url(), { iitPopulation: -1, eitPopulation: 1000 });
    expect(res.statusCode).toBe(400);
    expect((await (await s.as('agency_admin')).get(url())).json().iitPopulation).toBe(260);
  });

  it('answers 409 in Thai and English when the cycle is not open', async () => {
    const res = await (await s.as('admin')).put(`/api/agencies/${s.f.C.id}/stakeholders/${YEAR}`, {
      iitPopulation: 10,
      eitPopulation: 10,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'cycle_not_open',
      th: expect.stringContaining(String(YEAR)),
      en: expect.stringContaining(String(YEAR)),
    });
  });

  it('refuses numbers and approvals once the stage has ended for the agency, until NACC extends it', async () => {
    s.t.clock.set(new Date('2025-03-01T03:00:00Z'));
    const admin = await s.t.signIn(s.f.users.agency_admin);
    const before = await admin.get(url());
    const late = await admin.put(url(), { iitPopulation: 300, eitPopulation: 900 });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({
      code: 'stakeholder_window_closed',
      th: expect.stringMatching(/[ก-๙]/),
    });
    const exec = await s.t.signIn(s.f.users.executive);
    expect((await exec.post(`${url()}/approve`)).json().error.code).toBe('stakeholder_window_closed');
    expect((await admin.get(url())).json()).toEqual(before.json());
    // The same rule as the calendar: with an extension the stage is open again for this agency only.
    const nacc = await s.t.signIn(s.f.users.admin);
    const ext = await nacc.put(`/api/agencies/${s.f.A.id}/calendar/${YEAR}/extensions/stakeholder_data`, {
      endsOn: '2025-03-15',
      reason: 'แก้ไขจำนวนบุคลากรที่นับผิด',
    });
    expect(ext.statusCode).toBe(200);
    expect((await admin.put(url(), { iitPopulation: 300, eitPopulation: 900 })).statusCode).toBe(200);
  });
});

describe('stakeholder approval: nobody approves numbers they entered', () => {
  const s = stakeholderSuite();
  const url = () => `/api/agencies/${s.f.B.id}/stakeholders/${YEAR}`;

  it('refuses an admin who entered the numbers with 403 four_eyes, changing nothing', async () => {
    s.t.clock.set(new Date('2025-02-10T03:00:00Z'));
    const admin = await s.as('admin');
    expect((await admin.put(url(), { iitPopulation: 120, eitPopulation: 900 })).statusCode).toBe(200);
    const res = await admin.post(`${url()}/approve`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: 'four_eyes',
      th: expect.stringContaining('สี่ตา'),
      en: expect.stringContaining('four-eyes'),
    });
    expect((await admin.get(url())).json()).toMatchObject({
      approval: null,
      stakeholder: { approved: false },
    });
  });

  it('lets the admin approve numbers someone else entered', async () => {
    const other = await makeUser(s.t.deps.db, { role: 'admin' });
    expect(
      (await (await s.t.signIn(other.username)).put(url(), { iitPopulation: 121, eitPopulation: 900 }))
        .statusCode,
    ).toBe(200);
    const res = await (await s.as('admin')).post(`${url()}/approve`);
    expect(res.statusCode).toBe(200);
    expect(res.json().stakeholder.approved).toBe(true);
  });
});
