// `prongsai secrets rotate session|hash`: what each rotation changes and how to do it (README "Secrets").
// Secrets live in the environment, never in the database: the command prints a new value and the steps;
// for the hash key it shows, from the database, what would stop matching, and `--accept` records the new key.
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { type CliIo, cliConfig, withDatabase } from '../io.ts';

const newSecret = () => randomBytes(48).toString('base64url');

export function registerSecrets(program: Command, io: CliIo) {
  const secrets = program.command('secrets').description('Server secrets: rotation (README "Secrets")');
  const rotate = secrets.command('rotate').description('Rotate a secret: prints a new value and the steps');
  rotate
    .command('session')
    .description('SESSION_SECRET (signs session cookies)')
    .action(async () => {
      const cfg = await cliConfig(io);
      const separate = cfg.hashSecret !== cfg.sessionSecret;
      const lines = [
        'Rotating SESSION_SECRET (signs session cookies) / เปลี่ยน SESSION_SECRET',
        ...(separate
          ? []
          : [
              '  0. HASH_SECRET is not set, so stored hashes are keyed with SESSION_SECRET. FIRST set HASH_SECRET to',
              '     the current value of SESSION_SECRET: the stored hashes keep matching after the rotation.',
              '     ตั้ง HASH_SECRET ให้เท่ากับค่า SESSION_SECRET ปัจจุบันก่อน เพื่อให้ค่าแฮชที่เก็บไว้ยังตรงกัน',
            ]),
        `  1. Set SESSION_SECRET=${newSecret()}`,
        '  2. To keep everyone signed in, put the old value in SESSION_SECRET_PREVIOUS (remove it after 8 hours,',
        '     the session lifetime). If the old secret may have leaked, do not: everyone signs in again.',
        '  3. Restart the server (every instance).',
      ];
      io.stdout.write(`${lines.join('\n')}\n`);
    });
  rotate
    .command('hash')
    .description('HASH_SECRET (keyed hashes of tokens, phones, e-mails; sealed OTP destinations; grants)')
    .option('--accept', 'record the configured HASH_SECRET as the database key (audited)')
    .action(async (opts: { accept?: boolean }) => {
      const cfg = await cliConfig(io);
      const { acceptHashKey, hashKeyDependents, hashKeyState } = await import('../../ops/hash-key.ts');
      const out = await withDatabase(io, async ({ db }) => {
        const current = await hashKeyState(db, cfg);
        const dependents = await hashKeyDependents(db);
        const what = [
          'What stops matching under a different hash key / สิ่งที่จะไม่ตรงกันเมื่อเปลี่ยนคีย์:',
          ...dependents.map((d) => `  ${String(d.count).padStart(7)}  ${d.en}\n           ${d.th}`),
          '           respondents in the middle of a questionnaire start again (their grant no longer verifies)',
        ];
        if (current.state === 'same' && !opts.accept)
          return [
            'The configured hash key is the database key / คีย์ที่ตั้งไว้ตรงกับฐานข้อมูล',
            ...what,
            'To rotate: stop the server, set HASH_SECRET to a new value, e.g.',
            `  HASH_SECRET=${newSecret()}`,
            'then run `prongsai secrets rotate hash --accept` with it, and start the server.',
          ];
        if (current.state === 'same')
          return ['Nothing to accept: the configured hash key is the database key.'];
        if (!opts.accept)
          return [
            current.state === 'new'
              ? 'No hash key recorded yet in this database.'
              : `The configured hash key differs from the database key (recorded ${current.recordedAt.toISOString()}).`,
            ...what,
            'Run again with --accept to make the configured key the database key, or restore the previous value.',
          ];
        await acceptHashKey(db, cfg, new Date());
        return ['The configured hash key is now the database key (recorded in the audit log).', ...what];
      });
      io.stdout.write(`${out.join('\n')}\n`);
    });
}
