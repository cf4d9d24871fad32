// The chain as it is now, held against the signed checkpoints: which entries are missing, which stretch was
// rewritten, which checkpoints cannot be trusted. Pure: the caller streams the chain (ChainVerifier) and
// collects the stored hash at every sequence number a checkpoint names.
import type { ChainVerification } from './chain.ts';
import { GENESIS_HASH } from './chain.ts';
import type { Checkpoint, CheckpointProblem } from './checkpoint.ts';

/** Where a checkpoint came from: the database table, or a file (and line) the verifier was given. */
export type CheckpointSource = { kind: 'database' } | { kind: 'file'; file: string; line: number };

export interface SourcedCheckpoint {
  checkpoint: Checkpoint;
  source: CheckpointSource;
}

export interface CheckpointRef {
  seq: number;
  takenAt: string;
  reason: string;
  source: CheckpointSource;
}

export type CheckpointFinding =
  /** A checkpoint that could not be trusted: its content is not what its key signed (or no trusted key did). */
  | {
      kind: 'checkpoint_invalid';
      problem: CheckpointProblem;
      source: CheckpointSource;
      claimed: { seq: number | null; takenAt: string | null; keyId: string | null };
    }
  /** The chain ends before a checkpoint's head: entries `fromSeq`–`toSeq` were deleted. */
  | {
      kind: 'entries_missing';
      fromSeq: number;
      toSeq: number;
      chainEndsAt: number;
      checkpoint: CheckpointRef;
    }
  /**
   * The chain at `checkpoint.seq` no longer has the signed hash: an entry in `fromSeq`–`toSeq` was rewritten
   * (every entry up to `fromSeq - 1` still matches an earlier checkpoint).
   */
  | { kind: 'rewritten'; fromSeq: number; toSeq: number; checkpoint: CheckpointRef; laterMismatches: number };

export type CheckpointWarning =
  /** A valid checkpoint from a file that the database table no longer holds (rows removed from the table). */
  | { kind: 'not_in_database'; checkpoint: CheckpointRef }
  /** No valid checkpoint at all: nothing outside the database vouches for the chain. */
  | { kind: 'no_checkpoint' };

export type AuditTrailStatus =
  | 'intact'
  | 'chain_broken'
  | 'rewritten'
  | 'entries_missing'
  | 'checkpoint_invalid';

/** One status for the whole result, the gravest first (the exit code of `prongsai audit verify`). */
export const STATUS_ORDER: readonly AuditTrailStatus[] = [
  'chain_broken',
  'rewritten',
  'entries_missing',
  'checkpoint_invalid',
  'intact',
];

export interface AuditTrailVerification {
  status: AuditTrailStatus;
  chain: ChainVerification;
  checkpoints: { valid: number; invalid: number; latest: CheckpointRef | null };
  findings: CheckpointFinding[];
  warnings: CheckpointWarning[];
}

const refOf = (s: SourcedCheckpoint): CheckpointRef => ({
  seq: s.checkpoint.seq,
  takenAt: s.checkpoint.takenAt,
  reason: s.checkpoint.reason,
  source: s.source,
});

/**
 * Compares valid checkpoints with the chain. `hashAt(seq)` is the stored hash of an entry the chain verifier
 * found intact (undefined past the intact part). A checkpoint beyond an internal break is not compared: the
 * break is already the finding, and nothing after it can be trusted.
 */
export function compareWithCheckpoints(
  chain: ChainVerification,
  hashAt: (seq: number) => string | undefined,
  valid: readonly SourcedCheckpoint[],
  invalid: readonly Extract<CheckpointFinding, { kind: 'checkpoint_invalid' }>[],
): AuditTrailVerification {
  const findings: CheckpointFinding[] = [...invalid];
  const intactUpTo = chain.ok ? (chain.headSeq ?? 0) : chain.firstBrokenSeq - 1;
  const bySeq = [...valid].sort((a, b) => a.checkpoint.seq - b.checkpoint.seq);
  const hashOf = (seq: number) => (seq === 0 ? GENESIS_HASH : hashAt(seq));

  let lastMatching = 0;
  let firstMismatch: SourcedCheckpoint | null = null;
  let laterMismatches = 0;
  for (const s of bySeq) {
    if (s.checkpoint.seq > intactUpTo) continue;
    if (hashOf(s.checkpoint.seq) === s.checkpoint.headHash) {
      // A match after a mismatch means the same position was signed twice with different hashes: both
      // signatures are ours, so the chain was rewritten between them; the first mismatch says where.
      if (!firstMismatch) lastMatching = Math.max(lastMatching, s.checkpoint.seq);
    } else if (!firstMismatch) firstMismatch = s;
    else laterMismatches++;
  }
  if (firstMismatch)
    findings.push({
      kind: 'rewritten',
      fromSeq: lastMatching + 1,
      toSeq: firstMismatch.checkpoint.seq,
      checkpoint: refOf(firstMismatch),
      laterMismatches,
    });

  // Deleted tail: only judged on a chain that is intact to its end (a broken chain is reported as such).
  const beyond = bySeq.filter((s) => s.checkpoint.seq > intactUpTo);
  const furthest = beyond.at(-1);
  if (chain.ok && furthest)
    findings.push({
      kind: 'entries_missing',
      fromSeq: intactUpTo + 1,
      toSeq: furthest.checkpoint.seq,
      chainEndsAt: intactUpTo,
      checkpoint: refOf(furthest),
    });

  const warnings: CheckpointWarning[] = [];
  if (valid.length === 0) warnings.push({ kind: 'no_checkpoint' });
  const inDatabase = new Set(
    valid.filter((s) => s.source.kind === 'database').map((s) => s.checkpoint.signature),
  );
  const seen = new Set<string>();
  for (const s of valid)
    if (
      s.source.kind === 'file' &&
      !inDatabase.has(s.checkpoint.signature) &&
      !seen.has(s.checkpoint.signature)
    ) {
      seen.add(s.checkpoint.signature);
      warnings.push({ kind: 'not_in_database', checkpoint: refOf(s) });
    }

  const latest = [...valid].sort((a, b) => b.checkpoint.takenAt.localeCompare(a.checkpoint.takenAt))[0];
  const statuses = new Set<AuditTrailStatus>(findings.map((f) => statusOf(f)));
  if (!chain.ok) statuses.add('chain_broken');
  return {
    status: STATUS_ORDER.find((s) => statuses.has(s)) ?? 'intact',
    chain,
    // A checkpoint both in the table and in a kept file counts once.
    checkpoints: {
      valid: new Set(valid.map((s) => s.checkpoint.signature)).size,
      invalid: invalid.length,
      latest: latest ? refOf(latest) : null,
    },
    findings,
    warnings,
  };
}

function statusOf(f: CheckpointFinding): AuditTrailStatus {
  switch (f.kind) {
    case 'checkpoint_invalid':
      return 'checkpoint_invalid';
    case 'entries_missing':
      return 'entries_missing';
    case 'rewritten':
      return 'rewritten';
  }
}
