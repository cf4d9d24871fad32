// Idempotent loader for provinces and ministries: upserts by code, so names fixed in the data reach old
// databases on the next start, and rows added by hand (other codes) are left alone.
import { count, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { ministries, provinces } from '../../db/schema/index.ts';
import { codeDigest } from '../../ops/startup-marks.ts';
import type { SkippableStartupTask } from '../startup.ts';
import { MINISTRIES, PROVINCES } from './reference.data.ts';

export async function loadReferenceData(db: Db): Promise<{ provinces: number; ministries: number }> {
  await db.transaction(async (tx) => {
    await tx
      .insert(provinces)
      .values([...PROVINCES])
      .onConflictDoUpdate({
        target: provinces.code,
        set: {
          nameTh: sql`excluded.name_th`,
          nameEn: sql`excluded.name_en`,
          region: sql`excluded.region`,
        },
      });
    await tx
      .insert(ministries)
      .values([...MINISTRIES])
      .onConflictDoUpdate({
        target: ministries.code,
        set: { nameTh: sql`excluded.name_th`, nameEn: sql`excluded.name_en`, kind: sql`excluded.kind` },
      });
  });
  return { provinces: PROVINCES.length, ministries: MINISTRIES.length };
}

/**
 * Start-up: skipped when the data and this module's code are those of the last load and every code is still
 * there (a name edited by hand in the database then stays as edited until the data or the code change).
 */
export const referenceDataTask: SkippableStartupTask = {
  name: 'reference-data',
  fingerprint: () => codeDigest(new URL('.', import.meta.url)),
  run: async (deps, log) => {
    const loaded = await loadReferenceData(deps.db);
    log.info(loaded, 'reference data loaded');
    return [];
  },
  unchanged: async (deps) => {
    const [p] = await deps.db
      .select({ n: count() })
      .from(provinces)
      .where(
        inArray(
          provinces.code,
          PROVINCES.map((r) => r.code),
        ),
      );
    const [m] = await deps.db
      .select({ n: count() })
      .from(ministries)
      .where(
        inArray(
          ministries.code,
          MINISTRIES.map((r) => r.code),
        ),
      );
    return p?.n === PROVINCES.length && m?.n === MINISTRIES.length ? [] : null;
  },
};
