// `prongsai audit verify`: recompute the audit log's hash chain and report the first broken entry.
import type { Command } from 'commander';
import type { DbOrTx } from '../../db/client.ts';
import { describeVerification, verifyChain } from '../../modules/audit/index.ts';
import { CliError, withDatabase } from '../io.ts';

/** Exit code when the chain is broken (2 stays "bad input", as for every command). */
export const AUDIT_BROKEN_EXIT_CODE = 1;

/** The one-line summary (Thai and English) of an intact log; throws a CliError (exit 1) at a break. */
export async function auditVerifySummary(db: DbOrTx): Promise<string> {
  const result = await verifyChain(db);
  const line = describeVerification(result);
  if (!result.ok) throw new CliError(line, AUDIT_BROKEN_EXIT_CODE);
  return line;
}

export function registerAudit(program: Command) {
  const audit = program.command('audit').description('The audit log of changes (บันทึกการเปลี่ยนแปลง)');
  audit
    .command('verify')
    .description('Check the hash chain of the audit log; exit 0 when intact, 1 at the first broken entry')
    .action(async () => {
      const line = await withDatabase(({ db }) => auditVerifySummary(db));
      process.stdout.write(`${line}\n`);
    });
}
