// The `prongsai` binary, as an operator runs it: one real run of each command on a fresh embedded database
// (a child process through bin/prongsai.mjs: tsx in development, the compiled server with NODE_ENV=production).
// What each command does in every case is tested in-process in commands/<command>.test.ts (refusals such as
// malformed JSON for `score` or `seed` in production among them); backup, restore, `start` and a running
// server's refusals are in commands/backup.cli.test.ts. A check that needs no process of its own runs
// in-process here too (`runInProcess`: the same parsing, command, output and exit code), since each process
// boots Node, loads the sources and opens the database anew.
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_004, SEED_004_PUBLISHED } from '../core/scoring/test-fixtures.ts';
import { openPglite } from '../db/client.ts';
import { verifyPassword } from '../modules/auth/passwords.ts';
import { runInProcess } from './commands/cli-in-process.testing.ts';
import { type CliSandbox, cliSandbox } from './commands/cli-sandbox.testing.ts';

const production = { NODE_ENV: 'production', SESSION_SECRET: 'a-production-secret-of-at-least-32-chars' };
const PASSWORD = 'correct horse battery staple';

// Each case starts real processes that boot Node, load the sources and open a fresh embedded database: on a
// loaded two-core machine a case takes tens of seconds, so the file allows two minutes per case.
describe('prongsai (the binary, one run of each command)', { timeout: 120_000 }, () => {
  let cli: CliSandbox;
  beforeAll(async () => {
    cli = await cliSandbox();
  });
  afterAll(() => cli.cleanup());

  it('--help lists every command', async () => {
    const sut = await cli.run(['--help']);
    expect(sut).toMatchObject({ code: 0, stderr: '' });
    const commands = sut.stdout.slice(sut.stdout.indexOf('Commands:'));
    const listed = [...commands.matchAll(/^ {2}([a-z-]+)/gm)].map((m) => m[1]);
    expect(listed).toEqual([
      'start',
      'migrate',
      'framework',
      'score',
      'min-sample',
      'seed',
      'audit',
      'backup',
      'restore',
      'admin',
      'secrets',
      'help',
    ]);
  });

  it('migrate, then framework list: the bundled years on a fresh database', async () => {
    const migrated = await cli.run(['migrate']);
    expect(migrated).toEqual({ code: 0, stdout: 'migrations applied (pglite)\n', stderr: '' });
    const sut = await cli.run(['framework', 'list']);
    expect(sut.code).toBe(0);
    const lines = sut.stdout.trim().split('\n');
    expect(lines.map((l) => l.slice(0, 6))).toEqual([
      'FY2563',
      'FY2564',
      'FY2565',
      'FY2566',
      'FY2567',
      'FY2568',
    ]);
    expect(lines[5]).toMatch(/v1\s+bundled\s+question\s+24 questions\s+28 OIT items/);
  });

  it('score reproduces seed 004 from stdin; min-sample prints the minimum', async () => {
    const scored = await cli.run(['score'], JSON.stringify(SEED_004));
    expect(scored.stderr).toBe('');
    expect(scored.code).toBe(0);
    expect(JSON.parse(scored.stdout)).toEqual(SEED_004_PUBLISHED);
    const minimum = await cli.run([
      'min-sample',
      '--year',
      '2568',
      '--instrument',
      'IIT',
      '--population',
      '1000',
    ]);
    expect(minimum).toEqual({ code: 0, stdout: '200\n', stderr: '' });
  });

  it('seed: the demo province; then audit verify finds the log intact', async () => {
    const seeded = await cli.run(['seed']);
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain('12 agencies and 7 users created');
    const verified = await cli.run(['audit', 'verify']);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('Audit log intact');
  });

  // `start` itself runs as a process in backup.cli.test.ts; its refusal opens the database and stops before
  // listening, so it runs in-process on this folder.
  it('secrets rotate hash --accept records a key; start refuses another one', async () => {
    const keyA = { SESSION_SECRET: 's'.repeat(40), HASH_SECRET: 'a'.repeat(40), PRONGSAI_DEMO: 'false' };
    const keyB = { ...keyA, HASH_SECRET: 'b'.repeat(40) };
    const accepted = await cli.run(['secrets', 'rotate', 'hash', '--accept'], '', keyA);
    expect(accepted.stderr).toBe('');
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain('is now the database key');
    const start = await runInProcess(['start'], {
      env: { ...keyB, PORT: '0', PRONGSAI_DATA_DIR: cli.dataDir },
    });
    expect(start.code).toBe(1);
    expect(start.stderr).toContain('The hash key is not the one this database was keyed with');
    expect(start.stderr).toContain('set HASH_SECRET to the old SESSION_SECRET');
  });

  it('admin create in production (the compiled server), password from stdin', async () => {
    const result = await cli.run(
      ['admin', 'create', '--username', 'NACC-Root', '--name', 'ผู้ดูแลระบบ ป.ป.ช.'],
      `${PASSWORD}\n`,
      production,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('NACC admin "nacc-root" created');

    const database = await openPglite({ dataDir: path.join(cli.dataDir, 'pglite'), migrate: false });
    try {
      const { rows } = await database.db.execute<{ password_hash: string }>(
        sql`select password_hash from users where username = 'nacc-root' and role = 'admin'`,
      );
      expect(rows).toHaveLength(1);
      expect(await verifyPassword(rows[0]?.password_hash as string, PASSWORD)).toBe(true);
    } finally {
      await database.close();
    }
  });
});
