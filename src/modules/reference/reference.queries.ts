// Read-only queries other modules may use (the provinces and ministries tables are this module's): batched
// by codes, so a list never asks once per row.
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { ministries, provinces } from '../../db/schema/index.ts';

export type ProvinceRow = typeof provinces.$inferSelect;
export type MinistryRow = typeof ministries.$inferSelect;

const wanted = (codes: readonly (string | null)[]) => [
  ...new Set(codes.filter((c): c is string => c !== null)),
];

/** The given provinces, by code (unknown codes are absent). One query. */
export async function provincesByCodes(
  db: DbOrTx,
  codes: readonly (string | null)[],
): Promise<Map<string, ProvinceRow>> {
  const list = wanted(codes);
  if (list.length === 0) return new Map();
  const rows = await db.select().from(provinces).where(inArray(provinces.code, list));
  return new Map(rows.map((r) => [r.code, r]));
}

/** The given ministries, by code (unknown codes are absent). One query. */
export async function ministriesByCodes(
  db: DbOrTx,
  codes: readonly (string | null)[],
): Promise<Map<string, MinistryRow>> {
  const list = wanted(codes);
  if (list.length === 0) return new Map();
  const rows = await db.select().from(ministries).where(inArray(ministries.code, list));
  return new Map(rows.map((r) => [r.code, r]));
}

/** Every province code and every ministry code (a few hundred): what an import checks its rows against. */
export async function referenceCodes(
  db: DbOrTx,
): Promise<{ provinces: Set<string>; ministries: Set<string> }> {
  const [p, m] = await Promise.all([
    db.select({ code: provinces.code }).from(provinces),
    db.select({ code: ministries.code }).from(ministries),
  ]);
  return { provinces: new Set(p.map((r) => r.code)), ministries: new Set(m.map((r) => r.code)) };
}
