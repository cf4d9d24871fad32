import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliInProcess, cliInProcess } from './cli-in-process.testing.ts';

describe('prongsai seed', () => {
  let cli: CliInProcess;
  beforeAll(async () => {
    cli = await cliInProcess();
  });
  afterAll(() => cli.cleanup());

  it('seeds the demo province with its FY2568 cycle and prints the logins; again, it creates nothing', async () => {
    const first = await cli.run(['seed']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('12 agencies and 7 users created');
    expect(first.stdout).toContain('demo1234');
    expect(first.stdout).toContain('agency-admin');
    expect(first.stdout).toContain('cycle is open');
    const second = await cli.run(['seed']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('0 agencies and 0 users created');
  });

  it('refuses in production with a clear message and exit code 2, before opening the database', async () => {
    // As the binary runs it: the command would open the data folder's database itself.
    const result = await cli.run(
      ['seed'],
      '',
      { NODE_ENV: 'production', SESSION_SECRET: 'a-production-secret-of-at-least-32-chars' },
      { ownDatabase: true },
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('never seeded in production');
    expect(result.stderr).toContain('ไม่สร้างข้อมูลสาธิต');
    expect(existsSync(path.join(cli.dataDir, 'pglite'))).toBe(false);
  });
});
