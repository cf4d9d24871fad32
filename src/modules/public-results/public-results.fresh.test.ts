// With PUBLIC_RESULTS_FRESH_MS set, an instance keeps which publication is in effect for that long: a
// publication under embargo shows only after its time (at most the window late, never early), a correction
// at most the window late; with 0 (the tests' default) every request asks the database.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import { loadFramework, participatingAgency, YEAR } from '../quality/quality.fixture.testing.ts';
import { insertResult, insertRun } from './public-results.fixture.testing.ts';

const WINDOW_MS = 400;
const HOUR = 3_600_000;

describe('public results: which publication is in effect, kept for a moment', () => {
  let t: TestApp;
  let admin: Client;
  let anon: Client;
  const runs: string[] = [];
  const mean = async () => {
    const r = await anon.get(`/api/public/results/${YEAR}`);
    return r.statusCode === 200 ? (r.json().mean as number) : r.statusCode;
  };

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_RESULTS_FRESH_MS: String(WINDOW_MS) });
    const db = t.deps.db;
    const { framework, version } = await loadFramework(db);
    const a = await participatingAgency(db, { code: 'FR-A' });
    for (const total of [71.25, 82.5]) {
      const run = await insertRun(db, YEAR, version);
      await insertResult(db, framework, run, a.id, total, 8);
      runs.push(run);
    }
    await makeUser(db, { role: 'admin', username: 'fr-admin' });
    admin = await t.signIn('fr-admin');
    anon = t.anonymous();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows a publication under embargo never before its time, and within the window after it', async () => {
    expect(await mean()).toBe(404);
    const at = new Date(t.deps.now().getTime() + HOUR);
    const res = await admin.post(`/api/results/${YEAR}/publications`, {
      runId: runs[0],
      publishAt: at.toISOString(),
    });
    expect(res.statusCode).toBe(201);
    t.clock.set(new Date(at.getTime() - 1));
    expect(await mean()).toBe(404);
    await sleep(WINDOW_MS + 50);
    expect(await mean()).toBe(404); // read afresh: still under embargo
    t.clock.set(at);
    await sleep(WINDOW_MS + 50); // "not published" may be kept for the window: late, never early
    expect(await mean()).toBe(71.25);
  });

  it('shows a correction within the window', async () => {
    const res = await admin.post(`/api/results/${YEAR}/publications`, { runId: runs[1], reason: 'แก้ไข' });
    expect(res.statusCode).toBe(201);
    await sleep(WINDOW_MS + 50);
    expect(await mean()).toBe(82.5);
    const csv = (await anon.get(`/api/public/open-data/${YEAR}/agencies.csv`)).body;
    expect(csv).toContain('82.5');
    expect(csv).not.toContain('71.25');
  });
});
