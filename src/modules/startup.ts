// Idempotent tasks run at every start, after migrations. Each returns lines for the start-up banner.
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../app/context.ts';
import { bundledFrameworksTask } from './frameworks/index.ts';

export type StartupTask = (deps: AppDeps, log: FastifyBaseLogger) => Promise<string[]>;

/**
 * Modules append their tasks here (reference data, demo data). Bundled frameworks come first: demo data
 * opens a cycle, which needs the year's framework.
 */
export const STARTUP_TASKS: StartupTask[] = [bundledFrameworksTask];

export async function startupTasks(deps: AppDeps, log: FastifyBaseLogger): Promise<string[]> {
  const lines: string[] = [];
  for (const task of STARTUP_TASKS) lines.push(...(await task(deps, log)));
  return lines;
}
