// Loads the frameworks shipped in frameworks/*.json into framework_versions, idempotently, at every start
// (and before the CLI scores): a year without a version gets version 1; a year whose newest version is
// bundled gets a new version when the file changed; a year whose newest version was imported or authored is left alone,
// so an admin's official text is never replaced by the paraphrased file we ship.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/client.ts';
import { BUNDLED_FRAMEWORKS_DIR } from '../../paths.ts';
import { insertNextVersion, newestHead } from './frameworks.repo.ts';
import { definitionSha256, validateFramework } from './frameworks.validate.ts';

export { BUNDLED_FRAMEWORKS_DIR };

/** The name of a bundled framework file: its year. */
export const BUNDLED_FRAMEWORK_FILE = /^fy(\d{4})\.json$/;

/** The years of the bundled files (each file holds its name's year: the loader refuses it otherwise). */
export function bundledYears(dir = BUNDLED_FRAMEWORKS_DIR): number[] {
  return readdirSync(dir)
    .map((f) => BUNDLED_FRAMEWORK_FILE.exec(f)?.[1])
    .filter((y) => y !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

export interface LoadedVersion {
  file: string;
  year: number;
  version: number;
}
export interface LoadReport {
  years: number[];
  added: LoadedVersion[];
}

export async function loadBundledFrameworks(
  db: Db,
  opts: { dir?: string; now?: () => Date } = {},
): Promise<LoadReport> {
  const dir = opts.dir ?? BUNDLED_FRAMEWORKS_DIR;
  const now = opts.now ?? (() => new Date());
  const files = readdirSync(dir)
    .filter((f) => BUNDLED_FRAMEWORK_FILE.test(f))
    .sort();
  const report: LoadReport = { years: [], added: [] };
  for (const file of files) {
    const definition = readBundledFile(path.join(dir, file));
    const year = (definition as { year: number }).year;
    const sha256 = definitionSha256(definition);
    report.years.push(year);
    await db.transaction(async (tx) => {
      const newest = await newestHead(tx, year);
      if (newest && (newest.origin !== 'bundled' || newest.sha256 === sha256)) return;
      const version = await insertNextVersion(tx, {
        year,
        definition,
        sha256,
        origin: 'bundled',
        importedBy: null,
        importedAt: now(),
      });
      // undefined: another process loading at the same moment stored it first.
      if (version !== undefined) report.added.push({ file, year, version });
    });
  }
  return report;
}

/** A shipped file that fails validation is a bug in this release: refuse to start rather than load it. */
function readBundledFile(file: string): unknown {
  const definition: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const result = validateFramework(definition);
  if (!result.ok) {
    const lines = result.problems.map((p) => `  ${p.path || '(framework)'}: ${p.en}`);
    throw new Error(
      `กรอบการประเมินที่มากับระบบไม่ถูกต้อง / bundled framework ${file} is not valid:\n${lines.join('\n')}`,
    );
  }
  const expected = BUNDLED_FRAMEWORK_FILE.exec(path.basename(file))?.[1];
  if (expected !== String(result.framework.year))
    throw new Error(
      `bundled framework ${file} holds year ${result.framework.year}; rename it or fix the year`,
    );
  return definition;
}

/** One line for the start-up banner. */
export function describeLoad(report: LoadReport): string[] {
  const years = [...report.years].sort();
  const range = years.length === 0 ? 'none' : `FY${years[0]}–FY${years.at(-1)}`;
  const added = report.added.map((a) => `FY${a.year} v${a.version}`).join(', ');
  return [`  Frameworks / กรอบการประเมิน: ${range}${added ? ` (new: ${added})` : ''}`];
}
