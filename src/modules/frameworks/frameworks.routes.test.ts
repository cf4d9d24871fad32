import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import { SEED_004, SEED_004_PUBLISHED } from '../../core/scoring/test-fixtures.ts';
import { auditLog } from '../../db/schema/index.ts';
import { checkpointCovering } from '../audit/index.ts';
import { BUNDLED_FRAMEWORKS_DIR, loadBundledFrameworks } from './frameworks.loader.ts';
import { importFramework } from './frameworks.service.ts';

const bundled = (year: number) =>
  JSON.parse(readFileSync(path.join(BUNDLED_FRAMEWORKS_DIR, `fy${year}.json`), 'utf8'));

/** The calculator's body for seed 004: the year is in the path. */
const SEED_004_BODY = { indicators: SEED_004.indicators };

describe('frameworks API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await loadBundledFrameworks(t.deps.db);
    await makeUser(t.deps.db, { role: 'admin', username: 'fw-admin' });
    await makeUser(t.deps.db, { role: 'supervisor', username: 'fw-supervisor' });
  });
  afterAll(() => t.close());

  describe('reading (public)', () => {
    it('lists every year with its version, origin, level and counts', async () => {
      const res = await t.anonymous().get('/api/frameworks');
      expect(res.statusCode).toBe(200);
      const list = res.json();
      expect(list.map((f: { year: number }) => f.year)).toEqual([2563, 2564, 2565, 2566, 2567, 2568]);
      expect(list.find((f: { year: number }) => f.year === 2568)).toMatchObject({
        version: 1,
        origin: 'bundled',
        level: 'question',
        counts: { questions: 24, oitItems: 28 },
        name: { th: expect.stringContaining('2568') },
      });
      expect(list[0]).toMatchObject({
        year: 2563,
        level: 'structure',
        counts: { questions: 0, oitItems: 0 },
      });
    });

    it("returns a year's framework with its version", async () => {
      const res = await t.anonymous().get('/api/frameworks/2568');
      expect(res.statusCode).toBe(200);
      expect(res.json().version).toBe(1);
      expect(res.json().framework.instruments.map((i: { code: string }) => i.code)).toEqual([
        'IIT',
        'EIT1',
        'EIT2',
        'OIT',
      ]);
    });

    it('answers an unknown year with 404 in Thai and English', async () => {
      const res = await t.anonymous().get('/api/frameworks/2599');
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toMatchObject({
        code: 'framework_not_found',
        th: expect.stringContaining('2599'),
        en: expect.stringContaining('2599'),
      });
    });

    it('shows FY2568 beside FY2567, items matched through the crosswalk', async () => {
      const res = await t.anonymous().get('/api/frameworks/2568/compare');
      expect(res.statusCode).toBe(200);
      const sut = res.json();
      expect(sut.current).toMatchObject({ year: 2568, level: 'question' });
      expect(sut.previous).toMatchObject({ year: 2567 });
      expect(
        sut.current.instruments.map((i: { code: string; weight: number }) => [i.code, i.weight]),
      ).toEqual([
        ['IIT', 30],
        ['EIT1', 15],
        ['EIT2', 15],
        ['OIT', 40],
      ]);
      expect(sut.matchedBy).toBe('crosswalk');
      const i3 = sut.questions.find((p: { current: { code: string } | null }) => p.current?.code === 'i3');
      expect(i3.previous.map((p: { code: string }) => p.code)).toEqual(['I4', 'I5']);
      // An FY2567 question that FY2568 dropped still appears, with nothing beside it.
      expect(sut.questions).toContainEqual({
        current: null,
        previous: [expect.objectContaining({ code: 'I3' })],
      });
      const o27 = sut.oitItems.find((p: { current: { code: string } | null }) => p.current?.code === 'o27');
      expect(o27.previous.map((p: { code: string }) => p.code)).toEqual(['O42']);
    });

    it('matches by equal codes when a year has no crosswalk', async () => {
      const sut = (await t.anonymous().get('/api/frameworks/2566/compare')).json();
      expect(sut.previous).toMatchObject({ year: 2565, level: 'structure' });
      expect(sut.matchedBy).toBe('code');
      expect(sut.questions.every((p: { previous: unknown[] }) => p.previous.length === 0)).toBe(true);
    });

    it('compares the first year with nothing', async () => {
      const sut = (await t.anonymous().get('/api/frameworks/2563/compare')).json();
      expect(sut).toMatchObject({ previous: null, matchedBy: 'none', questions: [], oitItems: [] });
    });

    it('downloads a year as an attachment named fy<year>.json, equal to the bundled file', async () => {
      const res = await t.anonymous().get('/api/frameworks/2568/export');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toBe('attachment; filename="fy2568.json"');
      expect(JSON.parse(res.body)).toEqual(bundled(2568));
    });
  });

  describe('import (admin)', () => {
    it('stores a valid framework as the next version, and export returns it unchanged', async () => {
      const admin = await t.signIn('fw-admin');
      const official = bundled(2567);
      official.source = 'Official FY2567 texts';
      official.questions[0].text = { th: 'ข้อความทางการ', en: 'Official wording' };
      official.questions[0].paraphrased = false;
      const res = await admin.post('/api/frameworks', official);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({ year: 2567, version: 2 });

      const list = (await t.anonymous().get('/api/frameworks')).json();
      expect(list.find((f: { year: number }) => f.year === 2567)).toMatchObject({
        version: 2,
        origin: 'import',
      });
      const exported = await t.anonymous().get('/api/frameworks/2567/export');
      expect(JSON.parse(exported.body)).toEqual(official);
      const inForce = (await t.anonymous().get('/api/frameworks/2567')).json();
      expect(inForce.framework.questions[0].text.th).toBe('ข้อความทางการ');

      // The import is audited, and a signed checkpoint right after it covers that entry.
      const [entry] = await t.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'framework_version'), eq(auditLog.entityId, '2567:2')));
      expect(entry).toMatchObject({ action: 'import', actorUsername: 'fw-admin' });
      expect(await checkpointCovering(t.deps, entry?.seq ?? 0)).toMatchObject({ reason: 'framework.import' });
    });

    it('imports a year that was never bundled', async () => {
      const admin = await t.signIn('fw-admin');
      const next = { ...bundled(2568), year: 2569, crosswalk: undefined };
      const res = await admin.post('/api/frameworks', next);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({ year: 2569, version: 1 });
      expect((await t.anonymous().get('/api/frameworks/2569')).statusCode).toBe(200);
    });

    it('lists every problem of an invalid framework, with paths, in Thai and English, and stores nothing', async () => {
      const admin = await t.signIn('fw-admin');
      const broken = bundled(2568);
      broken.instruments[1].weight = 25;
      broken.questions[0].scale = 'no_such_scale';
      broken.indicators[0].name = { th: '' };
      const res = await admin.post('/api/frameworks', broken);
      expect(res.statusCode).toBe(400);
      const { error } = res.json();
      expect(error).toMatchObject({
        code: 'framework_invalid',
        th: expect.any(String),
        en: expect.any(String),
      });
      expect(error.details.problems).toEqual(
        expect.arrayContaining([
          {
            path: 'indicators[0].name.th',
            th: 'กรุณากรอกชื่อ (ภาษาไทย)',
            en: 'Name (Thai) is required',
          },
          expect.objectContaining({ path: 'instruments', en: expect.stringContaining('weights sum to 110') }),
          expect.objectContaining({
            path: 'questions[0].scale',
            th: expect.stringContaining('no_such_scale'),
          }),
        ]),
      );
      // Every problem is said in words at its field (src/core/framework/messages.ts), in both languages.
      const field = error.details.problems.find((p: { path: string }) => p.path === 'indicators[0].name.th');
      expect(field.th).not.toBe(field.en);
      const list = (await t.anonymous().get('/api/frameworks')).json();
      expect(list.find((f: { year: number }) => f.year === 2568).version).toBe(1);
    });

    it('refuses anonymous users and non-admins', async () => {
      // Without a session there is no CSRF token either: refused before the service is reached.
      expect((await t.anonymous().post('/api/frameworks', bundled(2568))).statusCode).toBe(403);
      await expect(importFramework(t.deps, null, bundled(2568))).rejects.toMatchObject({
        kind: 'unauthenticated',
      });
      const supervisor = await t.signIn('fw-supervisor');
      const res = await supervisor.post('/api/frameworks', bundled(2568));
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    });
  });

  describe('calculator (public)', () => {
    it('reproduces seed 004: FY2568 indicators → total 95.93, rated ผ่านดี', async () => {
      const res = await t.anonymous().post('/api/frameworks/2568/score', SEED_004_BODY);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(SEED_004_PUBLISHED);
    });

    it('scores FY2565 from instrument scores with a single EIT', async () => {
      const res = await t
        .anonymous()
        .post('/api/frameworks/2565/score', { instruments: { IIT: 82.44, EIT: 79.4, OIT: 100 } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ instruments: { IIT: 82.44, EIT: 79.4, OIT: 100 }, total: 88.55 });
    });

    it("answers a missing indicator with the engine's error (400, Thai and English, details)", async () => {
      const { '10': _dropped, ...nine } = SEED_004.indicators;
      const res = await t.anonymous().post('/api/frameworks/2568/score', { indicators: nine });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'invalid_scoring_input',
        th: expect.any(String),
        en: expect.any(String),
        details: { problems: [expect.objectContaining({ code: 'missing_score', path: 'indicators.10' })] },
      });
    });

    it('refuses a score above 100', async () => {
      const res = await t
        .anonymous()
        .post('/api/frameworks/2568/score', { indicators: { ...SEED_004.indicators, '9': 101 } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.problems[0]).toMatchObject({ code: 'score_out_of_range' });
    });

    it('refuses a body with both indicators and instruments', async () => {
      const res = await t
        .anonymous()
        .post('/api/frameworks/2568/score', { ...SEED_004_BODY, instruments: { IIT: 90 } });
      expect(res.statusCode).toBe(400);
    });

    it('answers an unknown year with 404', async () => {
      expect((await t.anonymous().post('/api/frameworks/2599/score', SEED_004_BODY)).statusCode).toBe(404);
    });

    it.each([
      [25, 25],
      [100, 30],
      [1000, 200],
      [5000, 400],
    ])('gives FY2568 IIT with %i staff a minimum sample of %i', async (population, minimum) => {
      const res = await t
        .anonymous()
        .get(`/api/frameworks/2568/min-sample?instrument=IIT&population=${population}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ year: 2568, instrument: 'IIT', population, minimum });
    });

    it('derives the EIT part 2 minimum from the part 1 minimum', async () => {
      const res = await t.anonymous().get('/api/frameworks/2568/min-sample?instrument=EIT2&population=1000');
      expect(res.json().minimum).toBe(40);
    });

    it('answers an instrument without a sample rule with 400', async () => {
      const res = await t.anonymous().get('/api/frameworks/2568/min-sample?instrument=OIT&population=10');
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'no_sample_rule', th: expect.stringContaining('OIT') });
    });

    it('documents every endpoint in the OpenAPI description', async () => {
      const doc = (await t.anonymous().get('/api/docs/json')).json();
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/frameworks',
          '/api/frameworks/{year}',
          '/api/frameworks/{year}/compare',
          '/api/frameworks/{year}/export',
          '/api/frameworks/{year}/score',
          '/api/frameworks/{year}/min-sample',
        ]),
      );
    });

    it('refuses a negative population', async () => {
      const res = await t.anonymous().get('/api/frameworks/2568/min-sample?instrument=IIT&population=-1');
      expect(res.statusCode).toBe(400);
    });
  });
});
