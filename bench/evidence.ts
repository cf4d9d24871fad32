// Evidence fetch throughput: N snapshot jobs through the real worker (claim, fetch, analyse, gzip, store)
// against the local test website on 127.0.0.1, at the worker's default concurrency. Prints figures; not a
// test. Run: npm run bench:evidence   (JOBS=200 CONCURRENCY=4 PAGE=/page.html; PAGE=/plan.pdf reads a Thai
// PDF; PAGE='/delayed?ms=200' for a distant site; DATABASE_URL → PostgreSQL, else an in-memory PGlite).
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { type Database, openPglite, openPostgres } from '../src/db/client.ts';
import { agencies, evidenceBodies, evidenceSnapshots, participations } from '../src/db/schema/index.ts';
import { fetchPage } from '../src/modules/evidence/evidence.fetcher.ts';
import { requestEvidence, runEvidenceJobs } from '../src/modules/evidence/index.ts';
import { startTestSite } from '../test/helpers/test-site.ts';

const JOBS = Number(process.env.JOBS ?? 200);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);
const PAGE = process.env.PAGE ?? '/page.html';

async function main() {
  const database: Database = process.env.DATABASE_URL
    ? await openPostgres(process.env.DATABASE_URL)
    : await openPglite();
  const site = await startTestSite();
  const db = database.db;
  try {
    const agencyId = randomUUID();
    await db.insert(agencies).values({
      id: agencyId,
      code: `BENCH-${agencyId.slice(0, 8)}`,
      nameTh: 'หน่วยงานทดสอบความเร็ว',
      type: 'sao',
      website: site.origin,
    });
    await db.insert(participations).values({ agencyId, year: 2568 });
    // One URL per job (a query string keeps them distinct; the page is the same).
    const urls = Array.from({ length: JOBS }, (_, i) =>
      site.url(`${PAGE}${PAGE.includes('?') ? '&' : '?'}n=${i}`),
    );
    const now = new Date();
    await requestEvidence(
      db,
      { agencyId, year: 2568, itemCode: 'o1', urls, purpose: 'saved', requestedBy: null },
      now,
    );

    let inFlight = 0;
    let mostInFlight = 0;
    const started = performance.now();
    const report = await runEvidenceJobs({
      db,
      now: () => new Date(),
      limits: { timeoutMs: 15_000, maxBytes: 5_000_000, maxRedirects: 5, allowHosts: [site.host] },
      concurrency: CONCURRENCY,
      fetchPage: async (url, limits) => {
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        try {
          return await fetchPage(url, limits);
        } finally {
          inFlight -= 1;
        }
      },
    });
    const seconds = (performance.now() - started) / 1000;

    const [done] = await db
      .select({ n: count() })
      .from(evidenceSnapshots)
      .where(eq(evidenceSnapshots.agencyId, agencyId));
    const [bodies] = await db
      .select({ n: count() })
      .from(evidenceBodies)
      .innerJoin(evidenceSnapshots, eq(evidenceSnapshots.id, evidenceBodies.snapshotId))
      .where(eq(evidenceSnapshots.agencyId, agencyId));
    const lines = [
      `evidence worker on ${database.driver}: ${JOBS} jobs of ${PAGE}, concurrency ${CONCURRENCY}`,
      `  done ${report.done}, retried ${report.retried}, failed ${report.failed} (snapshots ${done?.n}, bodies ${bodies?.n})`,
      `  ${seconds.toFixed(2)} s → ${(JOBS / seconds).toFixed(1)} jobs/s, ${((seconds * 1000) / JOBS).toFixed(1)} ms per job`,
      `  most fetches in flight: ${mostInFlight}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await site.close();
    await database.close();
  }
}

await main();
