// The processing worker: a background service on every instance that claims queued runs (and running ones
// whose lease ran out: their worker died) and processes their agencies chunk by chunk.
//
// - One at a time: the database allows one queued or running run per year (processing_runs_one_active),
//   and a claim is taken FOR UPDATE SKIP LOCKED, so two instances never process one run together.
// - Survives a restart by **restarting cleanly**: a (re)claimed run deletes whatever partial results an
//   earlier claim stored and starts over from the first agency. Every chunk is written under the run's row
//   lock after checking that the claim is still current (same attempt), so a worker that lost its lease
//   stops at its next chunk and never mixes its results with the new claim's.
// - Progress: progress_done moves by each stored chunk, up to progress_total (the agencies in scope).
// - Fails closed: an agency the engine cannot score (invalid stored answers, a framework rule without an
//   answer) fails the whole run with the agency's code and the engine's message; nothing is half-published.

import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../../app/context.ts';
import { startLoop } from '../../app/loop.ts';
import { assertNever } from '../../core/exhaustive.ts';
import { ScoringError } from '../../core/scoring/index.ts';
import type { Tx } from '../../db/client.ts';
import { type ProcessingSubject, processingSubjects } from '../agencies/index.ts';
import { appendAudit } from '../audit/index.ts';
import { frameworkForYear } from '../frameworks/index.ts';
import { releaseResponses } from '../responses/index.ts';
import { type AgencyInputs, type AgencyOutcome, readInputs, runInputsHash, scoreAgency } from './compute.ts';
import { withDetails } from './details.ts';
import {
  type Claim,
  claimRun,
  finishRun,
  lockClaim,
  type NewAgencyResult,
  restartRun,
  resultHashes,
  storeChunk,
} from './results.repo.ts';
import { type PhaseTimings, timed } from './timings.ts';

type Deps = Pick<AppDeps, 'db' | 'now' | 'config'>;

export interface WorkerOptions {
  /** Agencies read, scored and stored together (one transaction per chunk). */
  chunkSize: number;
  /** How long a claim holds without a stored chunk; a run past it is claimed again. */
  leaseMs: number;
  /** Chunks read at once, each on one connection (default 2: PostgreSQL aggregates on two cores). */
  readAhead?: number;
  /** Collects milliseconds per phase (bench:process); the server's worker runs without. */
  timings?: PhaseTimings;
}
export const DEFAULT_WORKER_OPTIONS: WorkerOptions = { chunkSize: 250, leaseMs: 120_000, readAhead: 2 };

export type ProcessOutcome = 'idle' | 'done' | 'failed' | 'lost';

/**
 * Claims one due run and processes it to the end: 'idle' when none was due, 'lost' when another claim
 * took the run over meanwhile (this worker's lease had run out).
 */
export async function processNextRun(
  deps: Deps,
  options: WorkerOptions = DEFAULT_WORKER_OPTIONS,
): Promise<ProcessOutcome> {
  const claim = await claimRun(deps.db, deps.now(), options.leaseMs);
  if (!claim) return 'idle';
  try {
    return await processClaim(deps, claim, options);
  } catch (err) {
    const error = describe(err);
    const ended = await deps.db.transaction(async (tx) => {
      if (!(await lockClaim(tx, claim))) return false;
      await finishRun(tx, claim, { status: 'failed', error, at: deps.now() });
      await audit(tx, deps, claim, 'fail', { error });
      return true;
    });
    return ended ? 'failed' : 'lost';
  }
}

