// `prongsai admin create`: a NACC administrator from the command line (README "First admin"). The password
// is typed at a prompt (not shown) or read from the first line of standard input, never taken from the
// command line, where every user of the machine can read it (`ps`).
import type { Command } from 'commander';
import type { z } from 'zod';
import { CliError, type CliIo, cliConfig, readSecret, withDatabase } from '../io.ts';
import { cliAction } from './framework.ts';

interface Options {
  username?: string;
  name?: string;
  email?: string;
}

export function registerAdmin(program: Command, io: CliIo) {
  const admin = program.command('admin').description('NACC administrator accounts (ผู้ดูแลระบบ ป.ป.ช.)');
  admin
    .command('create')
    .description('Create a NACC admin; the password is asked for (or read from the first line of stdin)')
    .requiredOption('--username <name>', 'sign-in name (lowercase letters, digits, . _ -)')
    .requiredOption('--name <display name>', 'the name shown in the app, e.g. "ผู้ดูแลระบบ ป.ป.ช."')
    .option('--email <address>', 'for password-reset links and NACC notices (recommended)')
    .action((opts: Options) =>
      cliAction(async () => {
        const password = await readSecret(io, 'Password / รหัสผ่าน: ', 'Again / ยืนยันรหัสผ่าน: ');
        const input = { username: opts.username, displayName: opts.name, email: opts.email, password };
        const { createAdminFromCommandLine, ZCommandLineAdmin } = await import(
          '../../modules/users/index.ts'
        );
        const parsed = ZCommandLineAdmin.safeParse(input);
        if (!parsed.success) throw await invalidInput(parsed.error, input);
        const cfg = await cliConfig(io);
        const created = await withDatabase(io, ({ db }) =>
          createAdminFromCommandLine({ db, now: () => new Date() }, parsed.data),
        );
        io.stdout.write(
          `NACC admin "${created.username}" created (${cfg.publicUrl}); recorded in the audit log.\n` +
            `สร้างผู้ดูแลระบบ ป.ป.ช. "${created.username}" แล้ว และบันทึกในบันทึกการเปลี่ยนแปลง\n`,
        );
      }),
    );
}

/** Each problem in Thai and English; never the password itself. */
async function invalidInput(error: z.ZodError, input: unknown): Promise<CliError> {
  const [{ z }, { ZCommandLineAdmin }] = await Promise.all([
    import('zod'),
    import('../../modules/users/index.ts'),
  ]);
  const thai = ZCommandLineAdmin.safeParse(input, { error: z.locales.th().localeError });
  const option: Record<string, string> = { username: '--username', displayName: '--name', email: '--email' };
  const lines = error.issues.map((issue, i) => {
    const field = String(issue.path[0] ?? '');
    const th = thai.success ? issue.message : (thai.error.issues[i]?.message ?? issue.message);
    return `  - ${option[field] ?? field}: ${th} / ${issue.message}`;
  });
  return new CliError(['ข้อมูลไม่ถูกต้อง / Invalid input:', ...lines].join('\n'));
}
