// What other modules may use of frameworks: the framework in force for a year, the engine-error mapping,
// the bundled loader (a start-up task).
export { BUNDLED_FRAMEWORKS_DIR, describeLoad, loadBundledFrameworks } from './frameworks.loader.ts';
export { frameworkLoaded, latestFrameworkYear, loadedFrameworkYears } from './frameworks.queries.ts';
export { ZScoreCliInput } from './frameworks.schema.ts';
export {
  exportFramework,
  frameworkForYear,
  frameworkNotFound,
  frameworksForYears,
  frameworkVersionOf,
  fromEngineError,
  listFrameworks,
  minimumSampleForYear,
  scoreYear,
  storeImportedFramework,
} from './frameworks.service.ts';
export { bundledFrameworksTask } from './frameworks.startup.ts';
export { type FrameworkProblem, validateFramework } from './frameworks.validate.ts';
