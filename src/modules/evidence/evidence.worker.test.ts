import { gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { makeAgency } from '../../../test/helpers/factories.ts';
import { SITE_PAGES, SITE_PLAN_PDF, startTestSite, type TestSite } from '../../../test/helpers/test-site.ts';
import type { Database } from '../../db/client.ts';
import { evidenceBodies, evidenceSnapshots, participations } from '../../db/schema/index.ts';
import type { FetchedPage, FetchPage } from './evidence.fetcher.ts';
import { requestEvidence } from './evidence.requests.ts';
import {
  type EvidenceWorkerDeps,
  leaseMs,
  runEvidenceJobs,
  startProcessEvidenceWorker,
  wakeEvidenceWorker,
} from './evidence.worker.ts';

let database: Database;
let site: TestSite;
let agencyId: string;
let now = new Date('2025-03-01T03:00:00Z');
let deps: EvidenceWorkerDeps;

beforeAll(async () => {
  database = await createTestDatabase();
  site = await startTestSite({ hugeBytes: 300_000 });
  const agency = await makeAgency(database.db, { website: 'http://127.0.0.1/' });
  agencyId = agency.id;
  await database.db.insert(participations).values({ agencyId, year: 2568 });
  deps = {
    db: database.db,
    now: () => new Date(now),
    limits: { timeoutMs: 10_000, maxBytes: 100_000, maxRedirects: 5, allowHosts: [site.host] },
    concurrency: 4,
  };
});
afterAll(async () => {
  await site.close();
  await database.close();
});

const advance = (ms: number) => {
  now = new Date(now.getTime() + ms);
};

async function queue(itemCode: string, ...paths: string[]) {
  return requestEvidence(
    database.db,
    {
      agencyId,
      year: 2568,
      itemCode,
      urls: paths.map((p) => (p.startsWith('http') ? p : site.url(p))),
      purpose: 'saved',
      requestedBy: null,
    },
    deps.now(),
  );
}

async function snapshot(id: string) {
  const [row] = await database.db.select().from(evidenceSnapshots).where(eq(evidenceSnapshots.id, id));
  if (!row) throw new Error('no snapshot');
  return row;
}

describe('runEvidenceJobs', () => {
  it('records a reachable page: status, final URL, title, year, main domain, hash and the gzip body', async () => {
    const [id] = (await queue('O1', '/r1')) as [string];
    expect(await runEvidenceJobs(deps)).toEqual({ done: 1, retried: 0, failed: 0, superseded: 0 });
    const row = await snapshot(id);
    expect(row).toMatchObject({
      status: 'done',
      attempts: 1,
      httpStatus: 200,
      finalUrl: site.url('/page.html'),
      contentType: 'text/html; charset=utf-8',
      title: 'แผนปฏิบัติการประจำปี พ.ศ. 2568',
      mentionsYear: true,
      onMainDomain: true,
      truncated: false,
      lastError: null,
      fetchedAt: now,
    });
    expect(row.redirects).toHaveLength(4);
    const [body] = await database.db.select().from(evidenceBodies).where(eq(evidenceBodies.snapshotId, id));
    expect(gunzipSync(body?.body as Buffer).toString('utf8')).toBe(SITE_PAGES.thai);
  });

  it('records a 404 as done (broken evidence), a TIS-620 page with its Thai title, a huge body truncated', async () => {
    const [missing, thai, huge] = (await queue('O2', '/missing', '/tis620.html', '/huge')) as [
      string,
      string,
      string,
    ];
    await runEvidenceJobs(deps);
    expect(await snapshot(missing)).toMatchObject({ status: 'done', httpStatus: 404, title: null });
    expect(await snapshot(thai)).toMatchObject({ title: 'รายงานผลการดำเนินงาน ๒๕๖๘', mentionsYear: true });
    expect(await snapshot(huge)).toMatchObject({ status: 'done', truncated: true, sizeBytes: 100_000 });
  });

  it('reads the title and the fiscal year of a PDF; says nothing of a PDF it cannot read', async () => {
    const [plan, empty] = (await queue('O3', '/plan.pdf', '/doc.pdf')) as [string, string];
    await runEvidenceJobs(deps);
    expect(await snapshot(plan)).toMatchObject({
      status: 'done',
      contentType: 'application/pdf',
      title: SITE_PLAN_PDF.title,
      mentionsYear: true,
    });
    expect(await snapshot(empty)).toMatchObject({ status: 'done', title: null, mentionsYear: null });
  });

  it('fails a refused address at once, visibly, with the hops that led there', async () => {
    const [id] = (await queue('O3', '/to-metadata')) as [string];
    expect(await runEvidenceJobs(deps)).toEqual({ done: 0, retried: 0, failed: 1, superseded: 0 });
    const row = await snapshot(id);
    expect(row).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'refused_address',
      fetchedAt: now,
    });
    expect(row.redirects.map((h) => h.url)).toEqual([
      site.url('/to-metadata'),
      'http://169.254.169.254/latest/meta-data/',
    ]);
  });

  it('retries a 503 after 30 s, then after 2 min, and succeeds when the site recovers', async () => {
    const [id] = (await queue('O4', '/flaky/a?fail=2')) as [string];
    expect(await runEvidenceJobs(deps)).toEqual({ done: 0, retried: 1, failed: 0, superseded: 0 });
    let row = await snapshot(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'http_503' });
    expect(row.nextAttemptAt.getTime() - now.getTime()).toBe(30_000);

    expect(await runEvidenceJobs(deps)).toEqual({ done: 0, retried: 0, failed: 0, superseded: 0 }); // not due yet
    advance(30_000);
    expect(await runEvidenceJobs(deps)).toEqual({ done: 0, retried: 1, failed: 0, superseded: 0 });
    row = await snapshot(id);
    expect(row.nextAttemptAt.getTime() - now.getTime()).toBe(120_000);

    advance(120_000);
    expect(await runEvidenceJobs(deps)).toEqual({ done: 1, retried: 0, failed: 0, superseded: 0 });
    expect(await snapshot(id)).toMatchObject({
      status: 'done',
      attempts: 3,
      httpStatus: 200,
      lastError: null,
    });
  });

  it('keeps the last 5xx answer after three attempts (broken, not failed)', async () => {
    const [id] = (await queue('O5', '/flaky/b?fail=9')) as [string];
    for (const wait of [0, 30_000, 120_000]) {
      advance(wait);
      await runEvidenceJobs(deps);
    }
    expect(await snapshot(id)).toMatchObject({ status: 'done', attempts: 3, httpStatus: 503 });
  });

  it('fails a page that keeps timing out after three attempts, saying why', async () => {
    const [id] = (await queue('O6', '/slow')) as [string];
    const impatient = { ...deps, limits: { ...deps.limits, timeoutMs: 200 } };
    for (const wait of [0, 30_000, 120_000]) {
      advance(wait);
      await runEvidenceJobs(impatient);
    }
    expect(await snapshot(id)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'timeout' });
  });

  it('claims again a job left running by a crashed worker once its lease ran out, not before', async () => {
    const [expired, live, worn] = (await queue('O7', '/page/1', '/page/2', '/page/3')) as [
      string,
      string,
      string,
    ];
    const lease = leaseMs(deps.limits);
    const set = (id: string, v: Partial<typeof evidenceSnapshots.$inferInsert>) =>
      database.db.update(evidenceSnapshots).set(v).where(eq(evidenceSnapshots.id, id));
    await set(expired, { status: 'running', attempts: 1, nextAttemptAt: new Date(now.getTime() - 1000) });
    await set(live, { status: 'running', attempts: 1, nextAttemptAt: new Date(now.getTime() + lease) });
    await set(worn, { status: 'running', attempts: 3, nextAttemptAt: new Date(now.getTime() - 1000) });

    await runEvidenceJobs(deps);
    expect(await snapshot(expired)).toMatchObject({ status: 'done', attempts: 2, httpStatus: 200 });
    expect(await snapshot(live)).toMatchObject({ status: 'running', attempts: 1 });
    expect(await snapshot(worn)).toMatchObject({ status: 'failed', lastError: 'gave_up' });

    advance(lease);
    await runEvidenceJobs(deps);
    expect(await snapshot(live)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('never fetches more pages at once than its concurrency', async () => {
    const held: (() => void)[] = [];
    let active = 0;
    let most = 0;
    let started = 0;
    const page: FetchedPage = {
      finalUrl: 'https://x.example/',
      hops: [],
      httpStatus: 200,
      contentType: 'text/plain',
      body: Buffer.from('2568'),
      sizeBytes: 4,
      truncated: false,
      sha256: '0'.repeat(64),
    };
    const fake: FetchPage = () => {
      started += 1;
      active += 1;
      most = Math.max(most, active);
      return new Promise((resolve) => {
        held.push(() => {
          active -= 1;
          resolve(page);
        });
      });
    };
    await queue('O8', ...Array.from({ length: 7 }, (_, i) => `https://x.example/${i}`));
    const run = runEvidenceJobs({ ...deps, concurrency: 3, fetchPage: fake });
    const settle = async () => {
      for (let i = 0; i < 20; i += 1) {
        await database.db.execute('select 1');
        await new Promise((r) => setImmediate(r));
      }
    };
    // Until three fetches started (the claims are database round trips: how many depends on the machine's
    // load), then a settle more: a fourth never starts while three are held.
    for (let i = 0; i < 100 && started < 3; i += 1) await settle();
    await settle();
    expect([started, active]).toEqual([3, 3]);
    while (held.length > 0) {
      held.shift()?.();
      await settle();
      expect(active).toBeLessThanOrEqual(3);
    }
    expect(await run).toEqual({ done: 7, retried: 0, failed: 0, superseded: 0 });
    expect([started, most]).toEqual([7, 3]);
  });

  it('runs in the background once woken, and stops cleanly with nothing left running', async () => {
    const [id] = (await queue('O9', '/page/bg')) as [string];
    const worker = startProcessEvidenceWorker(deps, 60_000); // the timer alone would wait a minute
    wakeEvidenceWorker();
    for (let i = 0; i < 2000 && (await snapshot(id)).status !== 'done'; i += 1)
      await new Promise((r) => setImmediate(r));
    await worker.stop();
    expect(await snapshot(id)).toMatchObject({ status: 'done', httpStatus: 200 });
    wakeEvidenceWorker(); // a stopped worker is no longer reachable: nothing happens
  });
});
