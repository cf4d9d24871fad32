// Parsed frameworks kept in memory so that scoring requests do not re-validate ~100 kB of JSON each time.
// The key includes the content hash as well as year and version: the same process may talk to several
// databases (tests), and a version number alone would not tell their definitions apart.
import { conflict } from '../../core/errors.ts';
import type { Framework } from '../../core/framework/schema.ts';
import type { VersionHead } from './frameworks.repo.ts';
import { validateFramework } from './frameworks.validate.ts';

const MAX_ENTRIES = 64;
const parsed = new Map<string, Framework>();

const keyOf = (h: VersionHead) => `${h.year}:${h.version}:${h.sha256}`;

export async function cachedFramework(head: VersionHead, load: () => Promise<unknown>): Promise<Framework> {
  const key = keyOf(head);
  const hit = parsed.get(key);
  if (hit) return hit;
  const result = validateFramework(await load());
  if (!result.ok)
    // Stored versions were valid when stored; this means the schema has since become stricter.
    throw conflict(
      'framework_stored_invalid',
      `กรอบการประเมินปี ${head.year} ฉบับที่ ${head.version} ไม่ผ่านการตรวจสอบรูปแบบปัจจุบัน กรุณานำเข้าฉบับแก้ไข`,
      `The FY${head.year} framework version ${head.version} no longer passes validation; import a corrected one`,
      { problems: result.problems },
    );
  if (parsed.size >= MAX_ENTRIES) parsed.delete(parsed.keys().next().value as string);
  parsed.set(key, result.framework);
  return result.framework;
}

/** Called after an import: the year's older entries will not be asked for again in this process. */
export function forgetYear(year: number): void {
  for (const key of [...parsed.keys()]) if (key.startsWith(`${year}:`)) parsed.delete(key);
}
