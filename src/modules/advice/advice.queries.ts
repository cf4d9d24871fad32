// The assessors' advice as a processing run reads it: one query for a chunk of agencies.
import { type AnyColumn, and, eq, inArray, type SQL, sql } from 'drizzle-orm';
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

/** The audit entity id of an agency-year's advice. */
export const adviceEntityId = (agencyId: string, year: number) => `${agencyId}:${year}`;

/**
 * Audit entries of the advice of an agency-year in `agencyYears` (a subquery of (agency id, year) pairs: the
 * assessor's assignments), as SQL for the audit log's visibility rule.
 */
export function adviceEntityIn(entry: { entityId: AnyColumn; agencyId: AnyColumn }, agencyYears: SQL): SQL {
  const a = assessorAdvice;
  return sql`exists (select 1 from ${a} where ${a.agencyId}::text || ':' || ${a.year}::text = ${entry.entityId}
    and ${a.agencyId} = ${entry.agencyId} and (${a.agencyId}, ${a.year}) in ${agencyYears})`;
}
