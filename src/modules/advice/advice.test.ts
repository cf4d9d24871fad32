// The assessors' advice API: who reads and writes it (NACC, this year's assessors), question codes checked
// against the year's framework as ITAS shows them, a stale save refused, every save audited, bad input 4xx
// changing nothing, and the audit entries readable by the assigned assessor only.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { grantScope, makeUser } from '../../../test/helpers/factories.ts';
import type { Db } from '../../db/client.ts';
import { assessorAdvice, assessorAssignments, auditLog } from '../../db/schema/index.ts';
import { loadFramework, participatingAgency, YEAR } from '../quality/quality.fixture.testing.ts';

describe('assessors’ advice', () => {
  let t: TestApp;
  let db: Db;
  let A: string;
  let B: string;
  const as: Record<string, Client> = {};
  const url = (agency = A, year = YEAR) => `/api/agencies/${agency}/advice/${year}`;
  const line = (o: Record<string, unknown> = {}) => ({
    instrument: 'IIT',
    questionCode: 'i10',
    issue: 'บุคลากรบางส่วนเห็นว่ามีการใช้ทรัพย์สินของราชการเพื่อประโยชน์ส่วนตัว',
    advice: 'จัดทำแนวปฏิบัติการยืมทรัพย์สินของราชการและเผยแพร่ให้บุคลากรทราบ',
    ...o,
  });

  beforeAll(async () => {
    t = await createTestApp();
    db = t.deps.db;
    await loadFramework(db);
    A = (await participatingAgency(db)).id;
    B = (await participatingAgency(db)).id;
    const people = {
      admin: { role: 'admin' as const },
      assessor: { role: 'assessor' as const },
      otherAssessor: { role: 'assessor' as const },
      lastYearAssessor: { role: 'assessor' as const },
      supervisor: { role: 'supervisor' as const },
      aAdmin: { role: 'agency_admin' as const, agencyId: A },
      aExec: { role: 'executive' as const, agencyId: A },
    };
    for (const [name, o] of Object.entries(people)) {
      const user = await makeUser(db, { ...o, username: `adv-${name.toLowerCase()}` });
      if (name === 'assessor')
        await db.insert(assessorAssignments).values({ userId: user.id, agencyId: A, year: YEAR });
      if (name === 'otherAssessor')
        await db.insert(assessorAssignments).values({ userId: user.id, agencyId: B, year: YEAR });
      if (name === 'lastYearAssessor')
        await db.insert(assessorAssignments).values({ userId: user.id, agencyId: A, year: YEAR - 1 });
      if (name === 'supervisor') await grantScope(db, user.id, { agencyId: A });
      as[name] = await t.signIn(`adv-${name.toLowerCase()}`);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const client = (who: string) => as[who] as Client;
  const stored = () =>
    db
      .select()
      .from(assessorAdvice)
      .where(and(eq(assessorAdvice.agencyId, A), eq(assessorAdvice.year, YEAR)));

  it('answers an empty advice with the questions each survey may cite, as ITAS shows them', async () => {
    const res = await client('assessor').get(url());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ agencyId: A, year: YEAR, entries: [], overall: null, version: 0 });
    expect(body.questions.IIT.map((q: { displayCode: string }) => q.displayCode)).toEqual(
      Array.from({ length: 15 }, (_, i) => `i${i + 1}`),
    );
    const eit = body.questions.EIT.map((q: { displayCode: string }) => q.displayCode);
    expect(eit).toHaveLength(18);
    expect(eit.slice(0, 2)).toEqual(['ES1', 'ES2']);
    expect(eit).toContain('EP4');
    expect(body.questions.EIT.find((q: { displayCode: string }) => q.displayCode === 'EP4')).toMatchObject({
      code: 'e4',
      instruments: ['EIT2'],
      indicator: '7',
    });
  });

  it('lets NACC and the assessors assigned this year write; refuses everyone else before validation', async () => {
    for (const who of ['aAdmin', 'aExec', 'supervisor', 'otherAssessor', 'lastYearAssessor']) {
      expect((await client(who).put(url(), { entries: [line()] })).statusCode, who).toBe(403);
      expect((await client(who).get(url())).statusCode, who).toBe(403);
    }
    expect(await stored()).toEqual([]);
    const res = await client('assessor').put(url(), {
      entries: [line({ questionCode: 'I10' }), line({ instrument: 'EIT', questionCode: 'ep4' })],
      overall: '  หน่วยงานควรสื่อสารมาตรการป้องกันการทุจริตให้ทั่วถึง  ',
      version: 0,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // Stored in the framework's spelling, with the cited question's text.
    expect(body.entries.map((e: { questionCode: string }) => e.questionCode)).toEqual(['i10', 'EP4']);
    expect(body.entries[1].question).toMatchObject({ code: 'e4', indicator: '7' });
    expect(body).toMatchObject({
      version: 1,
      overall: 'หน่วยงานควรสื่อสารมาตรการป้องกันการทุจริตให้ทั่วถึง',
      updatedBy: { name: 'ผู้ใช้ adv-assessor' },
    });
    const admin = await client('admin').put(url(), { entries: [line({ questionCode: null })], version: 1 });
    expect(admin.statusCode).toBe(200);
    expect(admin.json()).toMatchObject({
      version: 2,
      overall: null,
      entries: [{ questionCode: null, question: null }],
    });
  });

  it('refuses unknown or foreign question codes, loose bodies and a stale version, changing nothing', async () => {
    const before = await stored();
    const bad = [
      { entries: [line({ questionCode: 'e4' })] }, // an EIT question under IIT
      { entries: [line({ instrument: 'EIT', questionCode: 'i2' })] },
      { entries: [line({ questionCode: 'I20' })] }, // FY2566's code, not FY2568's
      { entries: [line({ instrument: 'OIT', questionCode: 'o1' })] },
      { entries: [line({ issue: '   ' })] },
      { entries: [line({ extra: 1 })] },
      { entries: [line()], unknown: true },
      { entries: Array.from({ length: 201 }, () => line()) },
      { entries: [line({ questionCode: 'i1; drop' })] },
    ];
    for (const body of bad) {
      const res = await client('assessor').put(url(), body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json().error.th).toBeTruthy();
      expect(res.json().error.en).toBeTruthy();
    }
    const unknown = await client('assessor').put(url(), { entries: [line(), line({ questionCode: 'i99' })] });
    expect(unknown.json().error).toMatchObject({
      code: 'advice_question_unknown',
      details: [{ path: 'entries.1.questionCode' }],
    });
    const stale = await client('assessor').put(url(), { entries: [line()], version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('advice_changed');
    expect(await stored()).toEqual(before);
    expect((await client('admin').put(url(A, 2599), { entries: [] })).statusCode).toBe(409); // no cycle
    expect((await client('admin').put(url(crypto.randomUUID()), { entries: [] })).statusCode).toBe(404);
  });

  it('audits every save; the assigned assessor reads the entries, another one does not', async () => {
    const entries = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, 'assessor_advice'))
      .orderBy(auditLog.seq);
    expect(entries.map((e) => [e.action, e.entityId, e.agencyId])).toEqual([
      ['create', `${A}:${YEAR}`, A],
      ['update', `${A}:${YEAR}`, A],
    ]);
    const seen = async (who: string) =>
      (await client(who).get(`/api/audit?entityType=assessor_advice`)).json().items?.length ?? 0;
    expect(await seen('assessor')).toBe(2);
    expect(await seen('otherAssessor')).toBe(0);
    expect(await seen('lastYearAssessor')).toBe(0);
    expect(await seen('aAdmin')).toBe(0);
  });
});
