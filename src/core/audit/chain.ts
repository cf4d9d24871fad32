// The audit log's hash chain. Each entry's hash is SHA-256 over the canonical JSON of its content, and the
// content includes the previous entry's hash, so changing, removing or reordering any entry breaks every
// link after it. The first entry's previous hash is 64 zeros.
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from './canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);
export const HASH_PATTERN = /^[0-9a-f]{64}$/;

/** Exactly what is hashed. Times are ISO 8601 in UTC with milliseconds (what a timestamptz holds here). */
export interface AuditContent {
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  agencyId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before: JsonValue | null;
  after: JsonValue | null;
  prevHash: string;
}

export interface ChainedEntry extends AuditContent {
  hash: string;
}

/** Lowercase hex SHA-256 of the UTF-8 canonical JSON of the content (prevHash included). */
export function entryHash(content: AuditContent): string {
  const hashed: AuditContent = {
    seq: content.seq,
    occurredAt: content.occurredAt,
    actorUserId: content.actorUserId,
    actorUsername: content.actorUsername,
    actorRole: content.actorRole,
    agencyId: content.agencyId,
    entityType: content.entityType,
    entityId: content.entityId,
    action: content.action,
    before: content.before,
    after: content.after,
    prevHash: content.prevHash,
  };
  return createHash('sha256').update(canonicalJson(hashed), 'utf8').digest('hex');
}

/** The content and hash of the entry that follows `previous` (or starts the chain when it is null). */
export function chainEntry(
  previous: { seq: number; hash: string } | null,
  content: Omit<AuditContent, 'seq' | 'prevHash'>,
): ChainedEntry {
  const linked: AuditContent = {
    ...content,
    seq: previous ? previous.seq + 1 : 1,
    prevHash: previous ? previous.hash : GENESIS_HASH,
  };
  return { ...linked, hash: entryHash(linked) };
}

export type ChainBreakReason =
  /** The entry's content no longer gives its stored hash: it was changed. */
  | 'hash_mismatch'
  /** The entry does not point at the hash of the entry before it: something before it was changed or removed. */
  | 'prev_hash_mismatch'
  /** Sequence numbers skip or restart: entries were removed or inserted. */
  | 'gap';

export type ChainVerification =
  | { ok: true; entries: number; headSeq: number | null; headHash: string }
  | { ok: false; entries: number; firstBrokenSeq: number; reason: ChainBreakReason };

/**
 * Checks entries one at a time, in sequence order, so a caller can stream millions of them in batches.
 * `entries` counts the entries found intact before the first break.
 */
export class ChainVerifier {
  private expectedSeq: number;
  private expectedPrevHash: string;
  private intact: number;
  private broken: { seq: number; reason: ChainBreakReason } | null = null;

  /**
   * `from`: continue after an entry already known to be good (its seq and hash, e.g. pinned by a signed
   * checkpoint); the entries before it count as intact. Default: the start of the chain.
   */
  constructor(from: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH }) {
    this.expectedSeq = from.seq + 1;
    this.expectedPrevHash = from.hash;
    this.intact = from.seq;
  }

  /** Feeds the next entry; returns false once the chain is broken (later entries are not checked). */
  push(entry: ChainedEntry): boolean {
    if (this.broken) return false;
    const reason =
      entry.seq !== this.expectedSeq
        ? 'gap'
        : entry.prevHash !== this.expectedPrevHash
          ? 'prev_hash_mismatch'
          : entryHash(entry) !== entry.hash
            ? 'hash_mismatch'
            : null;
    if (reason) {
      this.broken = { seq: entry.seq, reason };
      return false;
    }
    this.intact++;
    this.expectedSeq = entry.seq + 1;
    this.expectedPrevHash = entry.hash;
    return true;
  }

  result(): ChainVerification {
    if (this.broken)
      return {
        ok: false,
        entries: this.intact,
        firstBrokenSeq: this.broken.seq,
        reason: this.broken.reason,
      };
    return {
      ok: true,
      entries: this.intact,
      headSeq: this.intact === 0 ? null : this.expectedSeq - 1,
      headHash: this.expectedPrevHash,
    };
  }
}

export function verifyEntries(entries: Iterable<ChainedEntry>): ChainVerification {
  const verifier = new ChainVerifier();
  for (const entry of entries) if (!verifier.push(entry)) break;
  return verifier.result();
}
