// The one write path for answers (held, then released in shuffled batches) and the counts over them.
import type { BackgroundService } from '../startup.ts';
import { startRelease } from './release.ts';

export {
  approvedPopulation,
  type IitIntake,
  type IitIntakeState,
  iitIntake,
} from './capacity.ts';
export {
  type AnswerCountRow,
  answerCounts,
  type RespondentCountRow,
  respondentCounts,
} from './counts.ts';
export {
  bangkokDay,
  claimReceipt,
  countedResponses,
  hasReceipt,
  heldCounts,
  holdResponse,
  lockIntake,
  type NewResponse,
  receivedCount,
} from './intake.ts';
export {
  insertReleased,
  type ReleasedRow,
  type ReleaseResult,
  releaseGroup,
  releaseResponses,
  shuffled,
  wakeRelease,
} from './release.ts';

/** Started with the server (src/modules/startup.ts): releases due groups every minute and after submits. */
export const responseReleaseService: BackgroundService = (deps, log) => startRelease(deps, log);
