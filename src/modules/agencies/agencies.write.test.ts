import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.ts';
import { registrySuite } from './agencies.fixture.testing.ts';

describe('creating and editing agencies', () => {
  const { t, f, as } = registrySuite();

  const newAgency = {
    code: 'T47-MUN1',
    nameTh: 'เทศบาลตำบลทดลองใหม่',
    type: 'subdistrict_municipality',
    peerGroup: 'subdistrict_municipality',
    sizeClass: 'M',
    ministryCode: 'LOCAL',
    provinceCode: 'TH-47',
    website: 'https://mun1.example.go.th',
  };

  it('lets an admin create an agency under a parent and returns its detail', async () => {
    const admin = await as('admin');
    const res = await admin.post('/api/agencies', { ...newAgency, parentId: f.agencies.province47.id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code: 'T47-MUN1',
      sizeClass: 'M',
      website: 'https://mun1.example.go.th',
      parent: { id: f.agencies.province47.id, code: 'T47-PROV' },
      province: { code: 'TH-47', nameTh: 'สกลนคร' },
      active: true,
    });
  });

  it('refuses a duplicate code with 409', async () => {
    const res = await (await as('admin')).post('/api/agencies', { ...newAgency, nameTh: 'อีกแห่ง' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'agency_code_taken',
      th: expect.stringContaining('T47-MUN1'),
    });
  });

  it.each([
    ['a website that is not http(s)', { website: 'ftp://files.example.go.th' }],
    ['a website without a scheme', { website: 'www.example.go.th' }],
    ['an unknown type', { type: 'ministry_of_magic' }],
    ['an unknown province', { provinceCode: 'TH-99' }],
    ['an unknown ministry', { ministryCode: 'MAGIC' }],
    ['a missing parent', { parentId: '00000000-0000-4000-8000-000000000000' }],
    ['an unknown field', { color: 'blue' }],
  ])('refuses %s with 400 and creates nothing', async (_what, change) => {
    const admin = await as('admin');
    const res = await admin.post('/api/agencies', { ...newAgency, code: 'T47-BAD', ...change });
    expect(res.statusCode).toBe(400);
    expect((await admin.get('/api/agencies?q=T47-BAD')).json().total).toBe(0);
  });

  it.each(['sup-province', 'assessor', 'sao-admin', 'sao-exec'])(
    'refuses creation to %s',
    async (username) => {
      const res = await (await as(username)).post('/api/agencies', { ...newAgency, code: 'T47-NOPE' });
      expect(res.statusCode).toBe(403);
    },
  );

  it('lets an admin change any field', async () => {
    const res = await (await as('admin')).patch(`/api/agencies/${f.agencies.police48.id}`, {
      nameTh: 'สถานีตำรวจภูธรสมมติใหม่',
      peerGroup: 'police_station',
      sizeClass: 'L',
      active: false,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ nameTh: 'สถานีตำรวจภูธรสมมติใหม่', sizeClass: 'L', active: false });
  });

  it("lets an agency's admin change its English name and website, and clear the website", async () => {
    const sut = await as('sao-admin');
    const url = `/api/agencies/${f.agencies.sao47.id}`;
    const res = await sut.patch(url, {
      nameEn: 'Ban Thotlong Subdistrict',
      website: 'http://ban-thotlong.go.th',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      nameEn: 'Ban Thotlong Subdistrict',
      website: 'http://ban-thotlong.go.th',
    });
    expect((await sut.patch(url, { website: '' })).json().website).toBeNull();
  });

  it("refuses an agency admin's change to any other field, changing nothing", async () => {
    const sut = await as('sao-admin');
    const url = `/api/agencies/${f.agencies.sao47.id}`;
    const res = await sut.patch(url, { nameEn: 'Changed', nameTh: 'ชื่อใหม่' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('agency_fields_restricted');
    expect((await sut.get(url)).json().nameEn).not.toBe('Changed');
  });

  it('refuses edits by an agency admin of another agency, an executive or a supervisor', async () => {
    const url = `/api/agencies/${f.agencies.sao47.id}`;
    for (const username of ['uni-admin', 'sao-exec', 'sup-province']) {
      expect((await (await as(username)).patch(url, { nameEn: 'X' })).statusCode).toBe(403);
    }
  });

  it('refuses a website that is not http(s) on edit', async () => {
    const res = await (await as('sao-admin')).patch(`/api/agencies/${f.agencies.sao47.id}`, {
      website: 'javascript:alert(1)',
    });
    expect(res.statusCode).toBe(400);
  });

  it('refuses a parent that would make a loop', async () => {
    const admin = await as('admin');
    const child = (await admin.get('/api/agencies?q=T47-MUN1')).json().items[0];
    const res = await admin.patch(`/api/agencies/${f.agencies.province47.id}`, { parentId: child.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('parent_loop');
    const self = await admin.patch(`/api/agencies/${child.id}`, { parentId: child.id });
    expect(self.json().error.code).toBe('parent_loop');
  });

  it('records creations and edits in the audit log, with the values before and after', async () => {
    const entries = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityType, 'agency'));
    expect(entries.filter((e) => e.action === 'create')).toHaveLength(1);
    const edits = entries
      .filter((e) => e.action === 'update' && e.actorUsername === 'sao-admin')
      .sort((a, b) => Number(a.seq) - Number(b.seq));
    expect(edits).toHaveLength(2);
    const edit = edits[0];
    expect(edit).toMatchObject({
      agencyId: f.agencies.sao47.id,
      before: expect.objectContaining({ nameEn: 'Ban Thotlong SAO' }),
      after: expect.objectContaining({ nameEn: 'Ban Thotlong Subdistrict' }),
    });
  });

  it('refuses to rename a code to one already used', async () => {
    const res = await (await as('admin')).patch(`/api/agencies/${f.agencies.sao47.id}`, { code: 'T48-UNI' });
    expect(res.statusCode).toBe(409);
  });
});
