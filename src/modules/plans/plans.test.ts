// Provincial plans: the supervisors of a province write its plan, NACC reads all, agencies read none; the
// template follows the year's framework calendar; periods are checked against the fiscal year; a stale save
// is a 409; every save audited; bad input is a 4xx that changes nothing.
import { execFileSync } from 'node:child_process';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import {
  grantScope,
  makeAgency,
  makeMinistry,
  makeProvince,
  makeUser,
} from '../../../test/helpers/factories.ts';
import type { Db } from '../../db/client.ts';
import { auditLog, participations, supervisionPlans } from '../../db/schema/index.ts';
import { loadFramework, YEAR } from '../quality/quality.fixture.testing.ts';

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
})();

describe('provincial plans', () => {
  let t: TestApp;
  let db: Db;
  let P: string;
  let Q: string;
  let M: string;
  const as: Record<string, Client> = {};
  const url = (code = P, kind = 'province', year = YEAR) => `/api/plans/${year}/${kind}/${code}`;
  const activity = (o: Record<string, unknown> = {}) => ({
    kind: 'chase_oit',
    title: 'ติดตามเร่งรัดการตอบแบบตรวจ OIT',
    period: { kind: 'dates', from: '2025-01-01', to: '2025-04-30' },
    offices: ['สำนักงานจังหวัดทดสอบ'],
    status: 'planned',
    chases: ['oit_answering'],
    ...o,
  });

  beforeAll(async () => {
    t = await createTestApp();
    db = t.deps.db;
    await loadFramework(db);
    P = (await makeProvince(db, { nameTh: 'ทดสอบแผน' })).code;
    Q = (await makeProvince(db)).code;
    M = (await makeMinistry(db)).code;
    const agency = await makeAgency(db, { provinceCode: P });
    await db
      .insert(participations)
      .values({ agencyId: agency.id, year: YEAR, registered: true, registeredAt: new Date() });
    const people = {
      admin: { role: 'admin' as const },
      supervisor: { role: 'supervisor' as const },
      otherSupervisor: { role: 'supervisor' as const },
      agencySupervisor: { role: 'supervisor' as const },
      aAdmin: { role: 'agency_admin' as const, agencyId: agency.id },
      assessor: { role: 'assessor' as const },
    };
    for (const [name, o] of Object.entries(people)) {
      const username = `plan-${name.toLowerCase()}`;
      const user = await makeUser(db, { ...o, username });
      if (name === 'supervisor') {
        await grantScope(db, user.id, { provinceCode: P });
        await grantScope(db, user.id, { ministryCode: M });
      }
      if (name === 'otherSupervisor') await grantScope(db, user.id, { provinceCode: Q });
      // A scope of single agencies is not a plan's scope, even for an agency of the province.
      if (name === 'agencySupervisor') await grantScope(db, user.id, { agencyId: agency.id });
      as[name] = await t.signIn(username);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const client = (who: string) => as[who] as Client;
  const stored = () => db.select().from(supervisionPlans).orderBy(supervisionPlans.createdAt);

  it('offers the template with the year’s framework dates and the province’s offices', async () => {
    const res = await client('supervisor').get(url());
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan).toMatchObject({ exists: false, version: 0, activities: [], canEdit: true });
    expect(plan.scope).toMatchObject({ kind: 'province', code: P, name: { th: 'ทดสอบแผน' } });
    expect(plan.template).toHaveLength(16);
    const byKind = (k: string) => plan.template.find((a: { kind: string }) => a.kind === k);
    // FY2568's calendar: OIT answering 1 January – 30 April 2025, visits in its last 16 days.
    expect(byKind('chase_oit')).toMatchObject({
      period: { kind: 'months', from: '2025-01', to: '2025-04' },
      chases: ['oit_answering'],
    });
    expect(byKind('visit_oit_laggards').period).toEqual({
      kind: 'dates',
      from: '2025-04-15',
      to: '2025-04-30',
    });
    expect(byKind('results_meeting').title).toContain('2567');
    expect(byKind('results_meeting').offices).toEqual([
      'สำนักงานจังหวัดทดสอบแผน',
      'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดทดสอบแผน',
      'สำนักงาน ป.ป.ช. ประจำจังหวัดทดสอบแผน',
    ]);
    expect(plan.calendar.map((s: { code: string }) => s.code)).toContain('oit_answering');
  });

  it('lets the province’s supervisors write; NACC reads only; others are refused before validation', async () => {
    for (const who of ['aAdmin', 'assessor', 'otherSupervisor', 'agencySupervisor']) {
      expect((await client(who).get(url())).statusCode, who).toBe(403);
      expect((await client(who).put(url(), { activities: [activity()], version: 0 })).statusCode, who).toBe(
        403,
      );
    }
    expect((await client('admin').put(url(), { activities: [activity()], version: 0 })).statusCode).toBe(403);
    expect(await stored()).toEqual([]);
    const res = await client('supervisor').put(url(), {
      activities: [
        activity(),
        activity({ kind: 'briefing', chases: [], period: { kind: 'month', month: '2024-12' } }),
      ],
      version: 0,
    });
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan).toMatchObject({ exists: true, version: 1, updatedBy: { name: 'ผู้ใช้ plan-supervisor' } });
    expect(plan.activities[0]).toMatchObject({
      status: 'planned',
      notes: null,
      chases: [
        // The province's one agency takes part and has answered no OIT item; FY2568's answering is over.
        { stage: 'oit_answering', href: `/monitoring/${YEAR}?province=${P}&stage=oit_answering`, behind: 1 },
      ],
    });
    const read = await client('admin').get(url());
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ canEdit: false, version: 1 });
    expect(read.json().activities).toHaveLength(2);
  });

  it('refuses periods outside the plan year, malformed periods, loose bodies and a stale version', async () => {
    const before = await stored();
    const bad = [
      { activities: [activity({ period: { kind: 'month', month: '2023-01' } })], version: 1 },
      { activities: [activity({ period: { kind: 'months', from: '2025-03', to: '2025-01' } })], version: 1 },
      {
        activities: [activity({ period: { kind: 'dates', from: '2025-02-30', to: '2025-03-02' } })],
        version: 1,
      },
      { activities: [activity({ period: { kind: 'week', month: '2025-01' } })], version: 1 },
      { activities: [activity({ offices: [] })], version: 1 },
      { activities: [activity({ chases: ['oit_answering', 'oit_answering'] })], version: 1 },
      { activities: [activity({ chases: ['processing'] })], version: 1 },
      { activities: [activity({ extra: 1 })], version: 1 },
      { activities: [activity()] },
      { activities: Array.from({ length: 61 }, () => activity()), version: 1 },
    ];
    for (const body of bad) {
      const res = await client('supervisor').put(url(), body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 120)).toBe(400);
      expect(res.json().error.th).toBeTruthy();
    }
    const outside = await client('supervisor').put(url(), {
      activities: [activity(), activity({ period: { kind: 'month', month: '2026-10' } })],
      version: 1,
    });
    expect(outside.json().error).toMatchObject({
      code: 'plan_period_outside_year',
      details: [{ path: 'activities.1.period' }],
    });
    for (const version of [0, 2]) {
      const stale = await client('supervisor').put(url(), { activities: [activity()], version });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('plan_changed');
    }
    expect(await stored()).toEqual(before);
    expect((await client('supervisor').get(url('TH-NOPE'))).statusCode).toBe(403);
    expect((await client('admin').get(url('TH-NOPE'))).statusCode).toBe(404);
  });

  it('lists each supervisor’s scopes and every saved plan for NACC; agencies get none', async () => {
    const put = await client('supervisor').put(url(M, 'ministry'), {
      activities: [activity({ status: 'done' })],
      version: 0,
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().scope).toMatchObject({ kind: 'ministry', code: M });
    const list = (who: string) => client(who).get(`/api/plans/${YEAR}`);
    const mine = (await list('supervisor')).json().plans;
    expect(
      mine.map((p: { scope: { code: string }; exists: boolean; done: number }) => [
        p.scope.code,
        p.exists,
        p.done,
      ]),
    ).toEqual([
      [M, true, 1],
      [P, true, 0],
    ]);
    expect((await list('otherSupervisor')).json().plans).toMatchObject([
      { scope: { code: Q }, exists: false },
    ]);
    expect((await list('agencySupervisor')).json().plans).toEqual([]);
    const all = (await list('admin')).json().plans;
    expect(all.map((p: { scope: { code: string }; canEdit: boolean }) => [p.scope.code, p.canEdit])).toEqual([
      [M, false],
      [P, false],
    ]);
    expect((await client('aAdmin').get(`/api/plans/${YEAR}`)).statusCode).toBe(403);
    expect((await client('admin').get(`/api/plans/${YEAR + 1}`)).json().plans).toEqual([]);
  });

  it('audits every save, readable by NACC only', async () => {
    const entries = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, 'supervision_plan'))
      .orderBy(auditLog.seq);
    expect(entries.map((e) => [e.action, e.entityId, e.agencyId])).toEqual([
      ['create', `province:${P}:${YEAR}`, null],
      ['create', `ministry:${M}:${YEAR}`, null],
    ]);
    const seen = async (who: string) =>
      (await client(who).get('/api/audit?entityType=supervision_plan')).json().items?.length ?? 0;
    expect(await seen('admin')).toBe(2);
    expect(await seen('supervisor')).toBe(0);
  });

  it('exports the saved plan as an official DOCX, Thai digits by default; 404 before the first save', async () => {
    const res = await client('admin').get(`${url()}/export.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="plan-province-${P.replace(/[^A-Za-z0-9-]/g, '')}-${YEAR}.docx"`,
    );
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('ประจำปีงบประมาณ พ.ศ. ๒๕๖๘');
    expect(text).toContain('จังหวัดทดสอบแผน');
    expect(text).toContain('ติดตามเร่งรัดการตอบแบบตรวจ OIT');
    expect(text).toContain('๑ มกราคม – ๓๐ เมษายน ๒๕๖๘');
    expect(text).toContain('หน่วยงานผู้รับผิดชอบ');
    const arabic = await client('supervisor').get(`${url()}/export.docx?digits=arabic`);
    const arabicXml =
      (await (await JSZip.loadAsync(arabic.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    expect(arabicXml.replace(/<[^>]+>/g, '')).toContain('1 มกราคม – 30 เมษายน 2568');
    expect((await client('otherSupervisor').get(`${url(Q)}/export.docx`)).json().error.code).toBe(
      'plan_not_found',
    );
    expect((await client('aAdmin').get(`${url()}/export.docx`)).statusCode).toBe(403);
    expect((await client('admin').get(`${url()}/export.odt`)).statusCode).toBe(400);
  });

  it.runIf(hasSoffice)(
    'exports the same plan as PDF through LibreOffice',
    async () => {
      const res = await client('supervisor').get(`${url()}/export.pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    },
    180_000,
  );
});
