// The demo's FY2568 measures in progress: drawn up from the published FY2567 by the PAO's agency admin,
// weak points as the rule proposes them, three measures with divisions, sent for review; a second start
// changes nothing. The executive sees it awaiting review (reviewed by another account first).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { measureDocuments } from '../../db/schema/index.ts';
import { loadBundledFrameworks } from '../frameworks/index.ts';
import { measureLibraryTask } from '../measures/index.ts';
import { DEMO_PASSWORD } from './demo.data.ts';
import { DEMO_DONE_YEAR } from './demo.finished.data.ts';
import { seedDemo } from './seed.ts';

describe('demo seed: measures in progress', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // Started long after FY2568's measures stage (October 2024 – April 2025), as the demo is: its own
    // extension keeps the stage open for the PAO, so the measures are drawn up by the one stage rule.
    t.clock.set(new Date('2026-12-01T03:00:00Z'));
    await loadBundledFrameworks(t.deps.db);
    await measureLibraryTask(t.deps, t.app.log);
    await seedDemo(t.deps);
  }, 300_000);
  afterAll(() => t.close());

  it('drafts the PAO’s FY2568 measures from the published FY2567 and sends them for review', async () => {
    const admin = await t.signIn('agency-admin', DEMO_PASSWORD);
    const me = (await admin.get('/api/auth/me')).json();
    const agencyId = me.agencyId ?? me.user?.agencyId;
    const view = (await admin.get(`/api/agencies/${agencyId}/measures/${DEMO_DONE_YEAR + 1}`)).json();
    expect(view.document).toMatchObject({ version: 1, status: 'prepared', source: { year: DEMO_DONE_YEAR } });
    expect(view.document.content.measures).toHaveLength(3);
    expect(view.divisions.length).toBeGreaterThanOrEqual(5);
    const report = (await admin.get(`/api/agencies/${agencyId}/results/${DEMO_DONE_YEAR}/report`)).json();
    expect(view.document.source.total).toBe(report.total);
    const exec = await t.signIn('executive', DEMO_PASSWORD);
    const seen = (await exec.get(`/api/agencies/${agencyId}/measures/${DEMO_DONE_YEAR + 1}`)).json();
    expect(seen.can).toMatchObject({ review: true, approve: false });
    expect(view.stage).toMatchObject({ phase: 'open', closed: false });
    expect(view.stage.closesOn > '2026-12-01').toBe(true);
  });

  it('adds nothing on a second start', async () => {
    const before = await t.deps.db.$count(measureDocuments, eq(measureDocuments.year, DEMO_DONE_YEAR + 1));
    await seedDemo(t.deps);
    expect(await t.deps.db.$count(measureDocuments, eq(measureDocuments.year, DEMO_DONE_YEAR + 1))).toBe(
      before,
    );
  });
});
