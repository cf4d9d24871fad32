// Agencies by their registry code, for modules that import files naming agencies by code (past results).
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { agencies } from '../../db/schema/index.ts';

/** Registry code → agency id for the given codes (exact match; unknown codes are absent). One query. */
export async function agencyIdsByCodes(db: DbOrTx, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ id: agencies.id, code: agencies.code })
    .from(agencies)
    .where(inArray(agencies.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, r.id]));
}
