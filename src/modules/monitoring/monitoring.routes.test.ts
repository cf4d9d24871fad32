import { gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { grantScope, makeUser } from '../../../test/helpers/factories.ts';
import { applicableOitItems } from '../../core/oit/score.ts';
import { oitAnswers, oitClarifications, oitScores } from '../../db/schema/index.ts';
import { frameworkForYear } from '../frameworks/index.ts';
import { monitoringSuite, YEAR } from './monitoring.fixture.testing.ts';

type Row = {
  agency: { id: string; code: string; province: { code: string } | null };
  behind: number;
  overdueStages: number;
  stages: {
    code: string;
    state: string;
    deadline: string | null;
    daysLeft: number | null;
    extended: boolean;
    agencyOutstanding: boolean;
  }[];
};
const cell = (r: Row, code: string) => r.stages.find((s) => s.code === code);

describe('monitoring matrix', () => {
  const s = monitoringSuite();
  const url = (q = '') => `/api/monitoring/${YEAR}/agencies${q}`;
  const codes = (body: { items: Row[] }) => body.items.map((r) => r.agency.code);

  it('lists only the supervisor’s agencies, furthest behind first', async () => {
    const res = await (await s.as('supervisor')).get(url());
    expect(res.statusCode).toBe(200);
    expect(codes(res.json())).toEqual(['MO-B', 'MO-A']);
    expect(res.json().summary).toEqual({ agencies: 2, behind: 2, overdue: 1 });
  });

  it('sends the same answer gzip-compressed to a client that takes gzip, plain to one that does not', async () => {
    const sup = await s.as('supervisor');
    const ask = (encoding: string) =>
      s.t.app.inject({
        method: 'GET',
        url: url('?sort=code'),
        headers: { cookie: sup.cookie as string, 'accept-encoding': encoding },
      });
    const plain = await ask('identity');
    const packed = await ask('br, gzip;q=0.8');
    const refused = await ask('gzip;q=0');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(packed.headers['content-encoding']).toBe('gzip');
    expect(packed.headers.vary).toContain('accept-encoding');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(gunzipSync(packed.rawPayload).toString('utf8'))).toEqual(plain.json());
    expect(codes(plain.json())).toEqual(['MO-A', 'MO-B']);
  });

  it('with answers shared between requests (15 s), each actor still gets only their own scope', async () => {
    const config = s.t.deps.config.monitoring;
    const other = await makeUser(s.t.deps.db, { role: 'supervisor', username: 'mo-supervisor-p2' });
    await grantScope(s.t.deps.db, other.id, { provinceCode: 'TH-P2' });
    const p2 = await s.t.signIn(other.username);
    try {
      config.cacheMs = 15_000;
      const ask = async (c: { get(u: string): Promise<{ json(): { items: Row[] } }> }) =>
        codes((await c.get(url('?sort=code'))).json());
      // Concurrent asks of different scopes, then again from the shared answers.
      for (let round = 0; round < 2; round++) {
        const [p1, p2Codes, assessor, admin] = await Promise.all([
          ask(await s.as('supervisor')),
          ask(p2),
          ask(await s.as('assessor')),
          ask(await s.as('admin')),
        ]);
        expect(p1).toEqual(['MO-A', 'MO-B']);
        expect(p2Codes).toEqual(['MO-C']);
        expect(assessor).toEqual(['MO-A']);
        expect(admin).toEqual(['MO-A', 'MO-B', 'MO-C']);
      }
    } finally {
      config.cacheMs = 0;
    }
  });

  it('gives each stage its deadline and days left in Bangkok time, extensions applied', async () => {
    const [b, a] = (await (await s.as('supervisor')).get(url())).json().items as Row[];
    expect(cell(b as Row, 'register')).toMatchObject({
      state: 'due_soon',
      deadline: '2025-03-05',
      daysLeft: 4,
      extended: true,
      agencyOutstanding: true,
    });
    expect(cell(b as Row, 'stakeholder_data')).toMatchObject({
      state: 'overdue',
      daysLeft: null,
      deadline: '2025-02-28',
    });
    expect(cell(a as Row, 'register')?.state).toBe('done');
    expect(cell(a as Row, 'iit_collection')).toMatchObject({
      state: 'open',
      daysLeft: 121,
      agencyOutstanding: true,
    });
    expect(cell(a as Row, 'oit_answering')).toMatchObject({
      state: 'open',
      deadline: '2025-04-30',
      daysLeft: 60,
    });
    expect(cell(a as Row, 'oit_scoring')?.state).toBe('upcoming');
  });

  it('turns the extended registration overdue at midnight in Bangkok, not at midnight UTC', async () => {
    try {
      s.t.clock.set(new Date('2025-03-05T16:59:59Z'));
      // Signed in at the moved clock: a session left idle for days has expired.
      const sup = await s.t.signIn(s.f.users.supervisor);
      let b = ((await sup.get(url('?sort=code'))).json().items as Row[])[1] as Row;
      expect(cell(b, 'register')).toMatchObject({ state: 'due_soon', daysLeft: 0 });
      s.t.clock.set(new Date('2025-03-05T17:00:00Z'));
      b = ((await sup.get(url('?sort=code'))).json().items as Row[])[1] as Row;
      expect(cell(b, 'register')).toMatchObject({ state: 'overdue', daysLeft: null });
      expect(b.overdueStages).toBe(2);
    } finally {
      s.t.clock.set(new Date('2025-03-01T03:00:00Z'));
    }
  });

  it('sorts by name, code and stage, either way', async () => {
    const sup = await s.as('supervisor');
    expect(codes((await sup.get(url('?sort=name'))).json())).toEqual(['MO-A', 'MO-B']);
    expect(codes((await sup.get(url('?sort=name&dir=desc'))).json())).toEqual(['MO-B', 'MO-A']);
    expect(codes((await sup.get(url('?sort=register'))).json())).toEqual(['MO-B', 'MO-A']);
    expect(codes((await sup.get(url('?sort=register&dir=asc'))).json())).toEqual(['MO-A', 'MO-B']);
    expect(codes((await sup.get(url('?sort=behind&dir=asc'))).json())).toEqual(['MO-A', 'MO-B']);
  });

  it('filters by province, ministry, type, stage and state, behind only and name', async () => {
    const admin = await s.as('admin');
    expect(codes((await admin.get(url('?sort=code'))).json())).toEqual(['MO-A', 'MO-B', 'MO-C']);
    expect(codes((await admin.get(url('?province=TH-P2'))).json())).toEqual(['MO-C']);
    expect(codes((await admin.get(url('?ministry=M-IN'))).json())).toEqual(['MO-A']);
    expect(codes((await admin.get(url('?type=district'))).json())).toEqual(['MO-C']);
    expect(codes((await admin.get(url('?stage=stakeholder_data&state=overdue&sort=code'))).json())).toEqual([
      'MO-B',
      'MO-C',
    ]);
    expect(codes((await admin.get(url('?stage=register&state=done&sort=code'))).json())).toEqual([
      'MO-A',
      'MO-C',
    ]);
    expect(codes((await admin.get(url('?q=%E0%B8%82'))).json())).toEqual(['MO-B']);
    expect((await admin.get(url('?behind=true'))).json().total).toBe(3);
    // A supervisor asking for another province gets nothing, not that province.
    expect((await (await s.as('supervisor')).get(url('?province=TH-P2'))).json().total).toBe(0);
  });

  it('pages', async () => {
    const res = (await (await s.as('admin')).get(url('?sort=code&pageSize=1&page=2'))).json();
    expect(res).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(codes(res)).toEqual(['MO-B']);
  });

  it('lets an assessor see only the assigned agencies, and no agency account at all', async () => {
    expect(codes((await (await s.as('assessor')).get(url())).json())).toEqual(['MO-A']);
    for (const role of ['agency_admin', 'executive', 'agency_staff'] as const)
      expect((await (await s.as(role)).get(url())).statusCode).toBe(403);
    expect((await s.t.anonymous().get(url())).statusCode).toBe(401);
  });

  it('refuses a bad sort or state with a 400 in Thai and English', async () => {
    const res = await (await s.as('admin')).get(url('?sort=nope'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_request' });
    expect((await (await s.as('admin')).get(url('?state=late'))).statusCode).toBe(400);
    expect((await (await s.as('admin')).get(`/api/monitoring/1999/agencies`)).statusCode).toBe(400);
  });

  it('downloads the matrix as XLSX with Thai headers and Buddhist-Era dates, scope applied', async () => {
    const res = await (await s.as('supervisor')).get(`/api/monitoring/${YEAR}/agencies.xlsx?sort=code`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`ita-monitoring-${YEAR}-2025-03-01.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    const header = (rows[0] ?? []).slice(1);
    expect(header.slice(0, 3)).toEqual(['รหัสหน่วยงาน', 'ชื่อหน่วยงาน', 'ประเภท']);
    expect(rows.slice(1, 3).map((r) => r[1])).toEqual(['MO-A', 'MO-B']);
    expect(JSON.stringify(rows)).not.toContain('MO-C');
    const registerIdx = header.indexOf('ลงทะเบียนเข้าร่วมการประเมิน: สถานะ') + 1;
    expect(String(rows[2]?.[registerIdx])).toContain('กำหนด 5 มี.ค. 2568 (ขยาย)');
    expect(String(rows[2]?.[registerIdx])).toContain('ใกล้ครบกำหนด');
    expect(String(rows.at(-1)?.[1])).toBe('ข้อมูล ณ วันที่ 1 มี.ค. 2568');
  });
});

describe('monitoring roll-up', () => {
  const s = monitoringSuite();
  const url = (q: string) => `/api/monitoring/${YEAR}/rollup${q}`;

  it('rolls the nation up by province for NACC, with totals', async () => {
    const res = (await (await s.as('admin')).get(url('?by=province'))).json();
    expect(res.groups.map((g: { key: string; agencies: number }) => [g.key, g.agencies])).toEqual([
      ['TH-P2', 1], // จังหวัดสอง sorts before จังหวัดหนึ่ง in Thai
      ['TH-P1', 2],
    ]);
    expect(res.total).toMatchObject({
      agencies: 3,
      registered: 2,
      stakeholderApproved: 1,
      behind: 3,
      overdue: 2,
    });
  });

  it('rolls up by type and ministry, naming them, the agencies without a ministry last', async () => {
    const admin = await s.as('admin');
    const byType = (await admin.get(url('?by=type'))).json();
    expect(byType.groups.map((g: { key: string; name: { th: string } }) => [g.key, g.name.th])).toEqual([
      ['sao', 'องค์การบริหารส่วนตำบล'],
      ['district', 'อำเภอ'],
    ]);
    const byMinistry = (await admin.get(url('?by=ministry'))).json();
    expect(byMinistry.groups.map((g: { key: string | null }) => g.key)).toEqual(['M-IN', null]);
  });

  it('keeps a supervisor’s roll-up to its scope', async () => {
    const res = (await (await s.as('supervisor')).get(url('?by=province'))).json();
    expect(res.groups.map((g: { key: string }) => g.key)).toEqual(['TH-P1']);
    expect(res.total.agencies).toBe(2);
  });

  it('downloads as XLSX, streamed, dated in the Buddhist Era', async () => {
    const res = await (await s.as('admin')).get(`/api/monitoring/${YEAR}/rollup.xlsx?by=province`);
    expect(res.statusCode).toBe(200);
    // Streamed: written as it is sent, so no length is known up front.
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.headers['content-disposition']).toContain(
      `ita-monitoring-${YEAR}-by-province-2025-03-01.xlsx`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = (wb.worksheets[0]?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    expect(rows[0]?.[1]).toBe('จังหวัด');
    expect(rows.slice(1, 4).map((r) => [r[1], r[2]])).toEqual([
      ['จังหวัดสอง', 1],
      ['จังหวัดหนึ่ง', 2],
      ['รวม', 3],
    ]);
    // 1 March 2025 is 1 มี.ค. 2568 in the Buddhist Era.
    expect(rows.at(-1)?.[1]).toBe('ข้อมูล ณ วันที่ 1 มี.ค. 2568');
  });

  it('counts stakeholder numbers entered and OIT answered, scored and clarified by the matrix’s own cells', async () => {
    const db = s.t.deps.db;
    const { framework } = await frameworkForYear(db, YEAR);
    const items = applicableOitItems(framework, 'district').map((i) => i.code);
    const [zero] = items;
    // C (TH-P2) answered every item, and the assessors scored every one, the first 0; A (TH-P1) entered its
    // stakeholder numbers (the fixture). Nothing of C's is clarified yet.
    await db
      .insert(oitAnswers)
      .values(items.map((itemCode) => ({ agencyId: s.f.C, year: YEAR, itemCode, has: true })));
    await db.insert(oitScores).values(
      items.map((itemCode) => ({
        agencyId: s.f.C,
        year: YEAR,
        itemCode,
        score: itemCode === zero ? 0 : 100,
        advice: itemCode === zero ? 'เผยแพร่ให้ครบ' : null,
      })),
    );
    const admin = await s.as('admin');
    const counts = async () => {
      const res = (await admin.get(url('?by=province'))).json();
      const pick = (g: Record<string, unknown>) => [
        g.key,
        g.stakeholderEntered,
        g.oitAnswered,
        g.oitScored,
        g.oitClarified,
      ];
      return { groups: res.groups.map(pick), total: pick(res.total) };
    };
    expect(await counts()).toEqual({
      groups: [
        ['TH-P2', 0, 1, 1, 0],
        ['TH-P1', 1, 0, 0, 0],
      ],
      total: [null, 1, 1, 1, 0],
    });
    await db
      .insert(oitClarifications)
      .values({ agencyId: s.f.C, year: YEAR, itemCode: zero as string, explanation: 'อยู่ในหน้ารายงาน' });
    expect((await counts()).total).toEqual([null, 1, 1, 1, 1]);
    // The workbook has the same columns, headed in Thai.
    const res = await admin.get(`/api/monitoring/${YEAR}/rollup.xlsx?by=province`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = (wb.worksheets[0]?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    const header = rows[0] ?? [];
    const total = rows.find((r) => r[1] === 'รวม') ?? [];
    const column = (th: string) => total[header.indexOf(th)];
    expect(column('กรอกข้อมูลผู้มีส่วนได้ส่วนเสียแล้ว')).toBe(1);
    expect(column('ตอบ OIT ครบ')).toBe(1);
    expect(column('ผู้ประเมินให้คะแนน OIT ครบ')).toBe(1);
    expect(column('ชี้แจง OIT ครบ')).toBe(1);
    expect(column('ยืนยันผล OIT แล้ว')).toBe(0);
  });
});
