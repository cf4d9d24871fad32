// What other modules may use of results: the processing worker and the publication notifier (background
// services), and processing a year and publishing a run as domain functions (the demo's finished year). Its
// routes are registered from src/modules/index.ts.
import type { BackgroundService } from '../startup.ts';
import { startPublicationNotifier } from './publications.notify.ts';
import { startProcessingWorker } from './results.worker.ts';

/** Started with the server (src/modules/startup.ts): processes queued runs, and runs whose worker died. */
export const processingWorkerService: BackgroundService = (deps, log) => startProcessingWorker(deps, log);

/** Started with the server: e-mails agencies when a publication takes effect (once, on any instance). */
export const publicationNotifierService: BackgroundService = (deps, log) =>
  startPublicationNotifier(deps, log);

// The public results and open data (src/modules/public-results): the publication in effect only.
export {
  noPublishedResults,
  type PublicPublication,
  publishedHistory,
  publishedResultOf,
  publishedResults,
  publishedRunOf,
  publishedTotals,
  publishedYears,
  resultEverPublished,
  resultEverPublishedLocked,
} from './public.ts';
export { publish } from './publications.service.ts';
export { presentReport, type ReportInput, ratingOf } from './report.present.ts';
export type {
  AgencyReport,
  PreviousYear,
  ReportIndicator,
  ReportInstrument,
  ReportOitItem,
} from './report.schema.ts';
export { ZReportIndicator, ZReportInstrument, ZReportOitItem } from './report.schema.ts';
// The measures module (issue 12) builds its document from the published report, never recomputing it.
export { agencyReport } from './report.service.ts';
export { thaiDateTime } from './report.xlsx.ts';
export type { AgencyResultRow } from './results.repo.ts';
export { processYearNow } from './results.service.ts';
// Lessons learned over a scope (src/modules/lessons): the publication in effect and last year's figures.
export {
  type LastYearFigures,
  lastYearWithin,
  publishedResultsWithin,
  type ScopeResult,
} from './scope-results.ts';
