import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../modules/auth/passwords.ts';
import { type CliInProcess, cliInProcess } from './cli-in-process.testing.ts';

// Production: no demo data, so no account to sign in with until this command makes one.
const production = { NODE_ENV: 'production', SESSION_SECRET: 'a-production-secret-of-at-least-32-chars' };
const PASSWORD = 'correct horse battery staple';

describe('prongsai admin create', () => {
  let cli: CliInProcess;
  beforeAll(async () => {
    cli = await cliInProcess();
  });
  afterAll(() => cli.cleanup());

  const create = (args: string[], stdin: string) => cli.run(['admin', 'create', ...args], stdin, production);

  it('creates the first NACC admin in production, password from stdin, recorded in the audit log', async () => {
    const result = await create(
      ['--username', 'NACC-Root', '--name', 'ผู้ดูแลระบบ ป.ป.ช.', '--email', 'root@nacc.example'],
      `${PASSWORD}\nignored second line\n`,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('NACC admin "nacc-root" created');
    expect(result.stdout).not.toContain(PASSWORD);

    // Refusals, each with nothing created: weak password (the app's rule), taken username, a password
    // given on the command line (where `ps` would show it), no stdin.
    const weak = await create(['--username', 'second', '--name', 'Second'], 'short\n');
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/password: .*8/);
    expect(weak.stderr).not.toContain('short');
    const taken = await create(['--username', 'nacc-root', '--name', 'Again'], `${PASSWORD}\n`);
    expect(taken.code).toBe(2);
    const onArgv = await create(['--username', 'third', '--name', 'Third', '--password', PASSWORD], '');
    expect(onArgv.code).toBe(2);
    expect(onArgv.stderr).toContain("unknown option '--password'");

    const { db } = cli.database;
    const { rows: users } = await db.execute<{
      id: string;
      username: string;
      role: string;
      agency_id: string | null;
      email: string;
      password_hash: string;
    }>(sql`select id, username, role, agency_id, email, password_hash from users`);
    expect(users.map((u) => u.username)).toEqual(['nacc-root']);
    const [admin] = users;
    expect(admin).toMatchObject({ role: 'admin', agency_id: null, email: 'root@nacc.example' });
    expect(await verifyPassword(admin?.password_hash as string, PASSWORD)).toBe(true);
    const { rows: audit } = await db.execute<{ actor_user_id: string | null; after: unknown }>(
      sql`select actor_user_id, after from audit_log where entity_type = 'user' and action = 'create'`,
    );
    expect(audit).toEqual([
      {
        actor_user_id: null,
        after: expect.objectContaining({ username: 'nacc-root', role: 'admin', via: 'command line' }),
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
  });
});
