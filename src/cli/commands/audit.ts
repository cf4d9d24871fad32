// `prongsai audit …`: verify the audit log against its signed checkpoints (those in the database and those
// an admin kept from e-mails), take a checkpoint now, export the checkpoints, print the public key.
import type { Command } from 'commander';
import { CliError, type CliIo, cliConfig, withDatabase } from '../io.ts';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerAudit(program: Command, io: CliIo) {
  const auditModule = () => import('../../modules/audit/index.ts');
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
      const config = await cliConfig(io);
      const { auditVerifySummary } = await import('./audit-verify.ts');
      const text = await withDatabase(io, ({ db }) =>
        auditVerifySummary(db, {
          checkpoints: o.checkpoints,
          publicKeys: o.publicKey,
          database: o.databaseCheckpoints,
          config,
        }),
      );
      io.stdout.write(`${text}\n`);
    });
  audit
    .command('checkpoint')
    .description('Take a signed checkpoint now and e-mail it to every NACC admin (refused if the log fails)')
    .action(async () => {
      const cfg = await cliConfig(io);
      const [{ takeCheckpoint, describeAuditTrail }, { createMailer }, { AUDIT_EXIT_CODES }, { appDeps }] =
        await Promise.all([
          auditModule(),
          import('../../modules/auth/mailer.ts'),
          import('./audit-verify.ts'),
          import('../../app/deps.ts'),
        ]);
      const outcome = await withDatabase(io, ({ db }) =>
        takeCheckpoint(
          appDeps({ db, config: cfg, mailer: createMailer(cfg), now: () => new Date() }),
          'admin',
        ),
      );
      if (!outcome.taken && outcome.why === 'trail_not_intact') {
        const text = describeAuditTrail(outcome.verification)
          .flatMap((s) => [s.th, s.en])
          .join('\n');
        throw new CliError(text, AUDIT_EXIT_CODES[outcome.verification.status]);
      }
      if (outcome.taken) io.stdout.write(`${outcome.checkpoint.signed}\n`);
    });
  audit
    .command('checkpoints')
    .description(
      'Print the stored checkpoints, oldest first, one signed line each (a file for --checkpoints)',
    )
    .action(async () => {
      const { latestCheckpoints } = await auditModule();
      const rows = await withDatabase(io, ({ db }) => latestCheckpoints(db, Number.MAX_SAFE_INTEGER));
      io.stdout.write(
        rows
          .reverse()
          .map((r) => `${r.signed}\n`)
          .join(''),
      );
    });
  audit
    .command('public-key')
    .description('Print the public keys that verify checkpoints (PEM) and their SHA-256 fingerprints')
    .action(async () => {
      const cfg = await cliConfig(io);
      const [{ auditKeys }, { publicKeyPem }] = await Promise.all([
        auditModule(),
        import('../../core/audit/index.ts'),
      ]);
      for (const k of auditKeys(cfg).trusted)
        io.stdout.write(`# fingerprint (SHA-256): ${k.fingerprint}\n${publicKeyPem(k)}`);
    });
}
