// bench:process, part 2 (issue 10 §5): the agency report API at 20 concurrent on the processed country.
// The run is published through the publications service; executives of agencies spread over the country
// sign in to the real server (a child process, `node bin/prongsai.mjs start`, on the bench's database) and
// autocannon asks for their agency's report, each request as one of them. Latencies are read per response
// (autocannon's own summary has no 95th percentile).
import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import type { Actor } from '../src/core/authz.ts';
import type { Db } from '../src/db/client.ts';
import { publish } from '../src/modules/results/publications.service.ts';
import { cannon, type Measured, measure, printMeasured, signIn, startServer } from './api-server.ts';

export const API_GOAL_P95_MS = 50;
const PASSWORD = 'bench-pass-2568';

export interface ApiOptions {
  year: number;
  /** Path after /api/agencies/:id/results/:year — '' (the result) or '/report'. */
  route: '' | '/report';
  connections: number;
  readers: number;
  warmupSeconds: number;
  seconds: number;
  /** A folder for a V8 CPU profile of the server (`--server-cpu-prof`), written when it stops. */
  cpuProfileDir?: string | undefined;
}

export interface ApiMeasured extends Measured {
  route: string;
  readers: number;
  connections: number;
  seconds: number;
}

/** Publishes the run now (a correction of an earlier bench publication when --reuse kept one). */
async function publishRun(db: Db, actor: Actor, year: number, runId: string): Promise<void> {
  const earlier = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from publications where year = ${year} and cancelled_at is null`,
  );
  const superseding = Number(earlier.rows[0]?.n ?? 0) > 0;
  // --only=api measures again on a run an earlier bench published already.
  const same = await db.execute<{ run: string }>(sql`select run_id as run from publications
    where year = ${year} and cancelled_at is null order by publish_at desc, created_at desc limit 1`);
  if (same.rows[0]?.run === runId) return;
  await publish({ db, now: () => new Date() }, actor, year, {
    runId,
    ...(superseding ? { reason: 'bench:process — a new run of the same data' } : {}),
  });
}

/** An executive per agency, for `count` agencies spread evenly over the run's (by code). */
async function readers(db: Db, runId: string, count: number) {
  const agencies = (
    await db.execute<{ id: string; code: string }>(sql`select a.id, a.code from agency_results r
      join agencies a on a.id = r.agency_id where r.run_id = ${runId} order by a.code`)
  ).rows;
  const step = Math.max(1, Math.floor(agencies.length / count));
  const chosen = agencies.filter((_, i) => i % step === 0).slice(0, count);
  const passwordHash = await hash(PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1 });
  for (const a of chosen)
    await db.execute(sql`insert into users (username, display_name, password_hash, role, agency_id)
      select ${`bench-exec-${a.code.toLowerCase()}`}, ${`ผู้บริหาร ${a.code}`}, ${passwordHash}, 'executive', ${a.id}
      where not exists (select 1 from users where username = ${`bench-exec-${a.code.toLowerCase()}`})`);
  return chosen.map((a) => ({ agencyId: a.id, username: `bench-exec-${a.code.toLowerCase()}` }));
}

export async function measureReportApi(
  db: Db,
  databaseUrl: string,
  actor: Actor,
  runId: string,
  opts: ApiOptions,
): Promise<ApiMeasured> {
  await publishRun(db, actor, opts.year, runId);
  const people = await readers(db, runId, opts.readers);
  const server = await startServer(databaseUrl, opts.cpuProfileDir);
  try {
    const clients = await Promise.all(
      people.map(async (p, i) => ({
        path: `/api/agencies/${p.agencyId}/results/${opts.year}${opts.route}`,
        cookie: await signIn(server.url, p.username, PASSWORD, i),
      })),
    );
    // Every reader sees their report before the load starts (a 404 would make the figures meaningless).
    for (const c of clients) {
      const res = await fetch(`${server.url}${c.path}`, { headers: { cookie: c.cookie } });
      if (res.status !== 200) throw new Error(`bench: GET ${c.path} → ${res.status} ${await res.text()}`);
    }
    await cannon(server.url, clients, opts.connections, opts.warmupSeconds);
    const m = await measure(server, databaseUrl, clients, opts.connections, opts.seconds);
    return {
      ...m,
      route: `GET /api/agencies/:id/results/:year${opts.route}`,
      readers: clients.length,
      connections: opts.connections,
      seconds: opts.seconds,
    };
  } catch (err) {
    console.error(server.log());
    throw err;
  } finally {
    await server.stop();
  }
}

export function reportApi(m: ApiMeasured): boolean {
  const met = m.p95 <= API_GOAL_P95_MS && m.errors === 0 && Object.keys(m.non2xx).length === 0;
  console.log(`\n== Agency report API (PostgreSQL, whole country) ==`);
  console.log(
    `${m.route}: ${m.readers} agency executives, each request as one of them; ${m.connections} concurrent, ` +
      `${m.seconds} s measured after a warm-up; load average ${m.load.start} → ${m.load.end}`,
  );
  printMeasured(m);
  console.log(
    `  p95 ≤ ${API_GOAL_P95_MS} ms at ${m.connections} concurrent: ${m.p95.toFixed(1)} ms — ${met ? 'met' : 'NOT MET'}`,
  );
  return met;
}
