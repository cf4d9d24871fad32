// Public results and open data: nothing before the embargo ends (1 ms before: 404 everywhere; at: 200), a
// correction shows the new figures and its reason, groups under 5 responses are withheld, the CSV, the JSON,
// the public page and the agency's own report agree, ETag/304, and search by name or code.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeMinistry, makeProvince, makeUser } from '../../../test/helpers/factories.ts';
import type { Framework } from '../../core/framework/schema.ts';
import type { Db } from '../../db/client.ts';
import { publications } from '../../db/schema/index.ts';
import { frameworkForYear } from '../frameworks/index.ts';
import { loadFramework, participatingAgency, YEAR } from '../quality/quality.fixture.testing.ts';
import { notifyDuePublications } from '../results/publications.notify.ts';
import { DATASET_NAMES } from './open-data.ts';
import { insertResult as fixtureResult, insertRun as fixtureRun } from './public-results.fixture.testing.ts';

const HOUR = 3_600_000;

describe('public results and open data', () => {
  let t: TestApp;
  let db: Db;
  let framework: Framework;
  let version: number;
  let admin: Client;
  let anon: Client;
  const ids: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };
  const runs = { first: '', second: '', preview: '' };

  const insertRun = (year: number, frameworkVersion: number, kind: 'run' | 'preview' = 'run') =>
    fixtureRun(db, year, frameworkVersion, kind);
  const insertResult = (runId: string, agencyId: string, total: number, iitN: number) =>
    fixtureResult(db, framework, runId, agencyId, total, iitN);

  beforeAll(async () => {
    t = await createTestApp();
    db = t.deps.db;
    ({ version, framework } = await loadFramework(db));
    const province = await makeProvince(db, { code: 'TH-PUB1', region: 'south' });
    const ministry = await makeMinistry(db, { code: 'M-PUB1' });
    const common = { provinceCode: province.code, ministryCode: ministry.code };
    ids.A = (
      await participatingAgency(db, { ...common, code: 'PUB-A', nameTh: 'เทศบาลตำบลทดสอบ "ก", หนึ่ง' })
    ).id;
    ids.B = (await participatingAgency(db, { ...common, code: 'PUB-B', nameEn: 'Small Office' })).id;
    ids.C = (await participatingAgency(db, { code: 'PUB-C', type: 'district' })).id;
    runs.first = await insertRun(YEAR, version);
    runs.second = await insertRun(YEAR, version);
    runs.preview = await insertRun(YEAR, version, 'preview');
    for (const [run, a, b, c] of [
      [runs.first, 81.5, 90, 70],
      [runs.second, 86.25, 90, 72],
      [runs.preview, 99, 99, 99],
    ] as const) {
      await insertResult(run, ids.A, a, 8);
      await insertResult(run, ids.B, b, 3);
      await insertResult(run, ids.C, c, 12);
    }
    // The year before, published long ago: the overview compares with it and A's history shows it.
    const before = await frameworkForYear(db, YEAR - 1);
    const earlier = await insertRun(YEAR - 1, before.version);
    await insertResult(earlier, ids.A, 80, 9);
    await db
      .insert(publications)
      .values({ year: YEAR - 1, runId: earlier, publishAt: new Date('2024-01-01') });
    await makeUser(db, { role: 'admin', username: 'pub-admin' });
    admin = await t.signIn('pub-admin');
    anon = t.anonymous();
  });
  afterAll(async () => {
    await t?.close();
  });

  const yearRoutes = [
    `/api/public/results/${YEAR}`,
    `/api/public/results/${YEAR}/agencies?q=PUB`,
    `/api/public/results/${YEAR}/agencies/PUB-A`,
    ...DATASET_NAMES.flatMap((d) => [
      `/api/public/open-data/${YEAR}/${d}.csv`,
      `/api/public/open-data/${YEAR}/${d}.json`,
    ]),
  ];

  it('shows nothing of the year before its publication takes effect, on every route and download', async () => {
    for (const url of yearRoutes) {
      const r = await anon.get(url);
      expect(r.statusCode, url).toBe(404);
      expect(r.json().error).toMatchObject({ code: 'results_not_published' });
      expect(r.json().error.message ?? r.body).toBeTruthy();
    }
    const at = new Date(t.deps.now().getTime() + HOUR);
    const res = await admin.post(`/api/results/${YEAR}/publications`, {
      runId: runs.first,
      publishAt: at.toISOString(),
    });
    expect(res.statusCode).toBe(201);

    t.clock.set(new Date(at.getTime() - 1));
    for (const url of yearRoutes) {
      const r = await anon.get(url);
      expect(r.statusCode, url).toBe(404);
      expect(r.body).not.toContain('81.5');
    }
    expect((await anon.get('/api/public/results')).json().items.map((i: { year: number }) => i.year)).toEqual(
      [YEAR - 1],
    );

    t.clock.set(at);
    for (const url of yearRoutes) expect((await anon.get(url)).statusCode, url).toBe(200);
    const years = (await anon.get('/api/public/results')).json();
    expect(years.items[0]).toMatchObject({ year: YEAR, agencies: 3, publication: { correction: null } });
    expect(years.licence.id).toBe('CC-BY-4.0');
  });

  it('gives the national overview: mean, passing against the target, ratings, breakdowns, last year', async () => {
    const o = (await anon.get(`/api/public/results/${YEAR}`)).json();
    expect(o).toMatchObject({
      agencies: 3,
      mean: 80.5, // (81.5 + 90 + 70) / 3
      passing: 1,
      sharePassing: 0.3333,
      framework: { passThreshold: 85, nationalTargetShare: 0.84 },
      meetsNationalTarget: false,
      previous: { year: YEAR - 1, agencies: 1, mean: 80 },
      meanChange: 0.5,
    });
    expect(o.ratings.map((r: { code: string; count: number }) => [r.code, r.count])).toEqual([
      ['excellent', 1],
      ['good', 0],
      ['pass', 0],
      ['improve', 2],
      ['urgent', 0],
    ]);
    expect(o.ratings[0].th).toBeTruthy();
    expect(o.breakdowns.province).toMatchObject([
      { code: 'TH-PUB1', agencies: 2, mean: 85.75, passing: 1 },
      { code: null, agencies: 1, mean: 70 },
    ]);
    expect(o.breakdowns.region[0]).toMatchObject({ code: 'south', th: 'ภาคใต้', agencies: 2 });
    expect(o.breakdowns.agencyType.map((g: { code: string }) => g.code).sort()).toEqual(['district', 'sao']);
    expect(o.breakdowns.ministry[0]).toMatchObject({ code: 'M-PUB1', agencies: 2 });
    expect(o.mean).not.toBe(99); // never the preview run
  });

  it('withholds instruments of fewer than 5 responses (and what would reveal them), shows n and margins else', async () => {
    const b = (await anon.get(`/api/public/results/${YEAR}/agencies/PUB-B`)).json();
    const inst = Object.fromEntries(b.instruments.map((i: { code: string }) => [i.code, i]));
    expect(inst.IIT).toMatchObject({
      score: null,
      n: null,
      marginOfError: null,
      suppressed: { code: 'small_group' },
    });
    expect(inst.EIT1).toMatchObject({ score: null, n: 40, suppressed: { code: 'complementary' } });
    expect(inst.OIT).toMatchObject({ score: 90, suppressed: null });
    expect(b.indicators.find((i: { code: string }) => i.code === '1')).toMatchObject({
      score: null,
      suppressed: true,
    });
    expect(b.indicators.find((i: { code: string }) => i.code === '9')).toMatchObject({
      score: 90,
      suppressed: false,
    });
    expect(b.total).toBe(90);

    const a = (await anon.get(`/api/public/results/${YEAR}/agencies/PUB-A`)).json();
    const ai = Object.fromEntries(a.instruments.map((i: { code: string }) => [i.code, i]));
    expect(ai.IIT).toMatchObject({ score: 81.5, n: 8, marginOfError: 3.1, suppressed: null });
    expect(ai.EIT2).toMatchObject({ n: 0, notProcessed: { code: 'no_responses' } });
    expect(a.oitItems).toHaveLength(framework.oitItems.length);
    expect(a.history.map((h: { year: number; total: number }) => [h.year, h.total])).toEqual([
      [YEAR - 1, 80],
      [YEAR, 81.5],
    ]);
    expect(a.agency).toMatchObject({
      code: 'PUB-A',
      province: { code: 'TH-PUB1', region: { code: 'south' } },
    });
    expect((await anon.get(`/api/public/results/${YEAR}/agencies/NOPE`)).json().error.code).toBe(
      'agency_not_published',
    );
  });

  it('writes CSV and JSON that agree with each other, the public page and the agency report', async () => {
    const report = (await admin.get(`/api/agencies/${ids.A}/results/${YEAR}/report`)).json();
    const page = (await anon.get(`/api/public/results/${YEAR}/agencies/PUB-A`)).json();
    expect(page.total).toBe(report.total);
    expect(page.rating).toEqual(report.rating);
    expect(page.indicators.map((i: { score: number }) => i.score)).toEqual(
      report.indicators.map((i: { score: number }) => i.score),
    );
    for (const name of DATASET_NAMES) {
      const csvRes = await anon.get(`/api/public/open-data/${YEAR}/${name}.csv`);
      expect(csvRes.headers['content-type']).toContain('text/csv');
      expect(csvRes.body.startsWith('\uFEFF')).toBe(true);
      const json = (await anon.get(`/api/public/open-data/${YEAR}/${name}.json`)).json();
      const rows: string[][] = parse(csvRes.body, { bom: true });
      expect(rows[0]).toEqual(json.columns);
      expect(rows.length - 1).toBe(json.rows.length);
      json.rows.forEach((r: Record<string, unknown>, i: number) => {
        expect(rows[i + 1], name).toEqual(
          json.columns.map((c: string) => (r[c] === null ? '' : String(r[c]))),
        );
      });
      expect(json.licence.id).toBe('CC-BY-4.0');
    }
    const agencies = (await anon.get(`/api/public/open-data/${YEAR}/agencies.json`)).json().rows;
    expect(agencies.map((r: { agency_code: string }) => r.agency_code)).toEqual(['PUB-A', 'PUB-B', 'PUB-C']);
    expect(agencies[0]).toMatchObject({
      total: report.total,
      rating_code: report.rating.code,
      passes: report.passes,
    });
    const ind = (await anon.get(`/api/public/open-data/${YEAR}/indicators.json`)).json().rows;
    expect(
      ind
        .filter((r: { agency_code: string }) => r.agency_code === 'PUB-A')
        .map((r: { score: number }) => r.score),
    ).toEqual(report.indicators.map((i: { score: number }) => i.score));
    const inst = (await anon.get(`/api/public/open-data/${YEAR}/instruments.json`)).json().rows;
    expect(
      inst.find(
        (r: { agency_code: string; instrument_code: string }) =>
          r.agency_code === 'PUB-B' && r.instrument_code === 'IIT',
      ),
    ).toMatchObject({ score: null, n: null, suppressed: 'small_group' });
    await expectSmallGroupWithheld(
      ind.filter((r: { agency_code: string }) => r.agency_code === 'PUB-B'),
      inst.filter((r: { agency_code: string }) => r.agency_code === 'PUB-B'),
      (await anon.get(`/api/public/results/${YEAR}/agencies/PUB-B`)).json(),
    );
    const oit = (await anon.get(`/api/public/open-data/${YEAR}/oit-items.json`)).json().rows;
    expect(oit).toHaveLength(3 * framework.oitItems.length);
    const dict = (await anon.get('/api/public/open-data/dictionary')).json();
    for (const name of DATASET_NAMES) {
      const columns = (await anon.get(`/api/public/open-data/${YEAR}/${name}.json`)).json().columns;
      const d = dict.datasets.find((x: { name: string }) => x.name === name);
      expect(d.columns.map((c: { name: string }) => c.name)).toEqual(columns);
      for (const c of d.columns) expect(c.th && c.en).toBeTruthy();
    }
  });

  /**
   * PUB-B's IIT has 3 responses (stored: every figure 90): its score and n, the other survey instruments'
   * scores (they would reveal it through the total) and every indicator a survey instrument scores are
   * withheld alike in the JSON and CSV of instruments and indicators (the files with survey figures; OIT items
   * and totals have none) and on the agency's public page; the OIT and the indicators only it scores show.
   */
  async function expectSmallGroupWithheld(
    indicatorsJson: Record<string, unknown>[],
    instrumentsJson: Record<string, unknown>[],
    page: { instruments: Record<string, unknown>[]; indicators: Record<string, unknown>[] },
  ) {
    const survey = framework.instruments.filter((i) => i.collection !== 'open_data');
    const withheld = new Set(
      framework.indicators
        .filter((ind) => survey.some((i) => i.indicators.includes(ind.code)))
        .map((ind) => ind.code),
    );
    expect(survey.length).toBeGreaterThan(0);
    expect(withheld.size).toBeGreaterThan(0);
    expect(withheld.size).toBeLessThan(framework.indicators.length); // some are shown: OIT's
    const indicator = (code: string) =>
      withheld.has(code) ? { score: null, passes: null, suppressed: true } : { score: 90, suppressed: false };
    const instrument = (code: string) =>
      code === 'IIT'
        ? { score: null, n: null, margin_of_error: null, suppressed: 'small_group' }
        : survey.some((i) => i.code === code)
          ? { score: null, margin_of_error: null, suppressed: 'complementary' }
          : { score: 90, suppressed: null };
    // CSV writes null as an empty field and numbers and booleans as JavaScript prints them.
    const asCsv = (o: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === null ? '' : String(v)]));
    const csvOfB = async (name: string) =>
      (
        parse((await anon.get(`/api/public/open-data/${YEAR}/${name}.csv`)).body, {
          bom: true,
          columns: true,
        }) as Record<string, string>[]
      ).filter((r) => r.agency_code === 'PUB-B');
    const allIndicators = framework.indicators.map((i) => i.code).sort();
    const allInstruments = framework.instruments.map((i) => i.code).sort();
    const codes = (rows: Record<string, unknown>[], key: string) => rows.map((r) => String(r[key])).sort();

    expect(codes(indicatorsJson, 'indicator_code')).toEqual(allIndicators);
    for (const r of indicatorsJson)
      expect(r, `indicators.json ${r.indicator_code}`).toMatchObject(indicator(String(r.indicator_code)));
    const indicatorsCsv = await csvOfB('indicators');
    expect(codes(indicatorsCsv, 'indicator_code')).toEqual(allIndicators);
    for (const r of indicatorsCsv)
      expect(r, `indicators.csv ${r.indicator_code}`).toMatchObject(
        asCsv(indicator(String(r.indicator_code))),
      );

    expect(codes(instrumentsJson, 'instrument_code')).toEqual(allInstruments);
    for (const r of instrumentsJson)
      expect(r, `instruments.json ${r.instrument_code}`).toMatchObject(instrument(String(r.instrument_code)));
    const instrumentsCsv = await csvOfB('instruments');
    expect(codes(instrumentsCsv, 'instrument_code')).toEqual(allInstruments);
    for (const r of instrumentsCsv)
      expect(r, `instruments.csv ${r.instrument_code}`).toMatchObject(
        asCsv(instrument(String(r.instrument_code))),
      );

    expect(codes(page.indicators, 'code')).toEqual(allIndicators);
    for (const r of page.indicators)
      expect(r, `page indicator ${r.code}`).toMatchObject(indicator(String(r.code)));
    expect(codes(page.instruments, 'code')).toEqual(allInstruments);
    for (const r of page.instruments) {
      const { margin_of_error: marginOfError, suppressed, ...rest } = instrument(String(r.code));
      expect(r, `page instrument ${r.code}`).toMatchObject({
        ...rest,
        ...(marginOfError === undefined ? {} : { marginOfError }),
        suppressed: suppressed === null ? null : { code: suppressed },
      });
    }
  }

  it('answers ETag and Cache-Control, and 304 to a current If-None-Match', async () => {
    for (const url of [...yearRoutes, '/api/public/results', '/api/public/open-data/dictionary']) {
      const r = await anon.get(url);
      expect(r.headers['cache-control'], url).toBe('public, max-age=300');
      const etag = r.headers.etag as string;
      expect(etag).toMatch(/^".+"$/);
      const again = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
      expect(again.statusCode, url).toBe(304);
      expect(again.body).toBe('');
      const stale = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': '"other"' } });
      expect(stale.statusCode).toBe(200);
    }
    const one = (await anon.get(`/api/public/results/${YEAR}/agencies?q=a`)).headers.etag;
    const two = (await anon.get(`/api/public/results/${YEAR}/agencies?q=b`)).headers.etag;
    expect(one).not.toBe(two);
  });

  it('documents every public route in /api/docs under the public-results tag', async () => {
    const doc = (await anon.get('/api/docs/json')).json() as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    const tagged = Object.entries(doc.paths)
      .filter(([, ops]) => ops.get?.tags?.includes('public-results'))
      .map(([path]) => path);
    expect(tagged).toHaveLength(5 + 2 * DATASET_NAMES.length);
    expect(tagged).toContain('/api/public/results/{year}/agencies/{code}');
  });

  it('searches by name or code, a page at a time', async () => {
    const search = async (q: string, page = 1) =>
      (await anon.get(`/api/public/results/${YEAR}/agencies?q=${encodeURIComponent(q)}&page=${page}`)).json();
    expect((await search('pub-c')).items.map((i: { code: string }) => i.code)).toEqual(['PUB-C']);
    expect((await search('small office')).items.map((i: { code: string }) => i.code)).toEqual(['PUB-B']);
    expect((await search('ทดสอบ "ก"')).items.map((i: { code: string }) => i.code)).toEqual(['PUB-A']);
    expect(await search('PUB')).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect((await search('PUB', 2)).items).toEqual([]);
    expect((await anon.get(`/api/public/results/${YEAR}/agencies?page=0`)).statusCode).toBe(400);
    expect((await anon.get(`/api/public/results/${YEAR}/agencies?x=1`)).statusCode).toBe(400);
  });

  it('shows the signed audit checkpoint once taken, with a new ETag', async () => {
    const url = `/api/public/results/${YEAR}`;
    const before = await anon.get(url);
    expect(before.json().checkpoint).toBeNull();
    expect(await notifyDuePublications(t.deps)).toBe(2); // both years' publications; takes the checkpoint
    const after = await anon.get(url);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const cp = after.json().checkpoint;
    expect(cp).toMatchObject({
      seq: expect.any(Number),
      headHash: expect.any(String),
      reason: 'publication',
    });
    expect(cp.signed.length).toBeGreaterThan(20);
    const page = (await anon.get(`/api/public/results/${YEAR}/agencies/PUB-A`)).json();
    expect(page.checkpoint).toEqual(cp);
  });

  it('after a correction shows the new figures and the public reason, with a new ETag', async () => {
    const before = await anon.get(`/api/public/results/${YEAR}`);
    const res = await admin.post(`/api/results/${YEAR}/publications`, {
      runId: runs.second,
      reason: 'แก้ไขคะแนน OIT ของหน่วยงานหนึ่ง',
    });
    expect(res.statusCode).toBe(201);
    const after = await anon.get(`/api/public/results/${YEAR}`);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const o = after.json();
    expect(o.mean).toBe(82.75); // (86.25 + 90 + 72) / 3
    expect(o.passing).toBe(2);
    expect(o.publication.correction).toMatchObject({
      supersedes: before.json().publication.id,
      reason: 'แก้ไขคะแนน OIT ของหน่วยงานหนึ่ง',
    });
    const stale = await t.app.inject({
      method: 'GET',
      url: `/api/public/results/${YEAR}`,
      headers: { 'if-none-match': before.headers.etag as string },
    });
    expect(stale.statusCode).toBe(200);
    const a = (await anon.get(`/api/public/results/${YEAR}/agencies/PUB-A`)).json();
    expect(a.total).toBe(86.25);
    const csv = (await anon.get(`/api/public/open-data/${YEAR}/agencies.csv`)).body;
    expect(csv).toContain('86.25');
    expect(csv).not.toContain('81.5');
    const years = (await anon.get('/api/public/results')).json();
    expect(years.items[0].publication.correction.reason).toBe('แก้ไขคะแนน OIT ของหน่วยงานหนึ่ง');
  });
});
