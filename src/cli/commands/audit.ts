// `prongsai audit …`: verify the audit log against its signed checkpoints (those in the database and those
// an admin kept from e-mails), take a checkpoint now, export the checkpoints, print the public key.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { config } from '../../config.ts';
import { type AuditTrailStatus, publicKeyPem, type TrustedKey } from '../../core/audit/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import {
  auditKeys,
  type CheckpointFile,
  describeAuditTrail,
  latestCheckpoints,
  publicKeysFromFiles,
  takeCheckpoint,
  verifyAuditTrail,
} from '../../modules/audit/index.ts';
import { createMailer } from '../../modules/auth/mailer.ts';
import { CliError, withDatabase } from '../io.ts';

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
}

/**
 * The report (Thai line, then English line, for the verdict and each finding) of an intact trail; throws a
 * CliError with the verdict's exit code (AUDIT_EXIT_CODES) otherwise.
 */
export async function auditVerifySummary(db: DbOrTx, opts: VerifyCliOptions = {}): Promise<string> {
  const keys = trustedKeys(opts.publicKeys);
  const files = (opts.checkpoints ?? []).map(readCheckpointFile);
  const result = await verifyAuditTrail(db, { keys, files, database: opts.database ?? true });
  const text = describeAuditTrail(result)
    .flatMap((s) => [s.th, s.en])
    .join('\n');
  if (result.status !== 'intact') throw new CliError(text, AUDIT_EXIT_CODES[result.status]);
  return text;
}

function trustedKeys(files: readonly string[] | undefined): TrustedKey[] {
  if (!files?.length) return auditKeys(config()).trusted;
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

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerAudit(program: Command) {
  const audit = program.command('audit').description('The audit log of changes (บันทึกการเปลี่ยนแปลง)');
  audit
    .command('verify')
    .description(
      'Check the audit log against its signed checkpoints. Exit 0 intact, 1 chain broken, ' +
        '3 entries missing, 4 entries rewritten, 5 a checkpoint is not validly signed',
    )
    .option(
      '--checkpoints <file>',
      'checkpoints kept outside (saved e-mails, an export); repeatable',
      collect,
    )
    .option(
      '--public-key <file>',
      'trust only these PEM public keys (instead of the configured ones); repeatable',
      collect,
    )
    .option('--no-database-checkpoints', 'ignore the checkpoints table: only the files given')
    .action(async (o: { checkpoints?: string[]; publicKey?: string[]; databaseCheckpoints: boolean }) => {
      const text = await withDatabase(({ db }) =>
        auditVerifySummary(db, {
          checkpoints: o.checkpoints,
          publicKeys: o.publicKey,
          database: o.databaseCheckpoints,
        }),
      );
      process.stdout.write(`${text}\n`);
    });
  audit
    .command('checkpoint')
    .description('Take a signed checkpoint now and e-mail it to every NACC admin (refused if the log fails)')
    .action(async () => {
      const cfg = config();
      const outcome = await withDatabase(({ db }) =>
        takeCheckpoint({ db, config: cfg, mailer: createMailer(cfg), now: () => new Date() }, 'admin'),
      );
      if (!outcome.taken && outcome.why === 'trail_not_intact') {
        const text = describeAuditTrail(outcome.verification)
          .flatMap((s) => [s.th, s.en])
          .join('\n');
        throw new CliError(text, AUDIT_EXIT_CODES[outcome.verification.status]);
      }
      if (outcome.taken) process.stdout.write(`${outcome.checkpoint.signed}\n`);
    });
  audit
    .command('checkpoints')
    .description(
      'Print the stored checkpoints, oldest first, one signed line each (a file for --checkpoints)',
    )
    .action(async () => {
      const rows = await withDatabase(({ db }) => latestCheckpoints(db, Number.MAX_SAFE_INTEGER));
      process.stdout.write(
        rows
          .reverse()
          .map((r) => `${r.signed}\n`)
          .join(''),
      );
    });
  audit
    .command('public-key')
    .description('Print the public keys that verify checkpoints (PEM) and their SHA-256 fingerprints')
    .action(() => {
      for (const k of auditKeys(config()).trusted)
        process.stdout.write(`# fingerprint (SHA-256): ${k.fingerprint}\n${publicKeyPem(k)}`);
    });
}
