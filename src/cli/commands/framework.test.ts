import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_FRAMEWORKS_DIR } from '../../modules/frameworks/index.ts';
import { type CliInProcess, cliInProcess } from './cli-in-process.testing.ts';

const bundledText = (year: number) =>
  readFileSync(path.join(BUNDLED_FRAMEWORKS_DIR, `fy${year}.json`), 'utf8');

describe('prongsai framework', () => {
  let cli: CliInProcess;
  let files: string;
  /** FY2568 with instrument weights summing to 105 and a question under an invalid indicator code. */
  const writeBrokenFile = () => {
    const broken = JSON.parse(bundledText(2568));
    broken.instruments[0].weight = 35;
    broken.questions[2].indicator = 'x';
    const file = path.join(files, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    return file;
  };
  beforeAll(async () => {
    cli = await cliInProcess();
    files = path.join(cli.dataDir, 'files');
    mkdirSync(files);
  });
  afterAll(() => cli.cleanup());

  it('lists the bundled years on a fresh database', async () => {
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

  it("shows a year's instruments, weights and rating", async () => {
    const sut = await cli.run(['framework', 'show', '2568']);
    expect(sut.code).toBe(0);
    expect(sut.stdout).toMatch(/EIT2\s+15%/);
    expect(sut.stdout).toContain('ผ่านดีเยี่ยม');
  });

  it('validates a file without opening a database', async () => {
    const file = path.join(files, 'fy2568.json');
    writeFileSync(file, bundledText(2568));
    const elsewhere = path.join(cli.dataDir, 'no-database-here');
    // The command opens nothing itself: run as the binary does, without the test's database.
    const sut = await cli.run(
      ['framework', 'validate', file],
      undefined,
      { PRONGSAI_DATA_DIR: elsewhere },
      {
        ownDatabase: true,
      },
    );
    expect(sut).toMatchObject({ code: 0, stderr: '' });
    expect(sut.stdout).toContain('FY2568');
    expect(existsSync(elsewhere)).toBe(false);
  });

  it('lists every problem of an invalid file with its path, exit code 2', async () => {
    const sut = await cli.run(['framework', 'validate', writeBrokenFile()]);
    expect(sut.code).toBe(2);
    expect(sut.stdout).toBe('');
    expect(sut.stderr).toContain('ไม่ผ่านการตรวจสอบ');
    expect(sut.stderr).toContain('questions[2].indicator');
    expect(sut.stderr).toContain('weights sum to 105');
  });

  it('imports a file as a new version and exports it unchanged', async () => {
    const official = JSON.parse(bundledText(2567));
    official.source = 'Official FY2567 texts';
    const file = path.join(files, 'official-2567.json');
    writeFileSync(file, JSON.stringify(official));
    const imported = await cli.run(['framework', 'import', file]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('FY2567 version 2');

    const exported = await cli.run(['framework', 'export', '2567']);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual(official);

    const out = path.join(files, 'exported.json');
    expect((await cli.run(['framework', 'export', '2567', '--out', out])).stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(official);

    // A later start must not replace the import with the bundled file.
    expect((await cli.run(['framework', 'list'])).stdout).toMatch(/FY2567\s+v2\s+import/);
  });

  it('refuses to import an invalid file and stores nothing', async () => {
    const sut = await cli.run(['framework', 'import', writeBrokenFile()]);
    expect(sut.code).toBe(2);
    expect(sut.stderr).toContain('The framework is not valid');
    expect((await cli.run(['framework', 'list'])).stdout).toMatch(/FY2568\s+v1\s+bundled/);
  });

  it('refuses an unknown year and a year that is not a number', async () => {
    const unknown = await cli.run(['framework', 'export', '2599']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toContain('2599');
    expect((await cli.run(['framework', 'show', 'last-year'])).code).toBe(2);
  });
});
