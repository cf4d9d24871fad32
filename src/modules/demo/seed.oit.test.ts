import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import {
  agencies,
  evidenceSnapshots,
  oitAnswers,
  oitClarifications,
  oitReviews,
  oitScores,
  stageExtensions,
} from '../../db/schema/index.ts';
import { loadBundledFrameworks } from '../frameworks/index.ts';
import {
  DEMO_ACCEPTED_ITEM,
  DEMO_DISPUTED_ITEM,
  DEMO_MISSING_PAGES,
  DEMO_OIT_PLAN,
} from './demo.oit.data.ts';
import { seedDemo } from './seed.ts';

describe('demo seed: FY2568 OIT in every state', () => {
  let t: TestApp;
  const codeOf = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp();
    await loadBundledFrameworks(t.deps.db);
    await seedDemo(t.deps);
    for (const a of await t.deps.db.select({ id: agencies.id, code: agencies.code }).from(agencies))
      codeOf.set(a.id, a.code);
  });
  afterAll(() => t.close());

  it('shows one agency in each workflow status, as its items say', async () => {
    const reviews = await t.deps.db.select().from(oitReviews).where(eq(oitReviews.year, 2568));
    const byCode = Object.fromEntries(reviews.map((r) => [codeOf.get(r.agencyId), r.status]));
    expect(byCode).toEqual({
      'DEMO47-04': 'answering',
      'DEMO47-07': 'answering',
      'DEMO47-03': 'awaiting_approval',
      'DEMO47-06': 'approved',
      'DEMO47-05': 'assessed',
      'DEMO47-02': 'assessed',
      'DEMO47-01': 'confirmed',
    });
    expect(Object.keys(byCode).sort()).toEqual(Object.keys(DEMO_OIT_PLAN).sort());
  });

  it('scores items whose pages are missing 0 with advice, one clarification waiting and one accepted', async () => {
    const scores = await t.deps.db.select().from(oitScores).where(eq(oitScores.year, 2568));
    for (const s of scores) {
      const key = `${codeOf.get(s.agencyId)}/${s.itemCode}`;
      if (key === `${DEMO_ACCEPTED_ITEM.agency}/${DEMO_ACCEPTED_ITEM.item}`) {
        expect(s).toMatchObject({ score: 100, originalScore: 0 });
      } else if (DEMO_MISSING_PAGES.has(key)) {
        expect(s.score).toBe(0);
        expect(s.advice?.length).toBeGreaterThan(10);
      }
    }
    const clarifications = await t.deps.db
      .select()
      .from(oitClarifications)
      .where(eq(oitClarifications.year, 2568));
    const described = clarifications.map((c) => ({
      at: `${codeOf.get(c.agencyId)}/${c.itemCode}`,
      decision: c.decision,
    }));
    expect(described).toEqual(
      expect.arrayContaining([
        { at: `${DEMO_DISPUTED_ITEM.agency}/${DEMO_DISPUTED_ITEM.item}`, decision: null },
        { at: `${DEMO_ACCEPTED_ITEM.agency}/${DEMO_ACCEPTED_ITEM.item}`, decision: 'accepted' },
      ]),
    );
    const [disputed] = await t.deps.db
      .select({ state: oitAnswers.state })
      .from(oitAnswers)
      .innerJoin(agencies, eq(agencies.id, oitAnswers.agencyId))
      .where(
        and(
          eq(oitAnswers.year, 2568),
          eq(oitAnswers.itemCode, DEMO_DISPUTED_ITEM.item),
          eq(agencies.code, DEMO_DISPUTED_ITEM.agency),
        ),
      );
    expect(disputed?.state).toBe('disputed');
  });

  it('queues evidence checks of URLs on the demo websites, which the app serves (some pages missing)', async () => {
    const snapshots = await t.deps.db.select().from(evidenceSnapshots);
    expect(snapshots.length).toBeGreaterThan(100);
    expect(new Set(snapshots.map((s) => s.purpose))).toEqual(new Set(['saved', 'approval', 'clarification']));
    const publicUrl = t.deps.config.publicUrl;
    expect(snapshots.every((s) => s.url.startsWith(`${publicUrl}/demo-sites/`))).toBe(true);

    const page = await t.app.inject({ method: 'GET', url: '/demo-sites/demo47-01/o1' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('2568');
    const home = await t.app.inject({ method: 'GET', url: '/demo-sites/demo47-01/' });
    expect(home.body).toContain('href="./o1"');
    expect(home.body).toContain('href="./o8.pdf"');
    const plan = await t.app.inject({ method: 'GET', url: '/demo-sites/demo47-01/o8.pdf' });
    expect(plan.statusCode).toBe(200);
    expect(plan.headers['content-type']).toBe('application/pdf');
    expect(plan.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(snapshots.some((s) => s.url.endsWith('/demo-sites/demo47-01/o8.pdf'))).toBe(true);
    const notAsPage = await t.app.inject({ method: 'GET', url: '/demo-sites/demo47-01/o8' });
    expect(notAsPage.statusCode).toBe(404);
    const missing = await t.app.inject({ method: 'GET', url: '/demo-sites/demo47-01/o20' });
    expect(missing.statusCode).toBe(404);
    const notDemo = await t.app.inject({ method: 'GET', url: '/demo-sites/not-an-agency/o1' });
    expect(notDemo.statusCode).toBe(404);
  });

  it('keeps the OIT stages open with extensions, and a second run changes nothing', async () => {
    const stages = await t.deps.db.selectDistinct({ stage: stageExtensions.stage }).from(stageExtensions);
    expect(stages.map((s) => s.stage)).toEqual(
      expect.arrayContaining(['oit_answering', 'oit_scoring', 'clarification', 'confirmation']),
    );
    const before = [
      await t.deps.db.$count(oitAnswers),
      await t.deps.db.$count(oitScores),
      await t.deps.db.$count(evidenceSnapshots),
    ];
    await seedDemo(t.deps);
    expect([
      await t.deps.db.$count(oitAnswers),
      await t.deps.db.$count(oitScores),
      await t.deps.db.$count(evidenceSnapshots),
    ]).toEqual(before);
  });
});
