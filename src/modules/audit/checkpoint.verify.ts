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

type Invalid = Extract<CheckpointFinding, { kind: 'checkpoint_invalid' }>;

export async function verifyAuditTrail(
  db: DbOrTx,
  opts: VerifyTrailOptions,
): Promise<AuditTrailVerification> {
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

  const wanted = new Set(valid.map((s) => s.checkpoint.seq));
  const hashes = new Map<number, string>();
  const verifier = new ChainVerifier();
  const batchSize = opts.batchSize ?? 1000;
  let afterSeq = 0;
  for (;;) {
    const rows = await entriesAfter(db, afterSeq, batchSize);
    let broken = false;
    for (const row of rows) {
      const entry = toChainedEntry(row);
      if (!verifier.push(entry)) {
        broken = true;
        break;
      }
      if (wanted.has(entry.seq)) hashes.set(entry.seq, entry.hash);
    }
    if (broken || rows.length < batchSize) break;
    afterSeq = rows.at(-1)?.seq ?? afterSeq;
  }
  return compareWithCheckpoints(verifier.result(), (seq) => hashes.get(seq), valid, invalid);
}
