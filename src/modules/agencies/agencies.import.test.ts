import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Client } from '../../../test/helpers/app.ts';
import { auditLog } from '../../db/schema/index.ts';
import { AGENCY_IMPORT_MAX_BYTES, AGENCY_IMPORT_MAX_ROWS } from '../../shared/limits.ts';
import { registrySuite } from './agencies.fixture.testing.ts';

const HEADER =
  'code,name_th,name_en,type,peer_group,size_class,ministry_code,parent_code,province_code,website';

describe('agency CSV import', () => {
  const { t, as } = registrySuite();

  async function postCsv(client: Client, csv: string | Buffer) {
    const token = (await client.get('/api/auth/me')).json().csrfToken;
    return t.app.inject({
      method: 'POST',
      url: '/api/agencies/import',
      headers: { cookie: client.cookie, 'x-csrf-token': token, 'content-type': 'text/csv; charset=utf-8' },
      payload: csv,
    });
  }
  const count = async (q: string) => (await (await as('admin')).get(`/api/agencies?q=${q}`)).json().total;
  const detail = async (code: string) => {
    const admin = await as('admin');
    const [item] = (await admin.get(`/api/agencies?q=${code}`)).json().items;
    return (await admin.get(`/api/agencies/${item.id}`)).json();
  };

  it('imports a valid file, with a parent defined later in the same file, and reports created rows', async () => {
    const csv = [
      HEADER,
      'IMP-D1,ที่ว่าการอำเภอนำเข้า,Import District,district,district,M,MOI,IMP-P1,TH-47,https://d1.example.go.th',
      'IMP-P1,สำนักงานจังหวัดนำเข้า,,province,province,L,moi,,th-47,',
      'IMP-S1,"องค์การบริหารส่วนตำบลนำเข้า, หมู่ 1",Import SAO,SAO,sao,S,LOCAL,T47-PROV,TH-47,http://s1.example.go.th',
    ].join('\n');
    const res = await postCsv(await as('admin'), csv);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 3, updated: 0 });
    expect(await detail('IMP-D1')).toMatchObject({
      nameEn: 'Import District',
      parent: { code: 'IMP-P1' },
      province: { code: 'TH-47' },
    });
    expect(await detail('IMP-S1')).toMatchObject({
      nameTh: 'องค์การบริหารส่วนตำบลนำเข้า, หมู่ 1',
      type: 'sao',
      parent: { code: 'T47-PROV' },
    });
    expect(await detail('IMP-P1')).toMatchObject({ ministry: { code: 'MOI' }, nameEn: null, website: null });
  });

  it('records each imported file in the audit log', async () => {
    const [entry] = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityType, 'agency_import'));
    expect(entry).toMatchObject({
      actorUsername: 'admin',
      action: 'import',
      after: { created: ['IMP-D1', 'IMP-P1', 'IMP-S1'], updated: [] },
    });
  });

  it('updates existing agencies by code (a row is the whole record) and keeps them active', async () => {
    const csv = `${HEADER}\r\nIMP-D1,ที่ว่าการอำเภอนำเข้า (ใหม่),,district,district,L,MOI,,TH-47,\r\nIMP-N1,หน่วยงานใหม่,,public_organization,,,OPM,,,\r\n`;
    const res = await postCsv(await as('admin'), csv);
    expect(res.json()).toEqual({ created: 1, updated: 1 });
    expect(await detail('IMP-D1')).toMatchObject({
      nameTh: 'ที่ว่าการอำเภอนำเข้า (ใหม่)',
      nameEn: null,
      sizeClass: 'L',
      parent: null,
      website: null,
      active: true,
    });
  });

  it('accepts a file that starts with a UTF-8 BOM (as Excel saves it)', async () => {
    const csv = `\uFEFF${HEADER}\nIMP-BOM,หน่วยงานจากเอกซ์เซล,,sao,,,LOCAL,,TH-47,\n`;
    const res = await postCsv(await as('admin'), Buffer.from(csv, 'utf8'));
    expect(res.json()).toEqual({ created: 1, updated: 0 });
    expect((await detail('IMP-BOM')).nameTh).toBe('หน่วยงานจากเอกซ์เซล');
  });

  it('imports nothing when rows are bad and reports every problem with row and column', async () => {
    const csv = [
      HEADER,
      'IMP-OK1,หน่วยงานที่ถูกต้อง,,sao,,,LOCAL,,TH-47,',
      'IMP-BAD1,,,sao,,,LOCAL,,TH-47,',
      'IMP-BAD2,หน่วยงานเว็บผิด,,sao,,,LOCAL,,TH-47,ftp://bad.example',
      'IMP-OK1,หน่วยงานรหัสซ้ำ,,sao,,,LOCAL,,TH-47,',
    ].join('\n');
    const res = await postCsv(await as('admin'), csv);
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('import_invalid');
    expect(error.th).toContain('3');
    expect(error.details).toEqual([
      { row: 3, column: 'name_th', th: expect.any(String), en: expect.stringContaining('Thai name') },
      { row: 4, column: 'website', th: expect.stringContaining('https://'), en: expect.any(String) },
      {
        row: 5,
        column: 'code',
        th: expect.stringContaining('แถวที่ 2'),
        en: expect.stringContaining('line 2'),
      },
    ]);
    expect(await count('IMP-OK1')).toBe(0);
  });

  it('reports unknown types, provinces, ministries and parents, and parent loops', async () => {
    const csv = [
      HEADER,
      'IMP-X1,หนึ่ง,,wizard_school,,,LOCAL,,TH-47,',
      'IMP-X2,สอง,,sao,,,NOPE,,TH-00,',
      'IMP-X3,สาม,,sao,,,LOCAL,NOWHERE,TH-47,',
      'IMP-X4,สี่,,sao,,,LOCAL,IMP-X5,TH-47,',
      'IMP-X5,ห้า,,sao,,,LOCAL,IMP-X4,TH-47,',
    ].join('\n');
    const res = await postCsv(await as('admin'), csv);
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details as { row: number; column: string }[];
    expect(details.map((d) => [d.row, d.column])).toEqual([
      [2, 'type'],
      [3, 'ministry_code'],
      [3, 'province_code'],
      [4, 'parent_code'],
      [5, 'parent_code'],
      [6, 'parent_code'],
    ]);
    expect(await count('IMP-X')).toBe(0);
  });

  it('reports a wrong header and rows with the wrong number of columns', async () => {
    const admin = await as('admin');
    const badHeader = await postCsv(admin, 'code,name,type\nA,B,sao\n');
    expect(badHeader.statusCode).toBe(400);
    expect(badHeader.json().error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ row: 1, column: 'name_th' })]),
    );
    const shortRow = await postCsv(admin, `${HEADER}\nIMP-SHORT,สั้น,sao\n`);
    expect(shortRow.json().error.details).toEqual([expect.objectContaining({ row: 2, column: null })]);
  });

  it('refuses a file that is not UTF-8 (for example Thai Windows-874)', async () => {
    const windows874 = Buffer.concat([
      Buffer.from(`${HEADER}\nIMP-874,`),
      Buffer.from([0xca, 0xa1, 0xc5]),
      Buffer.from(',,sao,,,,,,\n'),
    ]);
    const res = await postCsv(await as('admin'), windows874);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('csv_not_utf8');
  });

  it('refuses more rows than the limit', async () => {
    const rows = Array.from({ length: AGENCY_IMPORT_MAX_ROWS + 1 }, (_, i) => `IMP-M${i},ม,,sao,,,,,,`);
    const res = await postCsv(await as('admin'), [HEADER, ...rows].join('\n'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].en).toContain(String(AGENCY_IMPORT_MAX_ROWS));
  });

  it('refuses a file over the size limit with a clear message', async () => {
    const res = await postCsv(await as('admin'), `${HEADER}\n${'x'.repeat(AGENCY_IMPORT_MAX_BYTES)}`);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'file_too_large', th: expect.stringContaining('MB') });
  });

  it.each(['sup-province', 'sao-admin'])('refuses the import to %s', async (username) => {
    const res = await postCsv(await as(username), `${HEADER}\nIMP-NO,ไม่,,sao,,,,,,\n`);
    expect(res.statusCode).toBe(403);
    expect(await count('IMP-NO')).toBe(0);
  });

  it('serves a template that imports as is', async () => {
    const admin = await as('admin');
    const res = await admin.get('/api/agencies/import/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect((await postCsv(admin, res.body)).json()).toEqual({ created: 1, updated: 0 });
    expect((await (await as('sao-admin')).get('/api/agencies/import/template')).statusCode).toBe(403);
  });

  it('documents the CSV body in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths['/api/agencies/import'].post.requestBody.content)).toEqual(['text/csv']);
  });
});
