// The check behind `prongsai audit verify` (and `prongsai restore`): the audit log against its signed
// checkpoints (those in the database and those an admin kept from e-mails), one exit code per verdict.
// Loaded when a command runs it (src/cli/io.ts, loading rule).
import { readFileSync } from 'node:fs';
import { type Config, loadConfig } from '../../config.ts';
import type { AuditTrailStatus, TrustedKey } from '../../core/audit/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import {
  auditKeys,
  type CheckpointFile,
  describeAuditTrail,
  publicKeysFromFiles,
  verifyAuditTrail,
} from '../../modules/audit/index.ts';
import { CliError } from '../io.ts';

/** Exit code when the chain itself is broken (2 stays "bad input", as for every command). */
export const AUDIT_BROKEN_EXIT_CODE = 1;

/** One exit code per verdict, so scripts (and restore checks) can tell them apart. */
export const AUDIT_EXIT_CODES: Record<AuditTrailStatus, number> = {
  intact: 0,
  chain_broken: AUDIT_BROKEN_EXIT_CODE,
  entries_missing: 3,
  rewritten: 4,
  checkpoint_invalid: 5,
};

export interface VerifyCliOptions {
  /** Files of checkpoints the admin kept (saved e-mails, an export). */
  checkpoints?: readonly string[];
  /** Public key files to trust instead of the server's configured keys. */
  publicKeys?: readonly string[];
  /** false: only the files given, not the checkpoints table. */
  database?: boolean;
  /** Whose keys to trust when no public key file is given (default: the process environment's). */
  config?: Config;
}

/**
 * The report (Thai line, then English line, for the verdict and each finding) of an intact trail; throws a
 * CliError with the verdict's exit code (AUDIT_EXIT_CODES) otherwise.
 */
export async function auditVerifySummary(db: DbOrTx, opts: VerifyCliOptions = {}): Promise<string> {
  const keys = trustedKeys(opts.publicKeys, opts.config);
  const files = (opts.checkpoints ?? []).map(readCheckpointFile);
  const result = await verifyAuditTrail(db, { keys, files, database: opts.database ?? true });
  const text = describeAuditTrail(result)
    .flatMap((s) => [s.th, s.en])
    .join('\n');
  if (result.status !== 'intact') throw new CliError(text, AUDIT_EXIT_CODES[result.status]);
  return text;
}

function trustedKeys(files: readonly string[] | undefined, config: Config | undefined): TrustedKey[] {
  if (!files?.length) return auditKeys(config ?? loadConfig()).trusted;
  try {
    return publicKeysFromFiles(files);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}

function readCheckpointFile(name: string): CheckpointFile {
  try {
    return { name, text: readFileSync(name, 'utf8') };
  } catch {
    throw new CliError(`ไม่พบไฟล์ / cannot read: ${name}`);
  }
}
