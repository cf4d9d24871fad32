// Verifying the audit trail against its signed checkpoints: the chain is recomputed from the first entry
// (as verifyChain does), the stored hash is noted at every position a checkpoint names, and each valid
// checkpoint is held against it. Used by `prongsai audit verify`, GET /api/audit/verify, the checkpoint
// taker (which refuses to sign a chain that fails) and by restore tests (export: verifyAuditTrail).
import {
  type AuditTrailVerification,
  ChainVerifier,
  type CheckpointFinding,
  type CheckpointSource,
  checkpointLines,
  compareWithCheckpoints,
  readCheckpoint,
  type SourcedCheckpoint,
  type TrustedKey,
} from '../../core/audit/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import { toChainedEntry } from './audit.present.ts';
import { entriesAfter } from './audit.repo.ts';
import { allCheckpointTexts } from './checkpoint.repo.ts';

/** A text holding checkpoints an admin kept (saved e-mails, an export): one checkpoint per line. */
export interface CheckpointFile {
  name: string;
  text: string;
}

export interface VerifyTrailOptions {
  /** Public keys to trust (the configured ones, or those a verifier brought: see auditKeys/publicKeysFromFiles). */
  keys: readonly TrustedKey[];
  files?: readonly CheckpointFile[];
  /** Also read the checkpoints table (default true). */
  database?: boolean;
  batchSize?: number;
}

export async function verifyAuditTrail(
  db: DbOrTx,
  opts: VerifyTrailOptions,
): Promise<AuditTrailVerification> {
  const { valid, invalid } = await readCheckpoints(db, opts);
  const wanted = new Set(valid.map((s) => s.checkpoint.seq));
  const hashes = new Map<number, string>();
  const chain = await streamChain(db, new ChainVerifier(), 0, opts.batchSize, (seq, hash) => {
    if (wanted.has(seq)) hashes.set(seq, hash);
  });
  return compareWithCheckpoints(chain, (seq) => hashes.get(seq), valid, invalid);
}

/**
 * The quick check before signing a new checkpoint: only the entries after the newest stored checkpoint,
 * continuing from the hash it pins (plus every stored checkpoint's signature, and the tail it covers).
 * Enough to refuse signing a tampered head: anything rewritten before that checkpoint still shows in a full
 * verification, because the signed hash pins it. Costs the entries since the last checkpoint, not the log.
 */
export async function verifySinceLatestCheckpoint(
  db: DbOrTx,
  opts: Pick<VerifyTrailOptions, 'keys' | 'batchSize'>,
): Promise<AuditTrailVerification> {
  const { valid, invalid } = await readCheckpoints(db, { ...opts, database: true });
  const anchor = valid.reduce<SourcedCheckpoint | null>(
    (best, s) => (best === null || s.checkpoint.seq > best.checkpoint.seq ? s : best),
    null,
  );
  const from = anchor ? { seq: anchor.checkpoint.seq, hash: anchor.checkpoint.headHash } : undefined;
  let anchorHash: string | undefined = from?.seq === 0 ? from.hash : undefined;
  if (from && from.seq > 0) {
    const [row] = await entriesAfter(db, from.seq - 1, 1);
    if (row?.seq === from.seq) anchorHash = row.hash;
  }
  // A rewritten anchor entry: continue from what is stored, so the report names the mismatch, not a break.
  const start = from && anchorHash !== undefined ? { seq: from.seq, hash: anchorHash } : undefined;
  const chain = start
    ? await streamChain(db, new ChainVerifier(start), start.seq, opts.batchSize, () => {})
    : await streamChain(db, new ChainVerifier(), 0, opts.batchSize, () => {});
  const hashAt = (seq: number) => (seq === from?.seq ? anchorHash : undefined);
  return compareWithCheckpoints(chain, hashAt, anchor ? [anchor] : [], invalid);
}

type Invalid = Extract<CheckpointFinding, { kind: 'checkpoint_invalid' }>;

async function readCheckpoints(
  db: DbOrTx,
  opts: VerifyTrailOptions,
): Promise<{ valid: SourcedCheckpoint[]; invalid: Invalid[] }> {
  const valid: SourcedCheckpoint[] = [];
  const invalid: Invalid[] = [];
  const read = (text: string, source: CheckpointSource) => {
    const r = readCheckpoint(text, opts.keys);
    if (r.ok) valid.push({ checkpoint: r.checkpoint, source });
    else
      invalid.push({
        kind: 'checkpoint_invalid',
        problem: r.problem,
        source,
        claimed: {
          seq: r.claimed?.seq ?? null,
          takenAt: r.claimed?.takenAt ?? null,
          keyId: r.claimed?.keyId ?? null,
        },
      });
  };
  if (opts.database ?? true)
    for (const row of await allCheckpointTexts(db)) read(row.signed, { kind: 'database' });
  for (const file of opts.files ?? [])
    for (const line of checkpointLines(file.text))
      read(line.text, { kind: 'file', file: file.name, line: line.line });
  return { valid, invalid };
}

/** Feeds the entries after `afterSeq` to the verifier in batches until the end or the first break. */
async function streamChain(
  db: DbOrTx,
  verifier: ChainVerifier,
  afterSeq: number,
  batchSize = 1000,
  onIntact: (seq: number, hash: string) => void,
) {
  let after = afterSeq;
  for (;;) {
    const rows = await entriesAfter(db, after, batchSize);
    for (const row of rows) {
      const entry = toChainedEntry(row);
      if (!verifier.push(entry)) return verifier.result();
      onIntact(entry.seq, entry.hash);
    }
    if (rows.length < batchSize) return verifier.result();
    after = rows.at(-1)?.seq ?? after;
  }
}
