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
export { isSecretKey, REDACTED, redactSecrets } from './redact.ts';
