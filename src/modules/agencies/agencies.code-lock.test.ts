// An agency's code is the open data's stable identifier (issue 11 §1): NACC may change it while the agency's
// results are only processed, not once one is published (in effect, superseded or under embargo) — 409
// `agency_code_published`, nothing changed, and the public page and the CSV keep answering under the code. A
// publication cancelled before its time never made the code public: the code is free again.
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import type { Framework } from '../../core/framework/schema.ts';
import type { Db } from '../../db/client.ts';
import { agencies, auditLog } from '../../db/schema/index.ts';
import { frameworkForYear } from '../frameworks/index.ts';
import { insertResult, insertRun } from '../public-results/public-results.fixture.testing.ts';
import { loadFramework, participatingAgency, YEAR } from '../quality/quality.fixture.testing.ts';
import { resultEverPublishedLocked } from '../results/public.ts';
import { lockAgency } from './agencies.repo.ts';

const HOUR = 3_600_000;

/** Polls until `ready` holds (10 s at most). */
async function until(ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('agency code after publication', () => {
  let t: TestApp;
  let db: Db;
  let framework: Framework;
  let lastYear: { version: number; framework: Framework };
  let admin: Client;
  let anon: Client;
  const ids = { published: '', embargoed: '' };
  const runs = { year: '', lastYear: '' };

  beforeAll(async () => {
    t = await createTestApp();
    db = t.deps.db;
    const loaded = await loadFramework(db);
    framework = loaded.framework;
    ids.published = (await participatingAgency(db, { code: 'LOCK-A0' })).id;
    ids.embargoed = (await participatingAgency(db, { code: 'LOCK-B' })).id;
    runs.year = await insertRun(db, YEAR, loaded.version);
    await insertResult(db, framework, runs.year, ids.published, 90, 8);
    lastYear = await frameworkForYear(db, YEAR - 1);
    runs.lastYear = await insertRun(db, YEAR - 1, lastYear.version);
    await insertResult(db, lastYear.framework, runs.lastYear, ids.embargoed, 70, 8);
    await makeUser(db, { role: 'admin', username: 'code-lock-admin' });
    admin = await t.signIn('code-lock-admin');
    anon = t.anonymous();
  });
  afterAll(async () => {
    await t?.close();
  });

  const detail = async (id: string) => (await admin.get(`/api/agencies/${id}`)).json();
  const stored = async (id: string) => (await db.select().from(agencies).where(eq(agencies.id, id)))[0];
  const auditEntries = async (id: string) =>
    (await db.select().from(auditLog).where(eq(auditLog.entityId, id))).length;

  it('lets NACC change the code while the results are processed but not published', async () => {
    expect((await detail(ids.published)).codeLocked).toBe(false);
    const res = await admin.patch(`/api/agencies/${ids.published}`, { code: 'LOCK-A' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: 'LOCK-A', codeLocked: false });
  });

  it('refuses a code change once the run is published and changes nothing', async () => {
    const published = await admin.post(`/api/results/${YEAR}/publications`, { runId: runs.year });
    expect(published.statusCode).toBe(201);
    expect((await detail(ids.published)).codeLocked).toBe(true);
    const row = await stored(ids.published);
    const entries = await auditEntries(ids.published);

    for (const patch of [{ code: 'LOCK-A2' }, { code: 'LOCK-A2', nameTh: 'ชื่อที่ไม่ควรถูกบันทึก' }]) {
      const res = await admin.patch(`/api/agencies/${ids.published}`, patch);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'agency_code_published',
        th: expect.stringContaining('LOCK-A'),
        en: expect.stringContaining('LOCK-A'),
      });
    }
    expect(await stored(ids.published)).toEqual(row);
    expect(await auditEntries(ids.published)).toBe(entries);
  });

  it('keeps the public page and the open data answering under the published code', async () => {
    expect((await anon.get(`/api/public/results/${YEAR}/agencies/LOCK-A`)).statusCode).toBe(200);
    expect((await anon.get(`/api/public/results/${YEAR}/agencies/LOCK-A2`)).statusCode).toBe(404);
    const csv = await anon.get(`/api/public/open-data/${YEAR}/agencies.csv`);
    expect(csv.statusCode).toBe(200);
    const rows: { agency_code: string }[] = parse(csv.body, { columns: true, bom: true });
    expect(rows.map((r) => r.agency_code)).toEqual(['LOCK-A']);
  });

  it("still lets NACC edit a published agency's other fields, the unchanged code included", async () => {
    const res = await admin.patch(`/api/agencies/${ids.published}`, {
      code: 'LOCK-A',
      nameEn: 'Locked Office',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: 'LOCK-A', nameEn: 'Locked Office', codeLocked: true });
  });

  it('counts a publication under embargo, and frees the code when it is cancelled before its time', async () => {
    const url = `/api/agencies/${ids.embargoed}`;
    const publishAt = new Date(t.deps.now().getTime() + HOUR).toISOString();
    const embargo = await admin.post(`/api/results/${YEAR - 1}/publications`, {
      runId: runs.lastYear,
      publishAt,
    });
    expect(embargo.statusCode).toBe(201);
    expect((await detail(ids.embargoed)).codeLocked).toBe(true);
    expect((await admin.patch(url, { code: 'LOCK-B2' })).statusCode).toBe(409);

    const cancelled = await admin.delete(`/api/results/${YEAR - 1}/publications/${embargo.json().id}`);
    expect(cancelled.statusCode).toBe(200);
    expect((await detail(ids.embargoed)).codeLocked).toBe(false);
    const res = await admin.patch(url, { code: 'LOCK-B2' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: 'LOCK-B2', codeLocked: false });
  });

  it("holds publishing of the agency's years until the code change is decided", async (ctx) => {
    // PGlite has one connection: its transactions run one after another, so there is nothing to overlap.
    if (t.database.driver !== 'postgres') ctx.skip();
    const agency = (await participatingAgency(db, { code: 'LOCK-C' })).id;
    const run = await insertRun(db, YEAR - 1, lastYear.version);
    await insertResult(db, lastYear.framework, run, agency, 75, 8);
    const waitingForAdvisoryLock = async () => {
      const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'advisory'`);
      return Number(rows[0]?.n) > 0;
    };
    let publishing: Promise<LightMyRequestResponse> | undefined;
    let answered = false;
    await db.transaction(async (tx) => {
      await lockAgency(tx, agency);
      expect(await resultEverPublishedLocked(tx, agency)).toBe(false);
      publishing = admin.post(`/api/results/${YEAR - 1}/publications`, { runId: run }).finally(() => {
        answered = true;
      });
      await until(waitingForAdvisoryLock);
      expect(answered).toBe(false);
    });
    expect((await publishing)?.statusCode).toBe(201);
  });
});
