import { describe, expect, it } from 'vitest';
import { codesOf, registrySuite } from './agencies.fixture.testing.ts';

describe('agency list and detail', () => {
  const { t, f, as } = registrySuite();

  const list = async (username: string, query = '') => {
    const res = await (await as(username)).get(`/api/agencies${query}`);
    expect(res.statusCode).toBe(200);
    return res.json() as { items: { code: string }[]; total: number };
  };

  it.each([
    ['admin', ['C-DEPT', 'T47-PROV', 'T47-SAO1', 'T47-SAO2', 'T48-POL', 'T48-UNI']],
    ['sup-province', ['T47-PROV', 'T47-SAO1', 'T47-SAO2']],
    ['sup-ministry', ['T48-UNI']],
    ['sup-agency', ['T48-POL']],
    ['assessor', ['T47-SAO1', 'T48-UNI']],
    ['sao-admin', ['T47-SAO1']],
    ['sao-exec', ['T47-SAO1']],
    ['uni-admin', ['T48-UNI']],
  ])('shows %s only the agencies in their scope', async (username, expected) => {
    const body = await list(username);
    expect(codesOf(body.items)).toEqual(expected);
    expect(body.total).toBe(expected.length);
  });

  it('refuses the list to anonymous visitors', async () => {
    expect((await t.anonymous().get('/api/agencies')).statusCode).toBe(401);
  });

  it('searches Thai names, English names and codes', async () => {
    expect(codesOf((await list('admin', `?q=${encodeURIComponent('บ้านทดลอง')}`)).items)).toEqual([
      'T47-SAO1',
    ]);
    expect(codesOf((await list('admin', '?q=sommut')).items)).toEqual(['T48-UNI']);
    expect(codesOf((await list('admin', '?q=t48-')).items)).toEqual(['T48-POL', 'T48-UNI']);
  });

  it('treats % and _ in the search as ordinary characters', async () => {
    expect(codesOf((await list('admin', `?q=${encodeURIComponent('_100%')}`)).items)).toEqual(['T47-SAO2']);
    expect((await list('admin', `?q=${encodeURIComponent('%')}`)).total).toBe(1);
    expect((await list('admin', '?q=_')).total).toBe(1);
  });

  it('searches only within the scope', async () => {
    expect((await list('sup-province', '?q=sommut')).total).toBe(0);
  });

  it('filters by province, type and ministry', async () => {
    expect(codesOf((await list('admin', '?province=TH-48')).items)).toEqual(['T48-POL', 'T48-UNI']);
    expect(codesOf((await list('admin', '?type=sao')).items)).toEqual(['T47-SAO1', 'T47-SAO2']);
    expect(codesOf((await list('admin', '?ministry=MOI')).items)).toEqual(['C-DEPT', 'T47-PROV']);
    expect(codesOf((await list('admin', '?province=TH-47&type=province')).items)).toEqual(['T47-PROV']);
  });

  it('pages the list and reports the total', async () => {
    const page1 = await list('admin', '?pageSize=4&page=1');
    const page2 = await list('admin', '?pageSize=4&page=2');
    expect(page1.items).toHaveLength(4);
    expect(page2.items).toHaveLength(2);
    expect(page1.total).toBe(6);
    expect(new Set([...codesOf(page1.items), ...codesOf(page2.items)]).size).toBe(6);
  });

  it('includes the province name in list items', async () => {
    const body = await list('admin', '?q=T47-PROV');
    expect(body.items[0]).toMatchObject({
      code: 'T47-PROV',
      type: 'province',
      province: { code: 'TH-47', nameTh: 'สกลนคร', nameEn: 'Sakon Nakhon' },
      participation: null,
    });
  });

  it('rejects a page size over the limit and registered without year', async () => {
    const admin = await as('admin');
    expect((await admin.get('/api/agencies?pageSize=100000')).statusCode).toBe(400);
    expect((await admin.get('/api/agencies?registered=true')).statusCode).toBe(400);
  });

  it('shows the detail of an agency in scope', async () => {
    const res = await (await as('sup-province')).get(`/api/agencies/${f.agencies.sao47.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: f.agencies.sao47.id,
      code: 'T47-SAO1',
      nameTh: 'องค์การบริหารส่วนตำบลบ้านทดลอง',
      ministry: { code: 'LOCAL', kind: 'other' },
      province: { code: 'TH-47', region: 'northeast' },
      parent: null,
      participations: [],
    });
  });

  it('answers 403, not 404, for an existing agency outside the scope', async () => {
    const res = await (await as('sao-admin')).get(`/api/agencies/${f.agencies.university48.id}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.th).toBeTruthy();
  });

  it('answers 404 for an agency that does not exist and 400 for a malformed id', async () => {
    const admin = await as('admin');
    expect((await admin.get('/api/agencies/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await admin.get('/api/agencies/not-a-uuid')).statusCode).toBe(400);
  });
});