async function processClaim(deps: Deps, claim: Claim, options: WorkerOptions): Promise<ProcessOutcome> {
  const { db } = deps;
  // Answers still held but due (their window has closed) count: move them into survey_responses first.
  const t = options.timings;
  await timed(t, 'setup: release due answers', releaseResponses(deps));
  const { framework, version } = await frameworkForYear(db, claim.year);
  const subjects = await timed(t, 'setup: subjects', processingSubjects(db, claim.year, scopeFilter(claim)));
  const lease = () => new Date(deps.now().getTime() + options.leaseMs);

  const started = await db.transaction(async (tx) => {
    if (!(await lockClaim(tx, claim))) return false;
    await restartRun(tx, claim, { frameworkVersion: version, total: subjects.length, leaseUntil: lease() });
    return true;
  });
  if (!started) return 'lost';

  // A pipeline (bench:process): up to `readAhead` chunks are read at once (each on its own connection, so
  // the database aggregates them on several cores), while the engine scores the chunk before them and the
  // one before that is stored. Stores stay in chunk order, one at a time. A read that fails is thrown where
  // it is awaited; an error waits for the store in flight, so nothing is written after the run failed.
  const read = (from: number) => {
    const slice = subjects.slice(from, from + options.chunkSize);
    const ids = slice.map((s) => s.id);
    const reading = withDetails(db, claim.year, readInputs(db, framework, claim.year, slice, t), ids);
    reading.catch(() => undefined);
    return reading;
  };
  const reads: Promise<AgencyInputs[]>[] = [];
  let readFrom = 0;
  const readOn = () => {
    for (
      ;
      reads.length < Math.max(1, options.readAhead ?? 2) && readFrom < subjects.length;
      readFrom += options.chunkSize
    )
      reads.push(read(readFrom));
  };
  let storing: Promise<boolean> = Promise.resolve(true);
  try {
    for (let i = 0; i < subjects.length; i += options.chunkSize) {
      readOn();
      const inputs = await timed(t, 'worker: waiting for reads', reads.shift() as Promise<AgencyInputs[]>);
      readOn();
      const chunk = subjects.slice(i, i + options.chunkSize);
      const outcomes = inputs.map((input, j) => {
        try {
          return scoreAgency(framework, version, input, t);
        } catch (err) {
          const subject = chunk[j] as ProcessingSubject;
          throw new Error(`agency ${subject.code}: ${describe(err)}`);
        }
      });
      if (!(await timed(t, 'worker: waiting for the store', storing))) return 'lost';
      storing = timed(
        t,
        'store: agency_results (tx)',
        db.transaction(async (tx) => {
          if (!(await lockClaim(tx, claim))) return false;
          const rows = outcomes.map((o, j) => ({
            ...rowOf(claim.id)(o),
            details: inputs[j]?.details ?? null,
          }));
          await storeChunk(tx, claim, rows, lease());
          return true;
        }),
      );
      storing.catch(() => undefined);
    }
    if (!(await storing)) return 'lost';
  } catch (err) {
    await storing.catch(() => undefined);
    throw err;
  }

  return timed(
    t,
    'finish: run hash, audit',
    db.transaction(async (tx) => {
      if (!(await lockClaim(tx, claim))) return 'lost' as const;
      const inputsHash = runInputsHash(version, await resultHashes(tx, claim.id));
      await finishRun(tx, claim, { status: 'done', inputsHash, at: deps.now() });
      await audit(tx, deps, claim, 'complete', {
        frameworkVersion: version,
        agencies: subjects.length,
        inputsHash,
      });
      return 'done' as const;
    }),
  );
}

const scopeFilter = (claim: Claim): { provinceCode?: string; agencyId?: string } => {
  switch (claim.scope) {
    case 'all':
      return {};
    case 'province':
      return { provinceCode: claim.scopeValue ?? '' };
    case 'agency':
      return { agencyId: claim.scopeValue ?? '' };
    default:
      return assertNever(claim.scope);
  }
};

const rowOf =
  (runId: string) =>
  (o: AgencyOutcome): NewAgencyResult => ({
    runId,
    agencyId: o.agencyId,
    total: o.result.total.toFixed(2),
    ratingCode: o.result.rating.code,
    passes: o.result.rating.passes,
    instruments: o.instruments,
    indicators: o.result.indicators,
    indicatorsByInstrument: o.result.indicatorsByInstrument,
    questions: o.result.questions ?? {},
    subIndicators: o.result.subIndicators ?? {},
    inputsHash: o.inputsHash,
  });

function describe(err: unknown): string {
  if (err instanceof ScoringError) return `${err.en} / ${err.th}`;
  return err instanceof Error ? err.message : String(err);
}

/** Run creation and completion are audited (NACC's entries: tied to no agency). */
export async function audit(
  tx: Tx,
  deps: Pick<AppDeps, 'now'>,
  claim: Pick<Claim, 'id' | 'year' | 'kind' | 'scope' | 'scopeValue'>,
  action: 'create' | 'complete' | 'fail',
  after: Record<string, unknown>,
  actor: Parameters<typeof appendAudit>[1]['actor'] = null,
): Promise<void> {
  await appendAudit(
    tx,
    {
      actor,
      agencyId: null,
      entityType: 'processing_run',
      entityId: claim.id,
      action,
      after: {
        year: claim.year,
        kind: claim.kind,
        scope: claim.scope,
        scopeValue: claim.scopeValue,
        ...after,
      },
    },
    deps.now(),
  );
}

export interface RunningWorker {
  /** Looks for a queued run now instead of at the next tick. */
  wake(): void;
  stop(): Promise<void>;
}

let current: RunningWorker | null = null;

/** Asks this process's worker (if it runs one) to look for queued runs now: called after a run is created. */
export function wakeProcessing(): void {
  current?.wake();
}

/** The background loop: looks for due runs every `intervalMs` and on wake(), until stopped. */
export function startProcessingWorker(
  deps: Deps,
  log: FastifyBaseLogger,
  intervalMs = 10_000,
  options: WorkerOptions = DEFAULT_WORKER_OPTIONS,
): RunningWorker {
  const loop = startLoop({
    intervalMs,
    // After a run ends, look again at once: another may be queued behind it (for another year).
    run: async () => {
      const outcome = await processNextRun(deps, options);
      if (outcome === 'idle') return false;
      log.info({ outcome }, 'processing run ended');
      return true;
    },
    onError: (err) => log.warn({ err }, 'processing worker failed; trying again later'),
  });
  const worker: RunningWorker = {
    wake: loop.wake,
    async stop() {
      await loop.stop();
      if (current === worker) current = null;
    },
  };
  current = worker;
  return worker;
}
