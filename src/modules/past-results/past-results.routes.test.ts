import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeAgency, makeProvince, makeUser } from '../../../test/helpers/factories.ts';
import { auditLog, pastResults } from '../../db/schema/index.ts';
import { loadBundledFrameworks } from '../frameworks/index.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = 'รหัสหน่วยงาน,ชื่อหน่วยงาน,ปีงบประมาณ,IIT,EIT,OIT,คะแนนรวม,ระดับผลการประเมิน';

describe('past results', () => {
  let t: TestApp;
  let admin: Client;
  let agencyAdmin: Client;
  let otherAdmin: Client;
  const ids = { A: '', B: '' };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.deps.db;
    await loadBundledFrameworks(db);
    await makeProvince(db, { code: 'TH-P1' });
    ids.A = (await makeAgency(db, { code: 'PR-A', nameTh: 'หน่วยงาน ก', provinceCode: 'TH-P1' })).id;
    ids.B = (await makeAgency(db, { code: 'PR-B', nameTh: 'หน่วยงาน ข', provinceCode: 'TH-P1' })).id;
    await makeUser(db, { role: 'admin', username: 'pr-admin' });
    await makeUser(db, { role: 'agency_admin', username: 'pr-agency-admin', agencyId: ids.A });
    await makeUser(db, { role: 'agency_admin', username: 'pr-other-admin', agencyId: ids.B });
    admin = await t.signIn('pr-admin');
    agencyAdmin = await t.signIn('pr-agency-admin');
    otherAdmin = await t.signIn('pr-other-admin');
  });
  afterAll(async () => t?.close());

  async function upload(body: string | Buffer, query = '', contentType = 'text/csv; charset=utf-8') {
    const token = (await admin.get('/api/auth/me')).json().csrfToken;
    return t.app.inject({
      method: 'POST',
      url: `/api/past-results/import${query}`,
      headers: { cookie: admin.cookie, 'x-csrf-token': token, 'content-type': contentType },
      payload: body,
    });
  }
  const form = (name: string, data: Buffer, type: string) => {
    const boundary = 'pastresultsboundary';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return [body, `multipart/form-data; boundary=${boundary}`] as const;
  };
  const stored = () => t.deps.db.select().from(pastResults).orderBy(pastResults.year);
  const line = async (c: Client, id = ids.A) => c.get(`/api/agencies/${id}/past-results`);

  const GOOD = [
    HEADER,
    'PR-A,หน่วยงาน ก,๒๕๖๖,90,90,80,86,ผ่าน',
    'PR-B,หน่วยงาน ข,2566,95,95,95,95,ผ่านดีเยี่ยม',
  ].join('\n');

  it('reports every row of a dry run and stores nothing', async () => {
    const res = await upload(GOOD, '?dryRun=true');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      dryRun: true,
      stored: false,
      problems: [],
      counts: { rows: 2, new: 2, replace: 0, conflict: 0, invalid: 0 },
      rows: [
        { line: 2, status: 'new', agencyCode: 'PR-A', agencyId: ids.A, year: 2566, total: 86 },
        { line: 3, status: 'new', agencyCode: 'PR-B', year: 2566, rating: { code: 'excellent' } },
      ],
    });
    expect(await stored()).toEqual([]);
  });

  it('stores a valid CSV and records one audit entry', async () => {
    const res = await upload(GOOD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: false, stored: true, file: 'upload.csv' });
    const rows = await stored();
    expect(rows.map((r) => [r.year, r.total, r.ratingCode, r.sourceLine])).toEqual([
      [2566, 86, 'pass', 2],
      [2566, 95, 'excellent', 3],
    ]);
    expect(rows[0]?.instruments).toEqual({ IIT: 90, EIT1: 90, EIT2: 90, OIT: 80 });
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, 'past_results_import'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorUsername: 'pr-admin',
      action: 'import',
      agencyId: null,
      after: { file: 'upload.csv', created: ['PR-A:2566', 'PR-B:2566'], replaced: [] },
    });
  });

  it('reports a stored agency-year as a conflict and stores nothing without replace', async () => {
    const csv = [HEADER, 'PR-A,,2566,90,90,90,90,ผ่านดี', 'PR-A,,2567,90,90,90,90,ผ่านดี'].join('\n');
    const res = await upload(csv);
    expect(res.statusCode).toBe(400);
    const report = res.json().error.details;
    expect(res.json().error.code).toBe('past_results_invalid');
    expect(report.counts).toMatchObject({ conflict: 1, new: 1 });
    expect(report.rows[0]).toMatchObject({
      status: 'conflict',
      problems: [{ line: 2, column: null, en: expect.stringContaining('upload.csv, line 2') }],
    });
    expect((await stored()).map((r) => [r.year, r.total])).toEqual([
      [2566, 86],
      [2566, 95],
    ]);
  });

  it('replaces a stored agency-year when asked, keeping the earlier figures in the audit entry', async () => {
    const csv = [HEADER, 'PR-A,,2566,90,90,90,90,ผ่านดี'].join('\n');
    const res = await upload(csv, '?replace=true');
    expect(res.statusCode).toBe(200);
    expect(res.json().rows[0]).toMatchObject({ status: 'replace' });
    const a = (await stored()).find((r) => r.agencyId === ids.A);
    expect(a).toMatchObject({ total: 90, ratingCode: 'good' });
    const [entry] = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, 'past_results_import'))
      .orderBy(auditLog.seq)
      .then((r) => r.slice(-1));
    expect(entry).toMatchObject({
      before: { replaced: [{ key: 'PR-A:2566', total: 86, rating: 'pass', file: 'upload.csv', line: 2 }] },
      after: { created: [], replaced: ['PR-A:2566'] },
    });
  });

  it('surfaces each kind of row problem with its line and column, and stores nothing', async () => {
    const csv = [
      'agency_code,fiscal_year,total,rating,IIT,EIT,OIT,indicator_4',
      'PR-A,2025,90,good,,,,', // 2: Common Era year
      'PR-B,2567,90,ดีมาก,,,,', // 3: unknown rating
      'PR-A,2567,84.99,pass,,,,', // 4: rating contradicting the total
      'PR-A,2566,90,pass,90,90,80,', // 5: total contradicting the instruments (86)
      'PR-B,2566,101,pass,,,,x', // 6: total and a score out of range
      'NO-SUCH,2566,90,pass,,,,', // 7: unknown agency
      'PR-A,2562,90,pass,,,,', // 8: no framework that year
    ].join('\n');
    const res = await upload(csv, '?dryRun=true');
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.counts).toMatchObject({ rows: 7, invalid: 7, new: 0 });
    const problems = report.rows.flatMap((r: { problems: { line: number; column: string | null }[] }) =>
      r.problems.map((p) => [p.line, p.column]),
    );
    expect(problems).toEqual([
      [2, 'fiscal_year'],
      [3, 'rating'],
      [4, 'rating'],
      [5, 'total'],
      [6, 'total'],
      [6, 'indicator_4'],
      [7, 'agency_code'],
      [8, 'fiscal_year'],
    ]);
    for (const r of report.rows)
      for (const p of r.problems) expect(p.th.length > 0 && p.en.length > 0).toBe(true);
    expect(report.rows[5].problems[0].en).toBe('There is no agency with code NO-SUCH in the registry');
    expect(report.rows.map((r: { agencyCode: string | null }) => r.agencyCode)).toEqual([
      'PR-A',
      'PR-B',
      'PR-A',
      'PR-A',
      'PR-B',
      'NO-SUCH',
      'PR-A',
    ]);
    const real = await upload(csv);
    expect(real.statusCode).toBe(400);
    expect(real.json().error.details.rows).toHaveLength(7);
    expect(await stored()).toHaveLength(2);
  });

  it('reports a bad header and an unreadable file as problems of the file', async () => {
    const header = await upload('agency_code,total\nPR-A,90\n', '?dryRun=true');
    expect(header.json()).toMatchObject({
      rows: [],
      problems: [
        { line: 1, column: 'fiscal_year', en: 'The header has no fiscal_year column' },
        { line: 1, column: 'rating', en: 'The header has no rating column' },
      ],
    });
    const xlsx = await upload(Buffer.from('not a workbook'), '?dryRun=true', XLSX);
    expect(xlsx.json().problems).toEqual([
      expect.objectContaining({ line: 1, en: expect.stringContaining('Excel') }),
    ]);
  });

  it('imports the first sheet of an XLSX file sent from a browser form, named by the file', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('ผล');
    sheet.addRow([
      'agency_code',
      'fiscal_year',
      'total',
      'rating',
      ...Array.from({ length: 10 }, (_, i) => `indicator_${i + 1}`),
    ]);
    sheet.addRow(['PR-A', 2567, 94.1, 'ผ่านดี', 98.22, 99.33, 100, 90.1, 98.67, 99.76, 99.2, 99.44, 93.26, 90]);
    sheet.addRow([
      'PR-A',
      2568,
      95.93,
      'good',
      98.22,
      99.33,
      100,
      94.44,
      98.67,
      99.76,
      99.2,
      99.44,
      93.25,
      90,
    ]);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const [body, type] = form('ita-2567-2568.xlsx', data, XLSX);
    const res = await upload(body, '', type);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ stored: true, file: 'ita-2567-2568.xlsx', counts: { new: 2 } });
    expect(res.json().rows.map((r: { line: number }) => r.line)).toEqual([2, 3]);
  });

  it("gives the agency's year-over-year line to its own people, source details to NACC only", async () => {
    const res = await line(agencyAdmin);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(
      body.years.map((y: { year: number; total: number; difference: number | null }) => [
        y.year,
        y.total,
        y.difference,
      ]),
    ).toEqual([
      [2566, 90, null],
      [2567, 94.1, 4.1],
      [2568, 95.93, 1.83],
    ]);
    expect(body.years[0]).toMatchObject({
      rating: { code: 'good', label: { th: 'ผ่านดี' }, passes: true },
      instruments: [
        { code: 'IIT', score: 90 },
        { code: 'EIT1', score: 90 },
        { code: 'EIT2', score: 90 },
        { code: 'OIT', score: 90 },
      ],
    });
    expect(body.years[0].source).toBeUndefined();
    expect((await line(admin)).json().years[2].source).toMatchObject({ file: 'ita-2567-2568.xlsx', line: 3 });
    expect((await line(otherAdmin)).statusCode).toBe(403);
  });

  it('compares FY2568 with FY2567 through the crosswalk', async () => {
    const res = await agencyAdmin.get(`/api/agencies/${ids.A}/past-results/compare?year=2568`);
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({
      currentYear: 2568,
      previousYear: 2567,
      matchedBy: 'crosswalk',
      total: { current: 95.93, previous: 94.1, difference: 1.83 },
      rating: { current: { code: 'good' }, previous: { code: 'good' } },
    });
    expect(c.indicators.find((i: { code: string }) => i.code === '4')).toMatchObject({
      previousCodes: ['4'],
      current: 94.44,
      previous: 90.1,
      difference: 4.34,
    });
    expect(c.indicators.find((i: { code: string }) => i.code === '9')).toMatchObject({ difference: -0.01 });
    const explicit = await agencyAdmin.get(
      `/api/agencies/${ids.A}/past-results/compare?year=2568&previous=2566`,
    );
    expect(explicit.json()).toMatchObject({
      previousYear: 2566,
      matchedBy: 'code',
      total: { difference: 5.93 },
    });
    expect((await agencyAdmin.get(`/api/agencies/${ids.A}/past-results/compare?year=2565`)).statusCode).toBe(
      404,
    );
    expect(
      (await agencyAdmin.get(`/api/agencies/${ids.A}/past-results/compare?year=2567&previous=2568`))
        .statusCode,
    ).toBe(400);
  });
});
