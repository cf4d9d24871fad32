// Agencies by their registry code: for modules that import files naming agencies by code (past results)
// and for files that name agencies by code (the microdata export).
import { asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { agencies, participations } from '../../db/schema/index.ts';

/** Registry code → agency id for the given codes (exact match; unknown codes are absent). One query. */
export async function agencyIdsByCodes(db: DbOrTx, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ id: agencies.id, code: agencies.code })
    .from(agencies)
    .where(inArray(agencies.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** The agencies taking part in the year (a participation row, active or not), by code: id and code. */
export async function participantCodes(db: DbOrTx, year: number): Promise<{ id: string; code: string }[]> {
  return db
    .select({ id: agencies.id, code: agencies.code })
    .from(agencies)
    .innerJoin(participations, eq(participations.agencyId, agencies.id))
    .where(eq(participations.year, year))
    .orderBy(asc(agencies.code));
}

/** Every agency's id and code as a subquery with no bind parameters (it may go into a COPY statement). */
export function agencyCodeSource(): SQL {
  return sql`(select ${agencies.id} as id, ${agencies.code} as code from ${agencies})`;
}
