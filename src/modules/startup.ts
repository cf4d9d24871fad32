// Idempotent tasks run at every start, after migrations. Each returns lines for the start-up banner.
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../app/context.ts';
import { auditKeysStartupTask, dailyCheckpointService } from './audit/index.ts';
import { demoSeedTask } from './demo/index.ts';
import { evidenceWorkerService } from './evidence/index.ts';
import { bundledFrameworksTask } from './frameworks/index.ts';
import { noticeWorkerService } from './notices/index.ts';
import { otpPurgeTask } from './otp/index.ts';
import { referenceDataTask } from './reference/index.ts';
import { responseReleaseService } from './responses/index.ts';
import { processingWorkerService, publicationNotifierService } from './results/index.ts';

export type StartupTask = (deps: AppDeps, log: FastifyBaseLogger) => Promise<string[]>;

/**
 * In order: the audit signing key (a production server without one must not start), reference data
 * (provinces, ministries), bundled frameworks, then demo data, which needs both (it opens a cycle, and a
 * cycle needs the year's framework).
 */
export const STARTUP_TASKS: StartupTask[] = [
  auditKeysStartupTask,
  referenceDataTask,
  bundledFrameworksTask,
  demoSeedTask,
  otpPurgeTask,
];

export async function startupTasks(deps: AppDeps, log: FastifyBaseLogger): Promise<string[]> {
  const lines: string[] = [];
  for (const task of STARTUP_TASKS) lines.push(...(await task(deps, log)));
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
