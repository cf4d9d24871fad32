import type { StartupTask } from '../startup.ts';
import { describeLoad, loadBundledFrameworks } from './frameworks.loader.ts';

/** Bundled frameworks must exist before anything opens a cycle (demo data), so this task runs first. */
export const bundledFrameworksTask: StartupTask = async (deps) =>
  describeLoad(await loadBundledFrameworks(deps.db, { now: deps.now }));
