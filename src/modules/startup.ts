// Idempotent tasks run at every start, after migrations. Each returns lines for the start-up banner.
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../app/context.ts';

export type StartupTask = (deps: AppDeps, log: FastifyBaseLogger) => Promise<string[]>;

/** Modules append their tasks here (reference data, bundled frameworks, demo data). */
export const STARTUP_TASKS: StartupTask[] = [];

export async function startupTasks(deps: AppDeps, log: FastifyBaseLogger): Promise<string[]> {
  const lines: string[] = [];
  for (const task of STARTUP_TASKS) lines.push(...(await task(deps, log)));
  return lines;
}
