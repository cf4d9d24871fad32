// Evidence files of progress entries on the routes, on both drivers: the upload as a browser form sends it
// (Thai file names kept), the type read from the bytes, the limits, nothing stored on a refused upload, the
// download (attachment, nosniff, RFC 5987 name) only for readers of the agency's measures, the audit entry,
// the progress report listing each file, and the database keeping files append-only.
import { and, eq, sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { grantScope, makeAgency, makeUser } from '../../../test/helpers/factories.ts';
import { auditLog, measureProgress, measureProgressFiles } from '../../db/schema/index.ts';
import { MEASURE_EVIDENCE_FILE_MAX_BYTES, MEASURE_EVIDENCE_FILES_MAX } from '../../shared/limits.ts';
import { insertApprovedMeasures } from './measures.approved.testing.ts';

const YEAR = 2569;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const atLimit = Buffer.concat([PDF, Buffer.alloc(MEASURE_EVIDENCE_FILE_MAX_BYTES - PDF.length, 0x20)]);

describe('measures evidence files', () => {
  let t: TestApp;
  let A: string;
  let B: string;
  let measureId: string;
  const as = {} as Record<'agencyAdmin' | 'executive' | 'staff' | 'supervisor' | 'otherAdmin', Client>;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.deps.db;
    A = (await makeAgency(db)).id;
    B = (await makeAgency(db)).id;
    ({ measureId } = await insertApprovedMeasures(db, { agencyId: A, year: YEAR }));
    await insertApprovedMeasures(db, { agencyId: B, year: YEAR });
    const people = {
      agencyAdmin: { role: 'agency_admin' as const, agencyId: A },
      executive: { role: 'executive' as const, agencyId: A },
      staff: { role: 'agency_staff' as const, agencyId: A },
      supervisor: { role: 'supervisor' as const },
      otherAdmin: { role: 'agency_admin' as const, agencyId: B },
    };
    for (const [name, o] of Object.entries(people)) {
      const user = await makeUser(db, { ...o, username: `ev-${name.toLowerCase()}` });
      if (name === 'supervisor') await grantScope(db, user.id, { agencyId: A });
      as[name as keyof typeof as] = await t.signIn(`ev-${name.toLowerCase()}`);
    }
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const url = (agencyId = A) => `/api/agencies/${agencyId}/measures/${YEAR}`;

  /** The progress form as a browser posts it (the same serializer browsers use: FormData). */
  async function post(
    c: Client,
    files: { name: string; data: Buffer; type?: string }[],
    o: { agencyId?: string; measure?: string; note?: string } = {},
  ) {
    const form = new FormData();
    form.append('measureId', o.measure ?? measureId);
    form.append('day', '2025-12-01');
    form.append('status', 'in_progress');
    form.append('note', o.note ?? 'จัดประชุมชี้แจงเจ้าหน้าที่');
    form.append('evidenceUrl', '');
    for (const f of files)
      form.append(
        'files',
        new Blob([new Uint8Array(f.data)], { type: f.type ?? 'application/octet-stream' }),
        f.name,
      );
    const req = new Request('http://local/', { method: 'POST', body: form });
    const csrf = (await c.get('/api/auth/me')).json().csrfToken;
    return t.app.inject({
      method: 'POST',
      url: `${url(o.agencyId)}/progress`,
      headers: {
        cookie: c.cookie as string,
        'x-csrf-token': csrf,
        'content-type': req.headers.get('content-type') as string,
      },
      payload: Buffer.from(await req.arrayBuffer()),
    });
  }

  const stored = async () => ({
    entries: (await t.deps.db.select({ n: sql<number>`count(*)::int` }).from(measureProgress))[0]?.n,
    files: (await t.deps.db.select({ n: sql<number>`count(*)::int` }).from(measureProgressFiles))[0]?.n,
  });

  it('stores the files with the entry and serves them back byte for byte, Thai names kept', async () => {
    const res = await post(as.agencyAdmin, [
      { name: 'รายงานการประชุม ครั้งที่ 1.pdf', data: PDF, type: 'application/pdf' },
      // The browser's type is ignored: the bytes say PNG, so the name gets .png.
      { name: 'ภาพกิจกรรม.jpg', data: PNG, type: 'image/jpeg' },
      // Exactly at the size limit: more than the server's JSON body limit, still accepted.
      { name: 'scan.pdf', data: atLimit },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const [entry] = res.json().progress;
    expect(entry.evidenceUrl).toBeNull();
    expect(entry.files).toHaveLength(3);
    expect(entry.files).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'ภาพกิจกรรม.jpg.png', mediaType: 'image/png', size: PNG.length }),
        expect.objectContaining({ name: 'รายงานการประชุม ครั้งที่ 1.pdf', mediaType: 'application/pdf' }),
        expect.objectContaining({ name: 'scan.pdf', size: MEASURE_EVIDENCE_FILE_MAX_BYTES }),
      ]),
    );
    const scan = entry.files.find((f: { name: string }) => f.name === 'scan.pdf');
    expect((await as.staff.get(scan.path)).rawPayload.equals(atLimit)).toBe(true);
    for (const reader of [as.staff, as.executive, as.supervisor]) {
      const pdf = entry.files.find((f: { name: string }) => f.name.startsWith('รายงาน'));
      const got = await reader.get(pdf.path);
      expect(got.statusCode).toBe(200);
      expect(got.rawPayload.equals(PDF)).toBe(true);
      expect(got.headers['content-type']).toBe('application/pdf');
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      const disposition = got.headers['content-disposition'] as string;
      expect(disposition).toMatch(/^attachment; filename="?1\.pdf"?; filename\*=UTF-8''/);
      expect(decodeURIComponent(disposition.split("UTF-8''")[1] as string)).toBe('รายงานการประชุม ครั้งที่ 1.pdf');
    }
    // Audited in the same transaction, with each file's name, type, size and digest (never its bytes).
    const [audit] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'measure_progress'), eq(auditLog.action, 'create')));
    expect((audit?.after as { files?: unknown[] } | undefined)?.files).toEqual(
      expect.arrayContaining([
        {
          name: 'รายงานการประชุม ครั้งที่ 1.pdf',
          mediaType: 'application/pdf',
          size: PDF.length,
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
      ]),
    );
  });

  it('refuses a file whose bytes are not an accepted type, in Thai and English, and stores nothing', async () => {
    const before = await stored();
    for (const bad of [
      { name: 'สรุปผล.pdf', data: Buffer.from('ไม่ใช่ไฟล์ PDF แค่ข้อความ'), type: 'application/pdf' },
      { name: 'setup.docx', data: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]) },
      { name: 'page.html', data: Buffer.from('<html><script>alert(1)</script></html>'), type: 'text/html' },
    ]) {
      // A good file next to the bad one is not kept either.
      const res = await post(as.agencyAdmin, [{ name: 'ok.pdf', data: PDF }, bad]);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'evidence_file_type',
        th: expect.stringContaining('ไม่ใช่ไฟล์ประเภทที่รับ'),
        en: expect.stringContaining('not an accepted file'),
      });
    }
    const empty = await post(as.agencyAdmin, [{ name: 'empty.pdf', data: Buffer.alloc(0) }]);
    expect(empty.json().error.code).toBe('evidence_file_empty');
    expect(await stored()).toEqual(before);
  });

  it('refuses a file over the size limit and one file too many with 413, storing nothing', async () => {
    const before = await stored();
    const big = Buffer.concat([PDF, Buffer.alloc(MEASURE_EVIDENCE_FILE_MAX_BYTES)]);
    const res = await post(as.agencyAdmin, [{ name: 'ใหญ่.pdf', data: big }]);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'evidence_file_too_large',
      th: expect.stringContaining('MB'),
    });
    const many = Array.from({ length: MEASURE_EVIDENCE_FILES_MAX + 1 }, (_, i) => ({
      name: `${i}.pdf`,
      data: PDF,
    }));
    const tooMany = await post(as.agencyAdmin, many);
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().error.code).toBe('evidence_too_many_files');
    expect(await stored()).toEqual(before);
  });

  it('takes uploads only from the agency admin, on an approved version, and serves files only to readers', async () => {
    const before = await stored();
    const file = [{ name: 'x.pdf', data: PDF }];
    expect((await post(as.staff, file)).statusCode).toBe(403);
    expect((await post(as.executive, file)).statusCode).toBe(403);
    expect((await post(as.otherAdmin, file)).statusCode).toBe(403);
    // A measure that is not of the approved version: nothing stored either.
    const wrong = await post(as.agencyAdmin, file, { measure: crypto.randomUUID() });
    expect(wrong.json().error.code).toBe('measures_invalid');
    expect(await stored()).toEqual(before);

    const view = (await as.agencyAdmin.get(url())).json();
    const path = view.progress[0].files[0].path as string;
    const fileId = path.split('/').at(-1) as string;
    expect((await as.otherAdmin.get(path)).statusCode).toBe(403);
    // B's admin reads B's measures, but A's file is not one of them.
    expect((await as.otherAdmin.get(`${url(B)}/progress/files/${fileId}`)).statusCode).toBe(404);
    expect((await as.staff.get(`${url()}/progress/files/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await t.anonymous().get(path)).statusCode).toBe(401);
  });

  it('lists each entry’s files by name and size in the progress report', async () => {
    const res = await as.supervisor.get(`${url()}/progress.docx`);
    expect(res.statusCode).toBe(200);
    const xml =
      (await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(`ไฟล์ รายงานการประชุม ครั้งที่ 1.pdf (${PDF.length} ไบต์)`);
    expect(text).toContain('ไฟล์ ภาพกิจกรรม.jpg.png');
  });

  it('keeps files append-only in the database (no change, no delete, no truncate)', async () => {
    const db = t.deps.db;
    await expect(db.execute(sql`update measure_progress_files set name = 'x.pdf'`)).rejects.toThrow();
    await expect(db.execute(sql`update measure_progress_file_bodies set body = '\\x00'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from measure_progress_files`)).rejects.toThrow();
    await expect(db.execute(sql`delete from measure_progress`)).rejects.toThrow();
    await expect(db.execute(sql`truncate measure_progress_file_bodies`)).rejects.toThrow();
    expect((await stored()).files).toBeGreaterThan(0);
  });
});
