// Two evidence workers on one database (as two app instances run them): each job is worked once, and a
// worker whose lease ran out during a slow fetch never overwrites the newer attempt.
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { makeAgency } from '../../../test/helpers/factories.ts';
import type { Database } from '../../db/client.ts';
import { evidenceBodies, evidenceSnapshots, participations } from '../../db/schema/index.ts';
import type { FetchedPage, FetchPage } from './evidence.fetcher.ts';
import { requestEvidence } from './evidence.requests.ts';
import { type EvidenceWorkerDeps, leaseMs, runEvidenceJobs } from './evidence.worker.ts';

let database: Database;
let agencyId: string;
let now = new Date('2025-03-01T03:00:00Z');
const limits = { timeoutMs: 10_000, maxBytes: 100_000, maxRedirects: 5, allowHosts: [] };

beforeAll(async () => {
  database = await createTestDatabase();
  agencyId = (await makeAgency(database.db)).id;
  await database.db.insert(participations).values({ agencyId, year: 2568 });
});
afterAll(() => database.close());

const page = (text: string): FetchedPage => {
  const body = Buffer.from(`<title>${text}</title> 2568`);
  return {
    finalUrl: 'https://x.example/',
    hops: [],
    httpStatus: 200,
    contentType: 'text/html; charset=utf-8',
    body,
    sizeBytes: body.length,
    truncated: false,
    sha256: createHash('sha256').update(body).digest('hex'),
  };
};

/** A worker ("instance") with its own fetcher, sharing the database and the clock. */
const worker = (fetchPage: FetchPage, concurrency = 2): EvidenceWorkerDeps => ({
  db: database.db,
  now: () => new Date(now),
  limits,
  concurrency,
  fetchPage,
});

/** A fetch that answers only when released; `started` resolves when it is called. */
function heldFetch(answer: FetchedPage | Error) {
  let release = () => {};
  let markStarted = () => {};
  const started = new Promise<void>((r) => {
    markStarted = r;
  });
  const fetch: FetchPage = () => {
    markStarted();
    return new Promise((resolve, reject) => {
      release = () => (answer instanceof Error ? reject(answer) : resolve(answer));
    });
  };
  return { fetch, started, release: () => release() };
}

async function queue(itemCode: string, urls: string[]) {
  return requestEvidence(
    database.db,
    { agencyId, year: 2568, itemCode, urls, purpose: 'saved', requestedBy: null },
    new Date(now),
  );
}
async function snapshot(id: string) {
  const [row] = await database.db.select().from(evidenceSnapshots).where(eq(evidenceSnapshots.id, id));
  if (!row) throw new Error('no snapshot');
  return row;
}
async function bodyText(id: string) {
  const [row] = await database.db.select().from(evidenceBodies).where(eq(evidenceBodies.snapshotId, id));
  return row ? gunzipSync(row.body).toString() : null;
}

describe('evidence workers of two instances', () => {
  it('work every job exactly once when they claim side by side', async () => {
    const urls = Array.from({ length: 12 }, (_, i) => `https://x.example/side/${i}`);
    const ids = await queue('O1', urls);
    const fetched: string[] = [];
    const counting: FetchPage = async (url) => {
      fetched.push(url);
      await new Promise((r) => setImmediate(r));
      return page(url);
    };
    const [a, b] = await Promise.all([
      runEvidenceJobs(worker(counting, 3)),
      runEvidenceJobs(worker(counting, 3)),
    ]);
    expect(a.done + b.done).toBe(urls.length);
    expect(fetched.sort()).toEqual([...urls].sort());
    for (const id of ids) expect(await snapshot(id)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('keeps the newer attempt when the older one finishes late, after it', async () => {
    const [id] = (await queue('O2', ['https://x.example/late-after'])) as [string];
    const slow = heldFetch(page('old attempt'));
    const runA = runEvidenceJobs(worker(slow.fetch));
    await slow.started;
    now = new Date(now.getTime() + leaseMs(limits) + 1000);
    // Instance B claims the job again and finishes it first.
    expect(await runEvidenceJobs(worker(async () => page('new attempt')))).toMatchObject({ done: 1 });
    slow.release();
    expect(await runA).toEqual({ done: 0, retried: 0, failed: 0, superseded: 1 });
    expect(await snapshot(id)).toMatchObject({ status: 'done', attempts: 2, title: 'new attempt' });
    expect(await bodyText(id)).toContain('new attempt');
  });

  it('keeps the newer attempt when the older one finishes late, before it', async () => {
    const [id] = (await queue('O3', ['https://x.example/late-before'])) as [string];
    const slowA = heldFetch(page('old attempt'));
    const runA = runEvidenceJobs(worker(slowA.fetch));
    await slowA.started;
    now = new Date(now.getTime() + leaseMs(limits) + 1000);
    const slowB = heldFetch(new Error('connection reset'));
    const runB = runEvidenceJobs(worker(slowB.fetch));
    await slowB.started;
    // The old attempt finishes while the new one is still fetching: it must not write, nor end the job.
    slowA.release();
    expect(await runA).toMatchObject({ done: 0, superseded: 1 });
    expect(await snapshot(id)).toMatchObject({ status: 'running', attempts: 2, title: null });
    expect(await bodyText(id)).toBeNull();
    slowB.release();
    expect(await runB).toMatchObject({ retried: 1 });
    expect(await snapshot(id)).toMatchObject({ status: 'pending', attempts: 2, title: null });
  });
});
