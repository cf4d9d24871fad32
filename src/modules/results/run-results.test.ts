// A run's agency results (GET …/runs/:id/agencies), what the admin checks a preview or a run with before
// publishing: highest total first over pages that never overlap, agency names, instruments with why one was
// not processed, only runs of the year, NACC admins only; and who queued each run in the run list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import type { Db } from '../../db/client.ts';
import { agencyResults, processingRuns } from '../../db/schema/index.ts';
import { loadFramework, participatingAgency, YEAR } from '../quality/quality.fixture.testing.ts';

describe('run results', () => {
  let t: TestApp;
  let db: Db;
  let admin: Client;
  let adminName: string;
  let runId: string;
  let otherYearRun: string;
  const agencyIds: string[] = [];
  const totals = [72.5, 91.25, 88, 91.25, 64];

  beforeAll(async () => {
    t = await createTestApp();
    db = t.deps.db;
    const { version } = await loadFramework(db);
    const nacc = await makeUser(db, { role: 'admin', username: 'rr-admin' });
    adminName = nacc.displayName;
    admin = await t.signIn('rr-admin');
    await makeUser(db, { role: 'supervisor', username: 'rr-supervisor' });
    const insertRun = async (year: number) => {
      const [row] = await db
        .insert(processingRuns)
        .values({
          year,
          frameworkVersion: version,
          kind: 'preview',
          scope: 'all',
          status: 'done',
          inputsHash: 'd'.repeat(64),
          createdBy: nacc.id,
          finishedAt: new Date(),
        })
        .returning({ id: processingRuns.id });
      return row?.id as string;
    };
    runId = await insertRun(YEAR);
    otherYearRun = await insertRun(YEAR - 1);
    for (const total of totals) {
      const { id } = await participatingAgency(db);
      agencyIds.push(id);
      await db.insert(agencyResults).values({
        runId,
        agencyId: id,
        total: total.toFixed(2),
        ratingCode: total >= 85 ? 'A' : 'C',
        passes: total >= 85,
        instruments: {
          IIT: { score: total, n: 30, minimum: 20, population: 40, marginOfError: 8.9, notProcessed: null },
          EIT: {
            score: null,
            n: 3,
            minimum: 20,
            population: 100,
            marginOfError: null,
            notProcessed: 'minimum_sample',
          },
        },
        indicators: {},
        indicatorsByInstrument: {},
        questions: {},
        subIndicators: {},
        inputsHash: 'e'.repeat(64),
      });
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const url = (run: string, query = '') => `/api/results/${YEAR}/runs/${run}/agencies${query}`;

  it('lists every agency once over its pages, highest total first, with names and instruments', async () => {
    const seen: { agencyId: string; total: number }[] = [];
    for (let page = 1; page <= 3; page++) {
      const res = await admin.get(url(runId, `?page=${page}&pageSize=2`));
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ run: runId, total: totals.length, page, pageSize: 2 });
      seen.push(...body.items);
    }
    expect(seen.map((r) => r.total)).toEqual([...totals].sort((a, b) => b - a));
    expect(new Set(seen.map((r) => r.agencyId))).toEqual(new Set(agencyIds));
    const first = (await admin.get(url(runId, '?pageSize=1'))).json().items[0];
    expect(first).toMatchObject({ total: 91.25, ratingCode: 'A', passes: true });
    expect(first.nameTh).toMatch(/^หน่วยงานทดสอบ /);
    expect(first.instruments.EIT).toMatchObject({ score: null, notProcessed: 'minimum_sample', n: 3 });
  });

  it('answers 404 for a run of another year or no run, and 400 for a page size above the limit', async () => {
    expect((await admin.get(url(otherYearRun))).statusCode).toBe(404);
    expect((await admin.get(url('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
    expect((await admin.get(url(runId, '?pageSize=201'))).statusCode).toBe(400);
    expect((await admin.get(url(runId, '?page=0'))).statusCode).toBe(400);
  });

  it('refuses everyone but NACC admins', async () => {
    const supervisor = await t.signIn('rr-supervisor');
    expect((await supervisor.get(url(runId))).statusCode).toBe(403);
    expect((await t.anonymous().get(url(runId))).statusCode).toBe(401);
  });

  it('names who queued each run in the run list and in one run', async () => {
    const list = (await admin.get(`/api/results/${YEAR}/runs`)).json();
    expect(list.items.find((r: { id: string }) => r.id === runId)?.createdByName).toBe(adminName);
    expect((await admin.get(`/api/results/${YEAR}/runs/${runId}`)).json().createdByName).toBe(adminName);
  });
});
