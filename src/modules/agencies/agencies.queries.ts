// Read-only queries other modules may use (the agencies and participations tables are this module's):
// batched by ids, so a list never asks once per row.
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { agencies } from '../../db/schema/index.ts';

export interface AgencyName {
  id: string;
  code: string;
  nameTh: string;
  nameEn: string | null;
  website: string | null;
}

/** The names (and websites) of the given agencies, by id (unknown ids are absent). One query. */
export async function agencyNamesByIds(db: DbOrTx, ids: readonly string[]): Promise<Map<string, AgencyName>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: agencies.id,
      code: agencies.code,
      nameTh: agencies.nameTh,
      nameEn: agencies.nameEn,
      website: agencies.website,
    })
    .from(agencies)
    .where(inArray(agencies.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}
