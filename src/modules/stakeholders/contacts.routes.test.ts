import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { eit2Samples } from '../../db/schema/index.ts';
import { stakeholderSuite, YEAR } from './stakeholders.fixture.testing.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('EIT part-2 contact list', () => {
  const s = stakeholderSuite();
  const base = () => `/api/agencies/${s.f.A.id}/stakeholders/${YEAR}`;
  // Within FY2568's stakeholder-data stage (1 Jan – 28 Feb 2025), where the list may be replaced.
  beforeEach(() => s.t.clock.set(new Date('2025-02-10T03:00:00Z')));

  async function upload(
    body: string | Buffer,
    contentType = 'text/csv; charset=utf-8',
    role: 'agency_admin' | 'executive' = 'agency_admin',
  ) {
    const client = await s.as(role);
    // The test client sends JSON; a file needs its own content type, so inject directly with the session.
    const token = (await client.get('/api/auth/me')).json().csrfToken;
    return s.t.app.inject({
      method: 'POST',
      url: `${base()}/contacts`,
      headers: { cookie: client.cookie, 'x-csrf-token': token, 'content-type': contentType },
      payload: body,
    });
  }

  it('imports a valid CSV, normalising phones and e-mails, and raises the revision', async () => {
    const csv =
      'name,phone,email,relation\n' +
      'บริษัท ก จำกัด,081-234-5678,Info@Example.COM,ผู้รับจ้าง\n' +
      'นาง ข,,b@example.com,ผู้รับบริการ\n';
    const res = await upload(csv);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 2, revision: 1 });
    const list = (await (await s.as('assessor')).get(`${base()}/contacts`)).json();
    expect(list.total).toBe(2);
    expect(list.items).toContainEqual(
      expect.objectContaining({ name: 'บริษัท ก จำกัด', phone: '+66812345678', email: 'info@example.com' }),
    );
  });

  it('reports every problem by row and column and imports nothing', async () => {
    const csv =
      'name,phone,email,relation\n' +
      ',0812345678,,ผู้รับจ้าง\n' + // row 2: no name
      'ค,021234567,,ผู้รับบริการ\n' + // row 3: a landline
      'ง,,,ผู้รับบริการ\n' + // row 4: no way to reach
      'จ,0899999999,,\n' + // row 5: no relation
      'ฉ,089 999 9999,not-an-email,ผู้รับบริการ\n'; // row 6: same phone as row 5, bad e-mail
    const res = await upload(csv);
    expect(res.statusCode).toBe(400);
    const problems = res.json().error.details as {
      row: number;
      column: string | null;
      th: string;
      en: string;
    }[];
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'name'],
      [3, 'phone'],
      [4, null],
      [5, 'relation'],
      [6, 'email'],
      [6, 'phone'],
    ]);
    expect(problems.every((p) => p.th.length > 0 && p.en.length > 0)).toBe(true);
    expect((await (await s.as('agency_admin')).get(`${base()}/contacts`)).json().total).toBe(2);
  });

  it('reports a repeated e-mail within the file', async () => {
    const csv = 'name,email,relation\nก,a@example.com,x\nข,A@example.com,y\n';
    const res = await upload(csv);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ row: 3, column: 'email', en: expect.stringContaining('row 2') }),
    ]);
  });

  it('reports a header without the required columns', async () => {
    const res = await upload('ชื่อ,อีเมล\nก,a@example.com\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ row: 1, column: 'relation' })]);
  });

  it('imports an Excel file with Thai headers, replacing the list', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('รายชื่อ');
    ws.addRow(['ชื่อ', 'โทรศัพท์', 'อีเมล', 'ความสัมพันธ์']);
    ws.addRow(['บริษัท ช จำกัด', 812345679, '', 'ผู้ขาย']); // Excel dropped the leading zero
    ws.addRow(['นาย ซ', '', 'z@example.com', 'ผู้รับบริการ']);
    ws.addRow(['นาง ฌ', '0898887777', '', 'ผู้รับบริการ']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(data, XLSX);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 3, revision: 2 });
    const list = (await (await s.as('agency_admin')).get(`${base()}/contacts?pageSize=2`)).json();
    expect(list).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(list.items).toHaveLength(2);
  });

  it('accepts the file from a browser form (multipart/form-data)', async () => {
    const boundary = '----prongsai-test';
    const csv = 'name,phone,email,relation\nนาย ญ,0861112222,,ผู้รับบริการ\n';
    const form =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="list.csv"\r\n` +
      `Content-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    const res = await upload(Buffer.from(form), `multipart/form-data; boundary=${boundary}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 1, revision: 3 });
  });

  it('refuses NUL in a spreadsheet cell or in a form-uploaded file, naming the row, and imports nothing', async () => {
    const before = (await (await s.as('agency_admin')).get(`${base()}/contacts`)).json().total;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('list');
    ws.addRow(['name', 'phone', 'email', 'relation']);
    // Excel escapes a NUL in a cell as _x0000_, which the reader turns back into U+0000.
    ws.addRow(['นาย_x0000_ฎ', '0861112223', '', 'ผู้รับบริการ']);
    const xlsx = await upload(Buffer.from(await wb.xlsx.writeBuffer()), XLSX);
    expect(xlsx.statusCode).toBe(400);
    expect(xlsx.json().error.details).toEqual([expect.objectContaining({ row: 2, column: 'name' })]);

    const boundary = '----prongsai-nul';
    const form =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="list.csv"\r\n\r\n` +
      `name,phone,email,relation\nนาย ฏ,0861112224,,ผู้\u0000รับบริการ\n\r\n--${boundary}--\r\n`;
    const multipart = await upload(Buffer.from(form), `multipart/form-data; boundary=${boundary}`);
    expect(multipart.statusCode).toBe(400);
    expect(multipart.json().error.details).toEqual([expect.objectContaining({ row: 2, column: 'relation' })]);
    expect((await (await s.as('agency_admin')).get(`${base()}/contacts`)).json().total).toBe(before);
  });

  it('answers a broken form (cut short, no boundary) with a 400 in our shape, never a 500', async () => {
    const boundary = '----prongsai-cut';
    const cut = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nname,pho`;
    for (const [body, type] of [
      [cut, `multipart/form-data; boundary=${boundary}`],
      ['garbage', 'multipart/form-data'],
      [
        `--${boundary}\r\nbroken header\r\n\r\nx\r\n--${boundary}--\r\n`,
        `multipart/form-data; boundary=${boundary}`,
      ],
    ] as const) {
      const res = await upload(Buffer.from(body), type);
      expect(res.statusCode, type).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, type).toBeLessThan(500);
      expect(res.json().error).toMatchObject({
        code: expect.any(String),
        th: expect.any(String),
        en: expect.any(String),
      });
    }
  });

  it('refuses a file that is not a spreadsheet', async () => {
    const res = await upload(Buffer.from('not a zip'), XLSX);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('contacts_invalid');
  });

  it('keeps the list away from supervisors and from agency staff who may not upload', async () => {
    expect((await (await s.as('supervisor')).get(`${base()}/contacts`)).statusCode).toBe(403);
    expect(
      (await upload('name,email,relation\nก,a@example.com,x\n', 'text/csv', 'executive')).statusCode,
    ).toBe(403);
  });

  it('gives a CSV template that starts with a BOM', async () => {
    const res = await (await s.as('agency_admin')).get(`${base()}/contacts/template`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFFname,phone,email,relation')).toBe(true);
  });

  it('refuses a new list once the EIT part-2 sample has been drawn', async () => {
    await s.t.deps.db.insert(eit2Samples).values({
      agencyId: s.f.A.id,
      year: YEAR,
      seed: 'seed',
      algorithm: 'test',
      size: 1,
      reserveCount: 0,
      selected: [],
      reserves: [],
    });
    const res = await upload('name,email,relation\nก,new@example.com,x\n');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('eit2_sample_drawn');
    const data = (await (await s.as('agency_admin')).get(base())).json();
    expect(data.contacts).toEqual({ count: 1, sampleDrawn: true });
  });

  it('refuses a new list once the stakeholder-data stage has ended for the agency, and keeps the old one', async () => {
    const before = (await (await s.as('agency_admin')).get(`${base()}/contacts`)).json().total;
    s.t.clock.set(new Date('2025-05-01T03:00:00Z'));
    // A fresh sign-in: the suite's session does not last months.
    const client = await s.t.signIn(s.f.users.agency_admin);
    const token = (await client.get('/api/auth/me')).json().csrfToken;
    const res = await s.t.app.inject({
      method: 'POST',
      url: `${base()}/contacts`,
      headers: { cookie: client.cookie, 'x-csrf-token': token, 'content-type': 'text/csv; charset=utf-8' },
      payload: 'name,email,relation\nก,late@example.com,x\n',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'stakeholder_window_closed',
      details: { closesOn: '2025-02-28' },
    });
    expect((await client.get(`${base()}/contacts`)).json().total).toBe(before);
  });

  it('documents both file types of the upload in OpenAPI', async () => {
    const doc = (await s.t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const upload = doc.paths['/api/agencies/{id}/stakeholders/{year}/contacts'].post;
    expect(Object.keys(upload.requestBody.content).sort()).toEqual([XLSX, 'multipart/form-data', 'text/csv']);
  });
});
