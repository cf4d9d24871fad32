// The evidence worker: takes due jobs from `evidence_snapshots`, fetches their URLs (a few at a time),
// records the results and keeps the bodies.
//
// Why a table-backed queue rather than pg-boss or similar: pg-boss needs several concurrent connections and
// LISTEN/NOTIFY, which PGlite's embedded single connection cannot give; the jobs must survive restarts (an
// approval's snapshot is the original evidence) and be visible to users (pending / failed, and why), which a
// row per job gives for free. Claiming is `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED LIMIT n)`,
// the same on PGlite and PostgreSQL 15; a claim is a lease (next_attempt_at while running), so jobs left
// running by a crash are claimed again once it runs out. Every write after the fetch is conditional on the
// claim still being current (same id, still running, same attempt number), so a worker whose lease ran out
// during a slow fetch — on this instance or another — finds its claim superseded and writes nothing.
//
// Tests and the bench run `runEvidenceJobs(deps)` directly: it works until no job is due at `deps.now()`
// and returns; the background loop (`startEvidenceWorker`) only calls it on a timer.

import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../../app/context.ts';
import { startLoop } from '../../app/loop.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { agencyNamesByIds } from '../agencies/index.ts';
import {
  FetchFailure,
  type FetchHop,
  type FetchLimits,
  type FetchPage,
  fetchPage,
} from './evidence.fetcher.ts';
import { type ClaimedJob, claimJobs, markDone, markFailed, scheduleRetry } from './evidence.repo.ts';
import { snapshotFacts, storableBody } from './evidence.snapshot.ts';

/** Attempts per job, and the wait before the 2nd and the 3rd. */
export const MAX_ATTEMPTS = 3;
export const RETRY_DELAYS_MS = [30_000, 120_000] as const;

export interface EvidenceWorkerDeps {
  db: Db;
  now: () => Date;
  limits: FetchLimits;
  /** Jobs fetched at the same time. */
  concurrency: number;
  /** Replaceable in tests (a fake that holds answers back); the real fetcher otherwise. */
  fetchPage?: FetchPage;
  log?: Pick<FastifyBaseLogger, 'warn' | 'error'>;
}

export function evidenceWorkerDeps(deps: AppDeps, log?: EvidenceWorkerDeps['log']): EvidenceWorkerDeps {
  const e = deps.config.evidence;
  return {
    db: deps.db,
    now: deps.now,
    limits: {
      timeoutMs: e.timeoutMs,
      maxBytes: e.maxBytes,
      maxRedirects: e.maxRedirects,
      allowHosts: e.allowHosts,
    },
    concurrency: e.concurrency,
    log,
  };
}

/** How long a claim holds: well beyond one fetch's time limit plus storing the result. */
export const leaseMs = (limits: FetchLimits) => Math.max(60_000, limits.timeoutMs * 4);

export interface RunReport {
  done: number;
  retried: number;
  failed: number;
  /**
   * Finished after the lease ran out and another worker (this instance or another) had claimed the job
   * again: nothing was written, the newer attempt's result stands.
   */
  superseded: number;
}

/**
 * Runs every job due at `deps.now()`, `concurrency` at a time (each slot claims one job, runs it, claims the
 * next), until none is due or `shouldStop()` says so. Retried jobs are due later, so they wait for a later run.
 */
export async function runEvidenceJobs(
  deps: EvidenceWorkerDeps,
  shouldStop: () => boolean = () => false,
): Promise<RunReport> {
  const report: RunReport = { done: 0, retried: 0, failed: 0, superseded: 0 };
  const slot = async () => {
    while (!shouldStop()) {
      const [job] = await claimJobs(deps.db, deps.now(), 1, leaseMs(deps.limits));
      if (!job) return;
      report[await runJob(deps, job)] += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.concurrency) }, slot));
  return report;
}

type Outcome = keyof RunReport;

