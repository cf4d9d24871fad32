// The OIT item scores the processing run (src/modules/results) uses: those of confirmed reviews only. A
// review that is not confirmed (or was reopened) gives no scores, and the OIT is "not answered as required".
import { and, eq, inArray } from 'drizzle-orm';
import type { OitItemDetail } from '../../core/results/details.ts';
import type { DbOrTx } from '../../db/client.ts';
import { oitReviews, oitScores } from '../../db/schema/index.ts';

/** Per agency whose review is confirmed, its item scores (an agency absent from the map is not confirmed). */
export async function confirmedOitScores(
  db: DbOrTx,
  year: number,
  agencyIds: readonly string[],
): Promise<Map<string, Record<string, number>>> {
  if (agencyIds.length === 0) return new Map();
  const confirmed = await db
    .select({ agencyId: oitReviews.agencyId })
    .from(oitReviews)
    .where(
      and(
        eq(oitReviews.year, year),
        eq(oitReviews.status, 'confirmed'),
        inArray(oitReviews.agencyId, [...agencyIds]),
      ),
    );
  const out = new Map<string, Record<string, number>>(confirmed.map((r) => [r.agencyId, {}]));
  if (out.size === 0) return out;
  const scores = await db
    .select({ agencyId: oitScores.agencyId, itemCode: oitScores.itemCode, score: oitScores.score })
    .from(oitScores)
    .where(and(eq(oitScores.year, year), inArray(oitScores.agencyId, [...out.keys()])));
  for (const s of scores) {
    const own = out.get(s.agencyId);
    if (own) own[s.itemCode] = s.score;
  }
  return out;
}

/**
 * Per agency whose review is confirmed, each scored item's verdict as the report shows it (components found,
 * comment, advice): one query for a chunk of agencies, what a processing run snapshots with its result.
 */
export async function confirmedOitDetails(
  db: DbOrTx,
  year: number,
  agencyIds: readonly string[],
): Promise<Map<string, Record<string, OitItemDetail>>> {
  if (agencyIds.length === 0) return new Map();
  const rows = await db
    .select({
      agencyId: oitScores.agencyId,
      itemCode: oitScores.itemCode,
      score: oitScores.score,
      componentsFound: oitScores.componentsFound,
      comment: oitScores.comment,
      advice: oitScores.advice,
    })
    .from(oitScores)
    .innerJoin(
      oitReviews,
      and(eq(oitReviews.agencyId, oitScores.agencyId), eq(oitReviews.year, oitScores.year)),
    )
    .where(
      and(
        eq(oitScores.year, year),
        eq(oitReviews.status, 'confirmed'),
        inArray(oitScores.agencyId, [...agencyIds]),
      ),
    );
  const out = new Map<string, Record<string, OitItemDetail>>();
  for (const r of rows) {
    const own = out.get(r.agencyId) ?? {};
    out.set(r.agencyId, own);
    own[r.itemCode] = {
      score: r.score,
      componentsFound: [...r.componentsFound].sort((a, b) => a - b),
      comment: r.comment,
      advice: r.advice,
    };
  }
  return out;
}
