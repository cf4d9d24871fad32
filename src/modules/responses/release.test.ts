// The release of held answers: a threshold pool mix per agency, year and instrument (release.ts). Nothing is
// lost or duplicated, whatever runs it: two instances at once, or a release that fails half-way.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeAgency } from '../../../test/helpers/factories.ts';
import { heldResponses, participations, surveyResponses } from '../../db/schema/index.ts';
import { loadBundledFrameworks } from '../frameworks/index.ts';
import { holdResponse, releaseGroup, releaseResponses } from './index.ts';

const YEAR = 2568;
const K = 4;

describe('releasing held responses', () => {
  let t: TestApp;
  let version: number;
  beforeAll(async () => {
    t = await createTestApp({ RESPONSE_RELEASE_BATCH: String(K) });
    await loadBundledFrameworks(t.deps.db);
    const [row] = await t.deps.db
      .execute<{ v: number }>(sql`select max(version)::int as v from framework_versions where year = ${YEAR}`)
      .then((r) => r.rows);
    version = row?.v as number;
  });
  afterAll(() => t.close());

  async function agencyHolding(n: number, instrument = 'IIT') {
    const agency = await makeAgency(t.deps.db);
    await t.deps.db
      .insert(participations)
      .values({ agencyId: agency.id, year: YEAR, registered: true, registeredAt: new Date() });
    for (let i = 0; i < n; i++)
      await holdResponse(t.deps.db, {
        agencyId: agency.id,
        year: YEAR,
        instrument,
        frameworkVersion: version,
        answers: { n: i },
        durationSeconds: 300,
        channel: 'web',
      });
    return agency.id;
  }
  const held = async (agencyId: string) =>
    (await t.deps.db.select().from(heldResponses).where(eq(heldResponses.agencyId, agencyId))).length;
  const released = (agencyId: string) =>
    t.deps.db.execute<{ n: number; xmin: string }>(
      sql`select (answers->>'n')::int as n, xmin::text as xmin from survey_responses where agency_id = ${agencyId}`,
    );

  it('releases nothing below 2k while collecting, then a random n − k together, keeping k to mix', async () => {
    const agencyId = await agencyHolding(2 * K - 1);
    const group = { agencyId, year: YEAR, instrument: 'IIT' };
    expect(await releaseGroup(t.deps, group, false)).toBe(0);
    await holdResponse(t.deps.db, {
      ...group,
      frameworkVersion: version,
      answers: { n: 99 },
      durationSeconds: 1,
      channel: 'web',
    });
    expect(await releaseGroup(t.deps, group, false)).toBe(K);
    expect(await held(agencyId)).toBe(K);
    const rows = (await released(agencyId)).rows;
    expect(rows).toHaveLength(K);
    // One transaction for the batch, and one day for all of it.
    expect(new Set(rows.map((r) => r.xmin)).size).toBe(1);
    const days = await t.deps.db
      .selectDistinct({ day: surveyResponses.submittedOn })
      .from(surveyResponses)
      .where(eq(surveyResponses.agencyId, agencyId));
    expect(days).toHaveLength(1);
  });

  it('releases everything waiting once the collection window has closed, even fewer than k', async () => {
    const agencyId = await agencyHolding(K - 1);
    expect((await releaseResponses(t.deps)).released).toBe(0);
    t.clock.set(new Date('2025-07-02T03:00:00Z')); // FY2568's IIT window closed on 30 June 2025
    await releaseResponses(t.deps);
    expect(await held(agencyId)).toBe(0);
    expect((await released(agencyId)).rows).toHaveLength(K - 1);
    t.clock.set(new Date('2025-03-01T03:00:00Z'));
  });

  it('never releases an answer twice or loses one when two instances release at once', async () => {
    const agencyId = await agencyHolding(6 * K);
    const group = { agencyId, year: YEAR, instrument: 'IIT' };
    const results = await Promise.all([
      releaseGroup(t.deps, group, true),
      releaseGroup(t.deps, group, true),
      releaseGroup(t.deps, group, false),
    ]);
    const total = results.reduce((s, n) => s + n, 0);
    const rows = (await released(agencyId)).rows;
    expect(rows).toHaveLength(total);
    expect(rows.length + (await held(agencyId))).toBe(6 * K);
    expect(new Set(rows.map((r) => r.n)).size).toBe(rows.length);
  });

  it('keeps every answer held when a release fails half-way (one transaction)', async () => {
    const agencyId = await agencyHolding(2 * K);
    const failing = {
      ...t.deps,
      db: new Proxy(t.deps.db, {
        get: (target, key) =>
          key === 'transaction'
            ? (work: (tx: unknown) => Promise<unknown>) =>
                target.transaction(async (tx) => {
                  await work(tx);
                  throw new Error('crash after the batch was written');
                })
            : Reflect.get(target, key),
      }),
    };
    await expect(releaseGroup(failing, { agencyId, year: YEAR, instrument: 'IIT' }, true)).rejects.toThrow(
      'crash after',
    );
    expect(await held(agencyId)).toBe(2 * K);
    expect((await released(agencyId)).rows).toHaveLength(0);
  });
});
