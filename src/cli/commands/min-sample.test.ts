import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliInProcess, cliInProcess } from './cli-in-process.testing.ts';

describe('prongsai min-sample', () => {
  let cli: CliInProcess;
  beforeAll(async () => {
    cli = await cliInProcess();
  });
  afterAll(() => cli.cleanup());

  const minSample = (instrument: string, population: string, year = '2568') =>
    cli.run(['min-sample', '--year', year, '--instrument', instrument, '--population', population]);

  it.each([
    ['25', '25'],
    ['100', '30'],
    ['1000', '200'],
    ['5000', '400'],
  ])('prints only the FY2568 IIT minimum for %s staff: %s', async (population, minimum) => {
    const sut = await minSample('IIT', population);
    expect(sut).toEqual({ code: 0, stdout: `${minimum}\n`, stderr: '' });
  });

  it('applies the EIT part 2 rule to the part 1 minimum of the EIT population', async () => {
    // EIT1 for 1,000 users: 200; EIT2: 20% of 200 = 40 (at least 20).
    expect((await minSample('EIT2', '1000')).stdout).toBe('40\n');
    expect((await minSample('EIT2', '100')).stdout).toBe('20\n');
  });

  it('refuses a population that is not a whole number', async () => {
    const sut = await minSample('IIT', '-5');
    expect(sut.code).toBe(2);
    expect(sut.stdout).toBe('');
    expect(sut.stderr).toContain('--population');
  });

  it('refuses a missing year in Thai and English', async () => {
    const sut = await cli.run(['min-sample', '--instrument', 'IIT', '--population', '100']);
    expect(sut.code).toBe(2);
    expect(sut.stderr).toContain('ปีงบประมาณ');
    expect(sut.stderr).toContain('fiscal year');
  });

  it('refuses an unknown year and an instrument without a rule', async () => {
    expect((await minSample('IIT', '100', '2599')).code).toBe(2);
    const oit = await minSample('OIT', '100');
    expect(oit.code).toBe(2);
    expect(oit.stderr).toContain('minimum-sample rule');
  });
});
