// Idempotent loader for provinces and ministries: upserts by code, so names fixed in the data reach old
// databases on the next start, and rows added by hand (other codes) are left alone.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { ministries, provinces } from '../../db/schema/index.ts';
import type { StartupTask } from '../startup.ts';
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

export const referenceDataTask: StartupTask = async (deps, log) => {
  const loaded = await loadReferenceData(deps.db);
  log.info(loaded, 'reference data loaded');
  return [];
};
