import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_004, SEED_004_PUBLISHED } from '../../core/scoring/test-fixtures.ts';
import { type CliInProcess, cliInProcess } from './cli-in-process.testing.ts';

describe('prongsai score', () => {
  let cli: CliInProcess;
  beforeAll(async () => {
    cli = await cliInProcess();
  });
  afterAll(() => cli.cleanup());

  const score = (input: unknown) =>
    cli.run(['score'], typeof input === 'string' ? input : JSON.stringify(input));

  it('reproduces seed 004: total 95.93, rated ผ่านดี', async () => {
    const sut = await score(SEED_004);
    expect(sut.stderr).toBe('');
    expect(sut.code).toBe(0);
    expect(JSON.parse(sut.stdout)).toEqual(SEED_004_PUBLISHED);
    expect(sut.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('scores FY2566 from instrument scores, EIT in two parts', async () => {
    const sut = await score({ year: 2566, instruments: { IIT: 82.44, EIT1: 79.4, EIT2: 82.24, OIT: 100 } });
    expect(sut.code).toBe(0);
    // 0.3 × 82.44 + 0.15 × 79.4 + 0.15 × 82.24 + 0.4 × 100 = 88.978; EIT1 below 85 → pass, not good.
    expect(JSON.parse(sut.stdout)).toEqual({
      year: 2566,
      instruments: { IIT: 82.44, EIT1: 79.4, EIT2: 82.24, OIT: 100 },
      total: 88.98,
      rating: { code: 'pass', th: 'ผ่าน', en: 'Pass' },
    });
  });

  it('scores FY2565 with a single EIT and the AA–F rating', async () => {
    const sut = await score({ year: 2565, instruments: { IIT: 82.44, EIT: 79.4, OIT: 100 } });
    expect(sut.code).toBe(0);
    // 0.3 × 82.44 + 0.3 × 79.4 + 0.4 × 100 = 88.552
    expect(JSON.parse(sut.stdout)).toEqual({
      year: 2565,
      instruments: { IIT: 82.44, EIT: 79.4, OIT: 100 },
      total: 88.55,
      rating: { code: 'A', th: 'A', en: 'A' },
    });
  });

  it('refuses an unknown year with exit code 2, a Thai and English message and nothing on stdout', async () => {
    const sut = await score({ ...SEED_004, year: 2599 });
    expect(sut.code).toBe(2);
    expect(sut.stdout).toBe('');
    expect(sut.stderr).toContain('ไม่พบกรอบการประเมินของปีงบประมาณ 2599');
    expect(sut.stderr).toContain('There is no framework for fiscal year 2599');
  });

  it('refuses a missing indicator', async () => {
    const { '10': _dropped, ...nine } = SEED_004.indicators;
    const sut = await score({ year: 2568, indicators: nine });
    expect(sut.code).toBe(2);
    expect(sut.stdout).toBe('');
    expect(sut.stderr).toMatch(/ตัวชี้วัด 10/);
    expect(sut.stderr).toMatch(/indicator 10/);
  });

  it('refuses a score out of range', async () => {
    const sut = await score({ year: 2568, indicators: { ...SEED_004.indicators, '4': 104.44 } });
    expect(sut.code).toBe(2);
    expect(sut.stdout).toBe('');
    expect(sut.stderr).toContain('104.44');
    expect(sut.stderr).toMatch(/ต้องเป็นตัวเลขตั้งแต่ 0 ถึง 100/);
    expect(sut.stderr).toMatch(/from 0 to 100/);
  });

  it('refuses malformed JSON', async () => {
    const sut = await score('{"year": 2568, "indicators": {"1": 98.2');
    expect(sut.code).toBe(2);
    expect(sut.stdout).toBe('');
    expect(sut.stderr).toContain('ไม่ใช่ JSON ที่ถูกต้อง');
    expect(sut.stderr).toContain('not valid JSON');
  });

  it('refuses an object without scores, naming what it needs', async () => {
    const sut = await score({ year: 2568 });
    expect(sut.code).toBe(2);
    expect(sut.stdout).toBe('');
    expect(sut.stderr).toContain('"indicators" or "instruments"');
  });
});
