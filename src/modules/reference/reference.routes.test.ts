import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { ministries, provinces } from '../../db/schema/index.ts';
import { AGENCY_TYPES } from '../../shared/agency-types.ts';
import { loadReferenceData } from './reference.loader.ts';

describe('reference data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await loadReferenceData(t.deps.db);
  });
  afterAll(() => t.close());

  it('lists all 77 provinces to anyone, with ISO codes, Thai and English names and the six regions', async () => {
    const res = await t.anonymous().get('/api/reference/provinces');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; region: string }[];
    expect(items).toHaveLength(77);
    expect(items).toContainEqual({
      code: 'TH-10',
      nameTh: 'กรุงเทพมหานคร',
      nameEn: 'Bangkok',
      region: 'central',
      regionName: { th: 'ภาคกลาง', en: 'Central' },
    });
    expect(items.find((p) => p.code === 'TH-47')).toMatchObject({ nameTh: 'สกลนคร', region: 'northeast' });
    expect(items.find((p) => p.code === 'TH-96')).toMatchObject({ nameEn: 'Narathiwat', region: 'south' });
    const perRegion: Record<string, number> = {};
    for (const p of items) perRegion[p.region] = (perRegion[p.region] ?? 0) + 1;
    expect(perRegion).toEqual({
      north: 9,
      northeast: 20,
      central: 22,
      east: 7,
      west: 5,
      south: 14,
    });
  });

  it('orders provinces in Thai alphabetical order', async () => {
    const items = (await t.anonymous().get('/api/reference/provinces')).json().items as { nameTh: string }[];
    expect(items[0]?.nameTh).toBe('กระบี่');
    expect(items.map((p) => p.nameTh)).toEqual(
      items.map((p) => p.nameTh).sort(new Intl.Collator('th').compare),
    );
  });

  it('lists the 20 ministries first, then the codes for agencies outside them', async () => {
    const res = await t.anonymous().get('/api/reference/ministries');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; kind: string }[];
    expect(items.filter((m) => m.kind === 'ministry')).toHaveLength(20);
    expect(items.findIndex((m) => m.kind === 'other')).toBe(20);
    expect(items).toContainEqual({
      code: 'MOI',
      nameTh: 'กระทรวงมหาดไทย',
      nameEn: 'Ministry of Interior',
      kind: 'ministry',
    });
    expect(items.map((m) => m.code)).toEqual(expect.arrayContaining(['OPM', 'LOCAL', 'RTP', 'IND', 'OTHER']));
  });

  it('lists every agency type with Thai and English labels', async () => {
    const res = await t.anonymous().get('/api/reference/agency-types');
    const items = res.json().items as { code: string; th: string; en: string; localGovernment: boolean }[];
    expect(items.map((i) => i.code)).toEqual([...AGENCY_TYPES]);
    expect(items.find((i) => i.code === 'sao')).toEqual({
      code: 'sao',
      th: 'องค์การบริหารส่วนตำบล',
      en: 'Subdistrict Administrative Organization',
      localGovernment: true,
    });
    expect(items.every((i) => i.th && i.en)).toBe(true);
  });

  it('loads idempotently and restores names changed in the database', async () => {
    await t.deps.db.update(provinces).set({ nameEn: 'Wrong' }).where(eq(provinces.code, 'TH-47'));
    expect(await loadReferenceData(t.deps.db)).toEqual({ provinces: 77, ministries: 26 });
    await loadReferenceData(t.deps.db);
    expect(await t.deps.db.$count(provinces)).toBe(77);
    expect(await t.deps.db.$count(ministries)).toBe(26);
    const [sakon] = await t.deps.db.select().from(provinces).where(eq(provinces.code, 'TH-47'));
    expect(sakon?.nameEn).toBe('Sakon Nakhon');
  });
});