async function runJob(deps: EvidenceWorkerDeps, job: ClaimedJob): Promise<Outcome> {
  // A job claimed more often than allowed kept dying with its worker (a crash mid-fetch): stop trying it.
  if (job.attempts > MAX_ATTEMPTS) return fail(deps, job, 'gave_up', []);
  const fetch = deps.fetchPage ?? fetchPage;
  try {
    const page = await fetch(job.url, deps.limits);
    if (page.httpStatus >= 500 && job.attempts < MAX_ATTEMPTS)
      return retry(deps, job, `http_${page.httpStatus}`, page.hops);
    const facts = await snapshotFacts(page, { ...job, website: await agencyWebsite(deps.db, job.agencyId) });
    const body = await storableBody(page);
    const written = await markDone(
      deps.db,
      job,
      deps.now(),
      {
        finalUrl: page.finalUrl,
        redirects: page.hops,
        httpStatus: page.httpStatus,
        contentType: page.contentType?.slice(0, 200) ?? null,
        sizeBytes: page.sizeBytes,
        truncated: page.truncated,
        sha256: page.sha256,
        ...facts,
      },
      body,
    );
    return written ? 'done' : 'superseded';
  } catch (e) {
    if (e instanceof FetchFailure) {
      if (e.transient && job.attempts < MAX_ATTEMPTS) return retry(deps, job, e.code, e.hops);
      return fail(deps, job, e.code, e.hops);
    }
    // Not the page's fault (a bug, the database): logged, and retried like a transient failure.
    deps.log?.error({ err: e, snapshotId: job.id }, 'evidence job crashed');
    if (job.attempts < MAX_ATTEMPTS) return retry(deps, job, 'internal_error', []);
    return fail(deps, job, 'internal_error', []);
  }
}

async function retry(
  deps: EvidenceWorkerDeps,
  job: ClaimedJob,
  code: string,
  hops: FetchHop[],
): Promise<Outcome> {
  const delay = RETRY_DELAYS_MS[Math.min(job.attempts, RETRY_DELAYS_MS.length) - 1] ?? RETRY_DELAYS_MS[0];
  const written = await scheduleRetry(deps.db, job, new Date(deps.now().getTime() + delay), code, hops);
  return written ? 'retried' : 'superseded';
}

async function fail(
  deps: EvidenceWorkerDeps,
  job: ClaimedJob,
  code: string,
  hops: FetchHop[],
): Promise<Outcome> {
  return (await markFailed(deps.db, job, deps.now(), code, hops)) ? 'failed' : 'superseded';
}

export interface RunningWorker {
  /** Runs due jobs soon instead of at the next tick. */
  wake(): void;
  /** Stops claiming, and waits for the jobs in hand to finish. */
  stop(): Promise<void>;
}

let current: RunningWorker | null = null;

/** Asks the running background worker (if this process has one) to look for jobs now. */
export function wakeEvidenceWorker(): void {
  current?.wake();
}

/** Starts the background worker of this process (the one `wakeEvidenceWorker` reaches). */
export function startProcessEvidenceWorker(deps: EvidenceWorkerDeps, intervalMs?: number): RunningWorker {
  const worker = startEvidenceWorker(deps, intervalMs);
  current = worker;
  return {
    wake: worker.wake,
    async stop() {
      if (current === worker) current = null;
      await worker.stop();
    },
  };
}

/** The background loop: a run every `intervalMs` (and on `wake()`), until stopped. */
export function startEvidenceWorker(deps: EvidenceWorkerDeps, intervalMs = 2000): RunningWorker {
  let stopped = false;
  const loop = startLoop({
    intervalMs,
    firstDelayMs: intervalMs,
    run: async () => {
      await runEvidenceJobs(deps, () => stopped);
    },
    onError: (err) => deps.log?.warn({ err }, 'evidence worker run failed; trying again later'),
  });
  return {
    wake: loop.wake,
    async stop() {
      stopped = true;
      await loop.stop();
    },
  };
}

/** The agency's website (its own pages are the expected place for evidence), through the agencies module. */
async function agencyWebsite(db: DbOrTx, agencyId: string): Promise<string | null> {
  return (await agencyNamesByIds(db, [agencyId])).get(agencyId)?.website ?? null;
}
