// Idempotent tasks run at every start, after migrations. Each returns lines for the start-up banner. Those
// that can prove cheaply they have nothing to do (SkippableStartupTask) are skipped when nothing changed.
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../app/context.ts';
import { filesDigest, fingerprintOf, recordStartupMark, startupMark } from '../ops/startup-marks.ts';
import { MIGRATIONS_DIR } from '../paths.ts';
import { auditKeysStartupTask, dailyCheckpointService } from './audit/index.ts';
import { demoSeedTask } from './demo/index.ts';
import { evidenceWorkerService } from './evidence/index.ts';
import { bundledFrameworksTask } from './frameworks/index.ts';
import { measureLibraryTask } from './measures/index.ts';
import { noticeWorkerService } from './notices/index.ts';
import { otpPurgeTask } from './otp/index.ts';
import { referenceDataTask } from './reference/index.ts';
import { responseReleaseService } from './responses/index.ts';
import { processingWorkerService, publicationNotifierService } from './results/index.ts';

export type StartupTask = (deps: AppDeps, log: FastifyBaseLogger) => Promise<string[]>;

/**
 * A start-up task that can tell cheaply that it has nothing to do. `fingerprint` digests everything its work
 * depends on (its data and bundled files, its own code, the configuration it reads; src/ops/startup-marks.ts).
 * The runner adds the migrations and the fingerprints of the skippable tasks before it (a later task may build
 * on an earlier one's rows: the demo needs the frameworks), and stores the result when `run` completes. At the
 * next start the same fingerprint means the work is done: `unchanged` gives the banner lines instead, after
 * checking cheaply that what the run made is still there (null: it is not, so the task runs).
 */
export interface SkippableStartupTask {
  name: string;
  fingerprint(deps: AppDeps): string | Promise<string>;
  run: StartupTask;
  unchanged(deps: AppDeps): Promise<string[] | null>;
}

/**
 * In order: the audit signing key (a production server without one must not start), reference data
 * (provinces, ministries), bundled frameworks, then demo data, which needs both (it opens a cycle, and a
 * cycle needs the year's framework).
 */
export const STARTUP_TASKS: (StartupTask | SkippableStartupTask)[] = [
  auditKeysStartupTask,
  referenceDataTask,
  bundledFrameworksTask,
  measureLibraryTask,
  demoSeedTask,
  otpPurgeTask,
];

export async function startupTasks(
  deps: AppDeps,
  log: FastifyBaseLogger,
  tasks: readonly (StartupTask | SkippableStartupTask)[] = STARTUP_TASKS,
): Promise<string[]> {
  const lines: string[] = [];
  // A new migration runs every skippable task once more.
  let chain = filesDigest(MIGRATIONS_DIR, (f) => f.endsWith('.sql') || f.endsWith('_journal.json'));
  for (const task of tasks) {
    if (typeof task === 'function') {
      lines.push(...(await task(deps, log)));
      continue;
    }
    chain = fingerprintOf([task.name, await task.fingerprint(deps), chain]);
    lines.push(...(await runSkippable(task, chain, deps, log)));
  }
  return lines;
}

async function runSkippable(
  task: SkippableStartupTask,
  fingerprint: string,
  deps: AppDeps,
  log: FastifyBaseLogger,
): Promise<string[]> {
  if ((await startupMark(deps.db, task.name)) === fingerprint) {
    const lines = await task.unchanged(deps);
    if (lines) {
      log.debug({ task: task.name }, 'start-up task skipped: nothing changed since its last run');
      return lines;
    }
  }
  const lines = await task.run(deps, log);
  // Only after the work completed: a start stopped half-way runs it again next time.
  await recordStartupMark(deps.db, task.name, fingerprint, deps.now());
  return lines;
}

/** A loop that runs beside the server (a job worker); `stop` lets the work in hand finish. */
export type BackgroundService = (deps: AppDeps, log: FastifyBaseLogger) => { stop(): Promise<void> } | null;

export const BACKGROUND_SERVICES: BackgroundService[] = [
  evidenceWorkerService,
  dailyCheckpointService,
  responseReleaseService,
  processingWorkerService,
  publicationNotifierService,
  noticeWorkerService,
];

/** Starts every background service; the returned function stops them all (call it when the app closes). */
export function startBackgroundServices(deps: AppDeps, log: FastifyBaseLogger): () => Promise<void> {
  const running = BACKGROUND_SERVICES.map((start) => start(deps, log));
  return async () => {
    await Promise.all(running.map((r) => r?.stop()));
  };
}
