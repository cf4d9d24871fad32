// The assessors' advice as a processing run reads it: one query for a chunk of agencies.
import { and, eq, inArray } from 'drizzle-orm';
import type { AdviceSnapshot } from '../../core/results/details.ts';
import type { DbOrTx } from '../../db/client.ts';
import { assessorAdvice } from '../../db/schema/index.ts';

/** Per agency with advice saved for the year, its entries and overall comment (absent: none saved). */
export async function adviceSnapshots(
  db: DbOrTx,
  year: number,
  agencyIds: readonly string[],
): Promise<Map<string, AdviceSnapshot>> {
  if (agencyIds.length === 0) return new Map();
  const rows = await db
    .select({
      agencyId: assessorAdvice.agencyId,
      entries: assessorAdvice.entries,
      overall: assessorAdvice.overall,
    })
    .from(assessorAdvice)
    .where(and(eq(assessorAdvice.year, year), inArray(assessorAdvice.agencyId, [...agencyIds])));
  return new Map(rows.map((r) => [r.agencyId, { entries: r.entries, overall: r.overall }]));
}
