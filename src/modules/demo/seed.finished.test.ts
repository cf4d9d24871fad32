// The demo's finished year: FY2567 processed by a real run and published, every agency's report with data,
// FY2563–FY2566 imported; a second start adds nothing.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import {
  agencyResults,
  auditLog,
  eit2Interviews,
  oitScores,
  pastResults,
  processingRuns,
  publications,
  surveyResponses,
} from '../../db/schema/index.ts';
import { loadBundledFrameworks } from '../frameworks/index.ts';
import { DEMO_PASSWORD } from './demo.data.ts';
import { DEMO_DONE_YEAR } from './demo.finished.data.ts';
import { seedDemo } from './seed.ts';

describe('demo seed: the finished year', () => {
  let t: TestApp;
  let first: Awaited<ReturnType<typeof seedDemo>>;
  beforeAll(async () => {
    t = await createTestApp();
    await loadBundledFrameworks(t.deps.db);
    first = await seedDemo(t.deps);
  });
  afterAll(() => t.close());

  const counts = async () => ({
    responses: await t.deps.db.$count(surveyResponses, eq(surveyResponses.year, DEMO_DONE_YEAR)),
    interviews: await t.deps.db.$count(eit2Interviews, eq(eit2Interviews.year, DEMO_DONE_YEAR)),
    runs: await t.deps.db.$count(processingRuns),
    publications: await t.deps.db.$count(publications),
    pastResults: await t.deps.db.$count(pastResults),
    audit: await t.deps.db.$count(auditLog),
  });

  it('processes FY2567 with a real run and publishes it now', async () => {
    expect(first.finished).toMatchObject({ publishedNow: true, runId: expect.any(String) });
    expect(first.banner.join('\n')).toContain(`FY${DEMO_DONE_YEAR} is finished`);
    const [run] = await t.deps.db
      .select()
      .from(processingRuns)
      .where(eq(processingRuns.year, DEMO_DONE_YEAR));
    expect(run).toMatchObject({
      kind: 'run',
      scope: 'all',
      status: 'done',
      progressDone: 12,
      progressTotal: 12,
    });
    expect(run?.inputsHash).toMatch(/^[0-9a-f]{64}$/);
    const pubs = (
      await (await t.signIn('admin', DEMO_PASSWORD)).get(`/api/results/${DEMO_DONE_YEAR}/publications`)
    ).json();
    expect(pubs.items).toEqual([expect.objectContaining({ runId: run?.id, state: 'in_effect' })]);
  });

  it('stores realistic numbers: responses per instrument and approved interviews', async () => {
    const rows = await t.deps.db
      .select({ instrument: surveyResponses.instrument, channel: surveyResponses.channel })
      .from(surveyResponses)
      .where(eq(surveyResponses.year, DEMO_DONE_YEAR));
    const by = (i: string) => rows.filter((r) => r.instrument === i).length;
    expect(by('IIT')).toBeGreaterThan(300);
    expect(by('EIT1')).toBeGreaterThan(1000);
    expect(by('EIT2')).toBeGreaterThan(200);
    expect(rows.filter((r) => r.instrument === 'EIT2').every((r) => r.channel === 'interview')).toBe(true);
    const interviews = await t.deps.db
      .select({ status: eit2Interviews.status })
      .from(eit2Interviews)
      .where(eq(eit2Interviews.year, DEMO_DONE_YEAR));
    expect(interviews.length).toBe(by('EIT2'));
    expect(interviews.every((i) => i.status === 'approved')).toBe(true);
  });

  it('gives a spread of ratings, one instrument not processed with its reason, one agency not registered', async () => {
    const results = await t.deps.db
      .select()
      .from(agencyResults)
      .where(eq(agencyResults.runId, first.finished?.runId ?? ''));
    expect(results).toHaveLength(12);
    expect(new Set(results.map((r) => r.ratingCode)).size).toBeGreaterThanOrEqual(4);
    const reasons = results.flatMap((r) =>
      Object.entries(r.instruments).flatMap(([code, i]) =>
        i.notProcessed ? [`${code}:${i.notProcessed}`] : [],
      ),
    );
    expect(reasons).toContain('IIT:minimum_sample');
    expect(reasons).toContain('OIT:registered');
  });

  it("shows the executive their agency's report with every part filled, and its earlier years", async () => {
    const exec = await t.signIn('executive', DEMO_PASSWORD);
    const agencyId = (await exec.get('/api/dashboard')).json().agency.id;
    const res = await exec.get(`/api/agencies/${agencyId}/results/${DEMO_DONE_YEAR}`);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ basis: 'published', total: expect.any(Number) });
    for (const code of ['IIT', 'EIT1', 'EIT2', 'OIT']) {
      expect(report.instruments[code]).toMatchObject({ score: expect.any(Number), notProcessed: null });
    }
    expect(report.instruments.IIT.n).toBeGreaterThanOrEqual(report.instruments.IIT.minimum);
    expect(report.instruments.IIT.marginOfError).toBeGreaterThan(0);
    expect(Object.keys(report.questions.IIT ?? {}).length).toBe(30);
    const line = (await exec.get(`/api/agencies/${agencyId}/past-results`)).json();
    expect(line.years.map((y: { year: number }) => y.year)).toEqual([2563, 2564, 2565, 2566]);
    // The results report: previous year and history from the imported years, assessors' advice, OIT items.
    const full = (await exec.get(`/api/agencies/${agencyId}/results/${DEMO_DONE_YEAR}/report`)).json();
    expect(full).toMatchObject({ detailsAvailable: true, previous: { year: 2566 } });
    expect(full.history.map((h: { year: number }) => h.year)).toEqual([2563, 2564, 2565, 2566, 2567]);
    expect(full.advice.iit.length).toBeGreaterThan(0);
    expect(full.advice.eit.length).toBeGreaterThan(0);
    expect(full.advice.overall).toMatch(/[ก-๙]/);
    expect(full.oitItems.length).toBeGreaterThan(30);
    // The year in collection is not processed: nothing published for it.
    expect((await exec.get(`/api/agencies/${agencyId}/results/2568`)).statusCode).toBe(404);
  });

  it('OIT of the finished year is confirmed, with components and advice on failed items', async () => {
    const exec = await t.signIn('executive', DEMO_PASSWORD);
    const agencyId = (await exec.get('/api/dashboard')).json().agency.id;
    const scores = await t.deps.db
      .select({ score: oitScores.score, advice: oitScores.advice, found: oitScores.componentsFound })
      .from(oitScores)
      .where(and(eq(oitScores.year, DEMO_DONE_YEAR), eq(oitScores.agencyId, agencyId)));
    const zeros = scores.filter((z) => z.score === 0);
    expect(zeros.length).toBeGreaterThan(0);
    expect(zeros.every((z) => /[ก-๙]/.test(z.advice ?? ''))).toBe(true);
    expect(scores.filter((z) => z.score === 100).every((z) => z.found.length > 0)).toBe(true);
    expect(await t.deps.db.$count(pastResults, eq(pastResults.agencyId, agencyId))).toBe(4);
  });

  it('is idempotent: a second start adds nothing', async () => {
    const before = await counts();
    const again = await seedDemo(t.deps);
    expect(again.finished).toMatchObject({
      publishedNow: false,
      runId: first.finished?.runId,
      pastResultsImported: 0,
    });
    expect(await counts()).toEqual(before);
  });
});
