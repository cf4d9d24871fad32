import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliSandbox, cliSandbox } from './cli-sandbox.testing.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('prongsai seed', () => {
  let cli: CliSandbox;
  beforeAll(async () => {
    cli = await cliSandbox();
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

  it('refuses in production with a clear message and exit code 2', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['bin/prongsai.mjs', 'seed'], {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'production',
          SESSION_SECRET: 'a-production-secret-of-at-least-32-chars',
          PRONGSAI_DATA_DIR: cli.dataDir,
        },
      });
      let stderr = '';
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('never seeded in production');
    expect(result.stderr).toContain('ไม่สร้างข้อมูลสาธิต');
  });
});
