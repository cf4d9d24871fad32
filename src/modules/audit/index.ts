// What other modules may use of the audit log: appendAudit (inside their own transaction), chain
// verification (the CLI), the reading side — a page of the log and the history of one entity, given the
// AuditReaders that src/modules/audit-trail builds (and the shape of an entry); signed
// checkpoints: checkpointAudit (after an event that matters), the verification of the whole trail against
// checkpoints (verifyAuditTrail, for the CLI and restore tests), the keys, the daily scheduler and the
// checkpoint of a published run (checkpointCovering).
import type { BackgroundService, StartupTask } from '../startup.ts';
import { auditKeysTask, startDailyCheckpoints } from './checkpoint.daily.ts';

export type { AuditEntityType } from '../../core/audit/visibility.ts';
export { describeVerification } from './audit.present.ts';
export type { AuditReaders } from './audit.readers.ts';
export {
  type AuditEntry,
  type AuditListEntry,
  ZAuditEntry,
  ZAuditPage,
  ZAuditQuery,
} from './audit.schema.ts';
export {
  type AuditEvent,
  appendAudit,
  entityHistory,
  listAudit,
  verifyChain,
} from './audit.service.ts';
export { type AuditKeys, auditKeys, GENERATED_KEY_FILE, publicKeysFromFiles } from './checkpoint.keys.ts';
export {
  describeAuditTrail,
  type PresentedCheckpoint,
  presentAuditTrail,
  type Sentence,
} from './checkpoint.present.ts';
export { latestCheckpoints } from './checkpoint.queries.ts';
export {
  type CheckpointOutcome,
  checkpointAudit,
  checkpointCovering,
  checkpointOfEntity,
  takeCheckpoint,
} from './checkpoint.service.ts';
export { type CheckpointFile, type VerifyTrailOptions, verifyAuditTrail } from './checkpoint.verify.ts';

/** Started with the server unless AUDIT_CHECKPOINT_DAILY=false. */
export const dailyCheckpointService: BackgroundService = (deps, log) =>
  deps.config.audit.dailyCheckpoint ? startDailyCheckpoints(deps, log) : null;

export const auditKeysStartupTask: StartupTask = (deps) => auditKeysTask(deps);
