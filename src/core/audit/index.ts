// Pure parts of the audit log: canonical JSON, entry hashing and chain verification, secret redaction.
export { canonicalJson, type JsonValue, toJsonValue } from './canonical-json.ts';
export {
  type AuditContent,
  type ChainBreakReason,
  type ChainedEntry,
  type ChainVerification,
  ChainVerifier,
  chainEntry,
  entryHash,
  GENESIS_HASH,
  HASH_PATTERN,
  verifyEntries,
} from './chain.ts';
export {
  CHECKPOINT_FORMAT,
  CHECKPOINT_REASON_PATTERN,
  type Checkpoint,
  type CheckpointBody,
  type CheckpointProblem,
  checkpointLines,
  parsePublicKeys,
  publicKeyPem,
  type ReadCheckpoint,
  readCheckpoint,
  type SigningKey,
  signCheckpoint,
  signingKey,
  type TrustedKey,
  trustedKey,
} from './checkpoint.ts';
export {
  type AuditTrailStatus,
  type AuditTrailVerification,
  type CheckpointFinding,
  type CheckpointRef,
  type CheckpointSource,
  type CheckpointWarning,
  compareWithCheckpoints,
  type SourcedCheckpoint,
  STATUS_ORDER,
} from './checkpoint-check.ts';
export { isSecretKey, REDACTED, redactSecrets } from './redact.ts';
