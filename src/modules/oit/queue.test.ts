import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeAgency, makeMinistry, makeProvince, makeUser } from '../../../test/helpers/factories.ts';
import { assessorAssignments, participations, stageExtensions } from '../../db/schema/index.ts';
import type { AgencyType } from '../../shared/agency-types.ts';
import { loadBundledFrameworks } from '../frameworks/index.ts';
import { approveAll, auditOf, DURING, YEAR } from './assessment.fixture.testing.ts';
import type { BulkAssignResult, Queue } from './assessment.schema.ts';

describe('bulk assignment and the assessor’s queue', () => {
  let t: TestApp;
  let admin: Client;
  let assessor: Client;
  let assessorId: string;
  let otherAssessorId: string;
  const usernames = { admin: '', assessor: '' };
  const agencies: Record<string, { id: string; code: string; type: AgencyType }> = {};
  const bulk = (body: unknown) => admin.put(`/api/assignments/${YEAR}/bulk`, body);
  const assignedTo = async (userId: string) =>
    (
      await t.deps.db
        .select({ agencyId: assessorAssignments.agencyId })
        .from(assessorAssignments)
        .where(and(eq(assessorAssignments.userId, userId), eq(assessorAssignments.year, YEAR)))
    )
      .map((r) => r.agencyId)
      .sort();

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.deps.db;
    await loadBundledFrameworks(db);
    const p1 = await makeProvince(db, { code: 'TH-Q1' });
    const p2 = await makeProvince(db, { code: 'TH-Q2' });
    const m1 = await makeMinistry(db, { code: 'MQ1' });
    const plan = [
      { key: 'saoP1', provinceCode: p1.code, type: 'sao', takesPart: true },
      { key: 'paoP1', provinceCode: p1.code, type: 'pao', takesPart: true },
      { key: 'absentP1', provinceCode: p1.code, type: 'sao', takesPart: false },
      { key: 'saoP2', provinceCode: p2.code, type: 'sao', takesPart: true },
    ] as const;
    for (const a of plan) {
      const row = await makeAgency(db, { provinceCode: a.provinceCode, type: a.type, ministryCode: m1.code });
      if (a.takesPart) await db.insert(participations).values({ agencyId: row.id, year: YEAR });
      agencies[a.key] = { id: row.id, code: row.code, type: row.type };
    }
    await approveAll(db, agencies.saoP1 as { id: string; code: string; type: AgencyType });
    const people = {
      admin: await makeUser(db, { role: 'admin' }),
      assessor: await makeUser(db, { role: 'assessor' }),
      other: await makeUser(db, { role: 'assessor' }),
    };
    assessorId = people.assessor.id;
    usernames.admin = people.admin.username;
    usernames.assessor = people.assessor.username;
    otherAssessorId = people.other.id;
    t.clock.set(DURING.scoring);
    admin = await t.signIn(people.admin.username);
    assessor = await t.signIn(people.assessor.username);
  });
  afterAll(() => t.close());

  it('assigns every participating agency of a province, and only those; again adds nothing', async () => {
    const res = await bulk({ assessorId, filter: { provinceCode: 'TH-Q1' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<BulkAssignResult>()).toEqual({
      year: YEAR,
      assessorId,
      matched: 2,
      added: 2,
      alreadyAssigned: 0,
      assigned: 2,
    });
    expect(await assignedTo(assessorId)).toEqual([agencies.saoP1?.id, agencies.paoP1?.id].sort());
    const again = (await bulk({ assessorId, filter: { provinceCode: 'TH-Q1' } })).json<BulkAssignResult>();
    expect(again).toMatchObject({ matched: 2, added: 0, alreadyAssigned: 2, assigned: 2 });
    const entries = await auditOf(t.deps.db, 'assessor_assignment', `${assessorId}:${YEAR}`);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'bulk_assign', before: [] });
    expect([...((entries[0]?.after ?? []) as string[])].sort()).toEqual(await assignedTo(assessorId));
  });

  it('assigns by type across provinces, counting only participating agencies', async () => {
    const res = await bulk({ assessorId: otherAssessorId, filter: { agencyType: 'sao' } });
    expect(res.json<BulkAssignResult>()).toMatchObject({ matched: 2, added: 2 });
    expect(await assignedTo(otherAssessorId)).toEqual([agencies.saoP1?.id, agencies.saoP2?.id].sort());
  });

  it('refuses an explicit list naming an agency that does not take part, changing nothing', async () => {
    const res = await bulk({
      assessorId: otherAssessorId,
      agencyIds: [agencies.paoP1?.id, agencies.absentP1?.id],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'not_participating',
      th: expect.stringContaining('ไม่ได้เข้าร่วม'),
      details: { agencyIds: [agencies.absentP1?.id] },
    });
    expect(await assignedTo(otherAssessorId)).toHaveLength(2);
  });

  it('refuses a user who is not an assessor, an empty filter, and both filter and list', async () => {
    const notAssessor = await bulk({
      assessorId: (await makeUser(t.deps.db, { role: 'supervisor' })).id,
      agencyIds: [agencies.saoP1?.id],
    });
    expect(notAssessor.json().error.code).toBe('not_an_assessor');
    expect((await bulk({ assessorId, filter: {} })).statusCode).toBe(400);
    expect(
      (await bulk({ assessorId, filter: { agencyType: 'sao' }, agencyIds: [agencies.saoP1?.id] })).statusCode,
    ).toBe(400);
    expect(
      (await assessor.put(`/api/assignments/${YEAR}/bulk`, { assessorId, agencyIds: [agencies.saoP2?.id] }))
        .statusCode,
    ).toBe(403);
  });

  it('shows an assessor their agencies with status, counts, stage and deadline', async () => {
    const res = await assessor.get(`/api/oit/queue/${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    const queue = res.json<Queue>();
    expect(queue.total).toBe(2);
    const approved = queue.items.find((r) => r.agency.id === agencies.saoP1?.id);
    expect(approved).toMatchObject({
      status: 'approved',
      counts: { applicable: 28, approved: 28, scored: 0, disputed: 0, undecided: 0 },
      stage: {
        code: 'oit_scoring',
        opensOn: '2025-05-01',
        closesOn: '2025-06-06',
        open: true,
        extended: false,
      },
      deadline: '2025-06-06',
      overdue: false,
    });
    expect(approved?.assessors.map((a) => a.id).sort()).toEqual([assessorId, otherAssessorId].sort());
    const answering = queue.items.find((r) => r.agency.id === agencies.paoP1?.id);
    expect(answering).toMatchObject({ status: 'answering', stage: { code: 'oit_answering' }, overdue: true });
  });

  it('moves the deadline with the agency’s extension, and marks a stage past its end overdue', async () => {
    await t.deps.db.insert(stageExtensions).values({
      agencyId: agencies.saoP1?.id as string,
      year: YEAR,
      stage: 'oit_scoring',
      endsOn: '2025-06-13',
      reason: 'ผู้ประเมินเจ็บป่วย',
    });
    t.clock.set(DURING.between);
    const signedIn = await t.signIn(usernames.assessor);
    const row = (await signedIn.get(`/api/oit/queue/${YEAR}`))
      .json<Queue>()
      .items.find((r) => r.agency.id === agencies.saoP1?.id);
    expect(row).toMatchObject({
      deadline: '2025-06-13',
      overdue: false,
      stage: { extended: true, open: true },
    });
    t.clock.set(new Date('2025-06-16T03:00:00Z'));
    const later = await t.signIn(usernames.assessor);
    const late = (await later.get(`/api/oit/queue/${YEAR}`))
      .json<Queue>()
      .items.find((r) => r.agency.id === agencies.saoP1?.id);
    expect(late).toMatchObject({ deadline: '2025-06-13', overdue: true, stage: { open: false } });
    t.clock.set(DURING.scoring);
  });

  it('lists every participating agency for admins, filtered by province, status or assessor', async () => {
    const adminNow = await t.signIn(usernames.admin);
    const all = (await adminNow.get(`/api/oit/queue/${YEAR}`)).json<Queue>();
    expect(all.total).toBe(3);
    const p2 = (await adminNow.get(`/api/oit/queue/${YEAR}?province=TH-Q2`)).json<Queue>();
    expect(p2.items.map((r) => r.agency.id)).toEqual([agencies.saoP2?.id]);
    const approved = (await adminNow.get(`/api/oit/queue/${YEAR}?status=approved`)).json<Queue>();
    expect(approved.items.map((r) => r.agency.id)).toEqual([agencies.saoP1?.id]);
    const ofOther = (
      await adminNow.get(`/api/oit/queue/${YEAR}?assessorId=${otherAssessorId}`)
    ).json<Queue>();
    expect(ofOther.total).toBe(2);
    const paged = (await adminNow.get(`/api/oit/queue/${YEAR}?pageSize=1&page=2`)).json<Queue>();
    expect(paged).toMatchObject({ total: 3 });
    expect(paged.items).toHaveLength(1);
  });
});
