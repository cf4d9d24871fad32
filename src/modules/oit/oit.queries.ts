// Read-only queries other modules may use (the OIT tables are this module's): batched by keys.
import { and, eq, or } from 'drizzle-orm';
import type { OitReviewStatus } from '../../core/oit/states.ts';
import type { DbOrTx } from '../../db/client.ts';
import { oitReviews } from '../../db/schema/index.ts';

/** The status of the OIT assessments of these agency-years, by "agencyId:year" (absent: still answering). */
export async function oitStatuses(
  db: DbOrTx,
  keys: readonly { agencyId: string; year: number }[],
): Promise<Map<string, OitReviewStatus>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .select({ agencyId: oitReviews.agencyId, year: oitReviews.year, status: oitReviews.status })
    .from(oitReviews)
    .where(or(...keys.map((k) => and(eq(oitReviews.agencyId, k.agencyId), eq(oitReviews.year, k.year)))));
  return new Map(rows.map((r) => [`${r.agencyId}:${r.year}`, r.status]));
}
