import { codeDigest, filesDigest, fingerprintOf } from '../../ops/startup-marks.ts';
import type { SkippableStartupTask } from '../startup.ts';
import {
  BUNDLED_FRAMEWORK_FILE,
  BUNDLED_FRAMEWORKS_DIR,
  bundledYears,
  describeLoad,
  loadBundledFrameworks,
} from './frameworks.loader.ts';

/**
 * Loads the framework files of `dir` at start. Skipped when the files, the loader and the validation are those
 * of the last completed load: versions are never deleted, so what that load stored is still there; a changed
 * file changes the fingerprint and is loaded (a new version), as before.
 */
export function bundledFrameworksTaskFor(dir: string): SkippableStartupTask {
  return {
    name: 'bundled-frameworks',
    fingerprint: () =>
      fingerprintOf([
        filesDigest(dir, (f) => BUNDLED_FRAMEWORK_FILE.test(f)),
        codeDigest(new URL('.', import.meta.url), new URL('../../core/framework/', import.meta.url)),
      ]),
    run: async (deps) => describeLoad(await loadBundledFrameworks(deps.db, { dir, now: deps.now })),
    unchanged: async () => describeLoad({ years: bundledYears(dir), added: [] }),
  };
}

/** Bundled frameworks must exist before anything opens a cycle (demo data), so this task runs first. */
export const bundledFrameworksTask = bundledFrameworksTaskFor(BUNDLED_FRAMEWORKS_DIR);
