import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliInProcess, cliInProcess } from './cli-in-process.testing.ts';

const keyA = { SESSION_SECRET: 's'.repeat(40), HASH_SECRET: 'a'.repeat(40), PRONGSAI_DEMO: 'false' };
const keyB = { ...keyA, HASH_SECRET: 'b'.repeat(40) };

describe('prongsai secrets rotate', () => {
  let cli: CliInProcess;
  beforeAll(async () => {
    cli = await cliInProcess();
  });
  afterAll(() => cli.cleanup());

  // The server's refusal of the changed key (`prongsai start`) is in ../prongsai.cli.test.ts.
  it('hash: a changed key is accepted only once the operator, told what stops matching, accepts it', async () => {
    const first = await cli.run(['secrets', 'rotate', 'hash', '--accept'], '', keyA);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);

    const told = await cli.run(['secrets', 'rotate', 'hash'], '', keyB);
    expect(told.code).toBe(0);
    expect(told.stdout).toContain('differs from the database key');
    expect(told.stdout).toContain('printed IIT token slips not used yet');
    expect(told.stdout).toContain('EIT part-1 respondents');

    const accepted = await cli.run(['secrets', 'rotate', 'hash', '--accept'], '', keyB);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain('is now the database key');
    const again = await cli.run(['secrets', 'rotate', 'hash'], '', keyB);
    expect(again.stdout).toContain('The configured hash key is the database key');
    expect(again.stdout).toMatch(/HASH_SECRET=[\w-]{64}/);
  });

  it('session: prints a new secret and the steps, first moving the hash key off SESSION_SECRET', async () => {
    const shared = await cli.run(['secrets', 'rotate', 'session'], '', { SESSION_SECRET: 's'.repeat(40) });
    expect(shared.code).toBe(0);
    expect(shared.stdout).toMatch(/SESSION_SECRET=[\w-]{64}/);
    expect(shared.stdout).toContain('FIRST set HASH_SECRET to');
    expect(shared.stdout).toContain('SESSION_SECRET_PREVIOUS');
    const separate = await cli.run(['secrets', 'rotate', 'session'], '', keyA);
    expect(separate.stdout).not.toContain('FIRST set HASH_SECRET');
  });
});
