import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import type { Database } from '../../db/client.ts';
import { frameworkVersions } from '../../db/schema/index.ts';
import { BUNDLED_FRAMEWORKS_DIR, loadBundledFrameworks } from './frameworks.loader.ts';
import { frameworkForYear, storeImportedFramework } from './frameworks.service.ts';

const bundled = (year: number) =>
  JSON.parse(readFileSync(path.join(BUNDLED_FRAMEWORKS_DIR, `fy${year}.json`), 'utf8'));
const versionsOf = async (database: Database, year: number) =>
  (await database.db.select().from(frameworkVersions))
    .filter((v) => v.year === year)
    .map((v) => ({ version: v.version, origin: v.origin }))
    .sort((a, b) => a.version - b.version);

describe('loadBundledFrameworks', () => {
  let database: Database;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'prongsai-frameworks-'));
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores every bundled year as version 1 on a fresh database', async () => {
    const sut = await loadBundledFrameworks(database.db);
    expect(sut.years).toEqual([2563, 2564, 2565, 2566, 2567, 2568]);
    expect(sut.added.map((a) => `${a.year}:${a.version}`)).toEqual([
      '2563:1',
      '2564:1',
      '2565:1',
      '2566:1',
      '2567:1',
      '2568:1',
    ]);
    expect((await frameworkForYear(database.db, 2568)).framework.instruments).toHaveLength(4);
  });

  it('adds nothing when run again', async () => {
    const sut = await loadBundledFrameworks(database.db);
    expect(sut.added).toEqual([]);
    expect(await database.db.select().from(frameworkVersions)).toHaveLength(6);
  });

  it('ignores formatting: a re-indented file is the same version', async () => {
    writeFileSync(path.join(dir, 'fy2567.json'), JSON.stringify(bundled(2567)));
    expect((await loadBundledFrameworks(database.db, { dir })).added).toEqual([]);
  });

  it('adds a new version when a bundled file changed, and uses it from then on', async () => {
    const changed = bundled(2567);
    changed.name.en = 'Integrity and Transparency Assessment, FY2567 (corrected)';
    writeFileSync(path.join(dir, 'fy2567.json'), JSON.stringify(changed, null, 2));
    const sut = await loadBundledFrameworks(database.db, { dir });
    expect(sut.added).toEqual([{ file: 'fy2567.json', year: 2567, version: 2 }]);
    expect(await versionsOf(database, 2567)).toEqual([
      { version: 1, origin: 'bundled' },
      { version: 2, origin: 'bundled' },
    ]);
    const inForce = await frameworkForYear(database.db, 2567);
    expect(inForce.version).toBe(2);
    expect(inForce.framework.name.en).toContain('corrected');
    expect((await loadBundledFrameworks(database.db, { dir })).added).toEqual([]);
  });

  it('never replaces an imported version, even when the bundled file changes again', async () => {
    const official = bundled(2566);
    official.source = {
      th: 'ข้อความทางการปี 2566 (ผู้ดูแลนำเข้า)',
      en: 'Official FY2566 texts (imported by an admin)',
    };
    const imported = await storeImportedFramework(database.db, official, {
      importedBy: null,
      now: new Date(),
    });
    expect(imported).toEqual({ year: 2566, version: 2 });

    const changedAgain = bundled(2566);
    changedAgain.source = { th: 'แก้ไขภายหลังในไฟล์ที่มากับระบบ', en: 'A later bundled edit' };
    writeFileSync(path.join(dir, 'fy2566.json'), JSON.stringify(changedAgain));
    expect((await loadBundledFrameworks(database.db, { dir })).added).toEqual([]);
    const shipped = await loadBundledFrameworks(database.db); // the shipped file differs from the import too
    expect(shipped.added.filter((a) => a.year === 2566)).toEqual([]);
    expect(await versionsOf(database, 2566)).toEqual([
      { version: 1, origin: 'bundled' },
      { version: 2, origin: 'import' },
    ]);
    expect((await frameworkForYear(database.db, 2566)).framework.source.en).toContain('imported by an admin');
  });

  it('refuses to load a bundled file that is not a valid framework', async () => {
    const broken = bundled(2568);
    broken.instruments[0].weight = 50;
    const badDir = mkdtempSync(path.join(tmpdir(), 'prongsai-frameworks-bad-'));
    try {
      writeFileSync(path.join(badDir, 'fy2568.json'), JSON.stringify(broken));
      await expect(loadBundledFrameworks(database.db, { dir: badDir })).rejects.toThrow(/weights sum to 120/);
    } finally {
      rmSync(badDir, { recursive: true, force: true });
    }
  });

  it('refuses a bundled file whose name and year disagree', async () => {
    const badDir = mkdtempSync(path.join(tmpdir(), 'prongsai-frameworks-bad-'));
    try {
      cpSync(path.join(BUNDLED_FRAMEWORKS_DIR, 'fy2565.json'), path.join(badDir, 'fy2569.json'));
      await expect(loadBundledFrameworks(database.db, { dir: badDir })).rejects.toThrow(/holds year 2565/);
    } finally {
      rmSync(badDir, { recursive: true, force: true });
    }
  });
});
