// The one write path for answers (held, then released in shuffled batches), the quality reviews' decisions
// on them (reviews.ts) and the counts over them (excluded responses never count).
import type { BackgroundService } from '../startup.ts';
import { startRelease } from './release.ts';

export { type InstrumentCountRow, instrumentCounts } from './counts.ts';
export {
  bangkokDay,
  claimReceipt,
  countedResponses,
  countedResponsesIn,
  hasReceipt,
  heldCounts,
  holdResponse,
  lockIntake,
  type NewResponse,
  receivedCount,
} from './intake.ts';
export { countedResponseSource } from './microdata.ts';
export {
  insertReleased,
  type ReleasedRow,
  type ReleaseResult,
  releaseGroup,
  releaseResponses,
  shuffled,
  wakeRelease,
} from './release.ts';
export {
  type BreakdownDimension,
  countedAnswersOf,
  countedBy,
  deleteReview,
  hasResponsesTo,
  type ResponseForReview,
  type ResponseToFlag,
  type ReviewRow,
  responsesForReview,
  responsesToFlag,
  selectResponseRef,
  selectResponseRefs,
  selectReview,
  upsertReview,
} from './reviews.ts';

/** Started with the server (src/modules/startup.ts): releases due groups every minute and after submits. */
export const responseReleaseService: BackgroundService = (deps, log) => startRelease(deps, log);
