// The open data and the pages are built once per publication and kept in memory (public-results.memo.ts): a
// download after a correction, at the embargo's end or after a cancelled publication's time shows the
// publication in effect then — never one held from before, never one under embargo; gzip and plain bodies
// agree; the search filters by province, region, ministry and type and names ratings and types in words.
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeMinistry, makeProvince, makeUser } from '../../../test/helpers/factories.ts';
import type { Framework } from '../../core/framework/schema.ts';
import { loadFramework, participatingAgency, YEAR } from '../quality/quality.fixture.testing.ts';
import { DATASET_NAMES, FORMATS } from './open-data.ts';
import { insertResult, insertRun } from './public-results.fixture.testing.ts';

const HOUR = 3_600_000;
const files = DATASET_NAMES.flatMap((d) => FORMATS.map((f) => `/api/public/open-data/${YEAR}/${d}.${f}`));

describe('public results: built once per publication, never from a publication not in effect', () => {
  let t: TestApp;
  let framework: Framework;
  let admin: Client;
  let anon: Client;
  const runs: string[] = [];

  const totalOf = async (code: string) => {
    const csv = (await anon.get(`/api/public/open-data/${YEAR}/agencies.csv`)).body;
    const rows: Record<string, string>[] = parse(csv, { bom: true, columns: true });
    return rows.find((r) => r.agency_code === code)?.total;
  };
  /** Every year route and download, as a browser asks (gzip) and as a script may (plain). */
  const everything = async () => {
    const out: string[] = [];
    for (const url of [
      `/api/public/results/${YEAR}`,
      `/api/public/results/${YEAR}/agencies?q=OD-`,
      `/api/public/results/${YEAR}/agencies/OD-A`,
      ...files,
    ]) {
      const plain = await anon.get(url);
      const packed = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
      expect(plain.statusCode, url).toBe(200);
      const unpacked =
        packed.headers['content-encoding'] === 'gzip'
          ? gunzipSync(packed.rawPayload).toString()
          : packed.body;
      expect(unpacked, url).toBe(plain.body);
      out.push(plain.body);
    }
    return out.join('\n');
  };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.deps.db;
    const loaded = await loadFramework(db);
    framework = loaded.framework;
    const province = await makeProvince(db, { code: 'TH-OD1', region: 'north' });
    const ministry = await makeMinistry(db, { code: 'M-OD1' });
    const a = await participatingAgency(db, {
      code: 'OD-A',
      provinceCode: province.code,
      ministryCode: ministry.code,
    });
    const b = await participatingAgency(db, { code: 'OD-B', type: 'district' });
    for (const [total, other] of [
      [61.25, 70.5],
      [72.75, 88.5],
      [93.5, 94.5],
    ] as const) {
      const run = await insertRun(db, YEAR, loaded.version);
      await insertResult(db, framework, run, a.id, total, 8);
      await insertResult(db, framework, run, b.id, other, 9);
      runs.push(run);
    }
    await makeUser(db, { role: 'admin', username: 'od-admin' });
    admin = await t.signIn('od-admin');
    anon = t.anonymous();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves a correction at its time, not before, and never the publication it superseded', async () => {
    expect((await admin.post(`/api/results/${YEAR}/publications`, { runId: runs[0] })).statusCode).toBe(201);
    const first = await everything(); // builds and holds the first publication's files and pages
    expect(first).toContain('61.25');
    expect(await totalOf('OD-A')).toBe('61.25');

    const at = new Date(t.deps.now().getTime() + HOUR);
    const res = await admin.post(`/api/results/${YEAR}/publications`, {
      runId: runs[1],
      publishAt: at.toISOString(),
      reason: 'แก้ไขคะแนน',
    });
    expect(res.statusCode).toBe(201);
    t.clock.set(new Date(at.getTime() - 1));
    const before = await everything();
    expect(before).toContain('61.25');
    expect(before).not.toContain('72.75'); // the correction is under embargo

    t.clock.set(at);
    const after = await everything();
    expect(after).toContain('72.75');
    expect(after).not.toContain('61.25');
    expect(await totalOf('OD-A')).toBe('72.75');
    const json = (await anon.get(`/api/public/open-data/${YEAR}/agencies.json`)).json();
    expect(json.publication).toMatchObject({ id: res.json().id, correction: { reason: 'แก้ไขคะแนน' } });
  });

  it('never serves a publication cancelled under embargo, even once its time has come', async () => {
    const at = new Date(t.deps.now().getTime() + HOUR);
    const res = await admin.post(`/api/results/${YEAR}/publications`, {
      runId: runs[2],
      publishAt: at.toISOString(),
      reason: 'ยกเลิกภายหลัง',
    });
    expect(res.statusCode).toBe(201);
    expect((await admin.delete(`/api/results/${YEAR}/publications/${res.json().id}`)).statusCode).toBe(200);
    t.clock.set(new Date(at.getTime() + HOUR));
    const now = await everything();
    expect(now).toContain('72.75');
    expect(now).not.toContain('93.5');
  });

  it('sends the files gzip-compressed to those who take it, with their own ETag, and plain to the rest', async () => {
    const url = `/api/public/open-data/${YEAR}/oit-items.csv`;
    const plain = await anon.get(url);
    const packed = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(packed.headers['content-encoding']).toBe('gzip');
    expect(packed.headers.vary).toContain('accept-encoding');
    expect(packed.headers.etag).not.toBe(plain.headers.etag);
    expect(packed.headers['content-type']).toContain('text/csv');
    expect(gunzipSync(packed.rawPayload).toString()).toBe(plain.body);
    expect(plain.body.startsWith('\uFEFF')).toBe(true);
    const refused = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip;q=0' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(plain.body);
    const again = await t.app.inject({
      method: 'GET',
      url,
      headers: { 'accept-encoding': 'gzip', 'if-none-match': packed.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
  });

  it('filters the search by province, region, ministry and type, with ratings and types in words', async () => {
    const codes = async (query: string) =>
      (await anon.get(`/api/public/results/${YEAR}/agencies?${query}`))
        .json()
        .items.map((i: { code: string }) => i.code);
    expect(await codes('province=TH-OD1')).toEqual(['OD-A']);
    expect(await codes('region=north')).toEqual(['OD-A']);
    expect(await codes('ministry=M-OD1')).toEqual(['OD-A']);
    expect(await codes('type=district')).toEqual(['OD-B']);
    expect(await codes('type=district&province=TH-OD1')).toEqual([]);
    expect(await codes('q=od-')).toEqual(['OD-A', 'OD-B']);
    expect((await anon.get(`/api/public/results/${YEAR}/agencies?type=nope`)).statusCode).toBe(400);
    const [item] = (await anon.get(`/api/public/results/${YEAR}/agencies?q=OD-A`)).json().items;
    expect(item).toMatchObject({
      code: 'OD-A',
      total: 72.75,
      passes: false,
      rating: { code: 'improve', th: expect.any(String) },
      typeName: { th: 'องค์การบริหารส่วนตำบล' },
      province: { code: 'TH-OD1' },
    });
    expect(item.rating.th).not.toBe('improve');
  });
});
