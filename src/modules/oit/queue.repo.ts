// Drizzle queries of the assessor's queue over OIT's own tables, for one page of agencies at once: their
// review status (a condition for the agency page, and the status of each), item states, scores and
// clarifications.
import { type AnyColumn, and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { OitReviewStatus } from '../../core/oit/states.ts';
import type { DbOrTx } from '../../db/client.ts';
import { oitAnswers, oitClarifications, oitReviews, oitScores } from '../../db/schema/index.ts';

/**
 * The condition "the agency's review of the year has this status" over an agency id column: an agency with
 * no review row yet is answering.
 */
export const reviewStatusIs =
  (year: number, status: OitReviewStatus) =>
  (agencyId: AnyColumn): SQL =>
    sql`coalesce((select ${oitReviews.status} from ${oitReviews} where ${oitReviews.agencyId} = ${agencyId} and ${oitReviews.year} = ${year}), 'answering') = ${status}`;

/** The stored review status of each agency that has a review row for the year. */
export async function reviewStatusesOf(db: DbOrTx, agencyIds: string[], year: number) {
  if (agencyIds.length === 0) return new Map<string, OitReviewStatus>();
  const rows = await db
    .select({ agencyId: oitReviews.agencyId, status: oitReviews.status })
    .from(oitReviews)
    .where(and(inArray(oitReviews.agencyId, agencyIds), eq(oitReviews.year, year)));
  return new Map(rows.map((r) => [r.agencyId, r.status]));
}

export function answerStatesOf(db: DbOrTx, agencyIds: string[], year: number) {
  if (agencyIds.length === 0) return Promise.resolve([]);
  return db
    .select({ agencyId: oitAnswers.agencyId, itemCode: oitAnswers.itemCode, state: oitAnswers.state })
    .from(oitAnswers)
    .where(and(inArray(oitAnswers.agencyId, agencyIds), eq(oitAnswers.year, year)));
}

export function scoredItemsOf(db: DbOrTx, agencyIds: string[], year: number) {
  if (agencyIds.length === 0) return Promise.resolve([]);
  return db
    .select({ agencyId: oitScores.agencyId, itemCode: oitScores.itemCode })
    .from(oitScores)
    .where(and(inArray(oitScores.agencyId, agencyIds), eq(oitScores.year, year)));
}

export function clarificationStatesOf(db: DbOrTx, agencyIds: string[], year: number) {
  if (agencyIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      agencyId: oitClarifications.agencyId,
      itemCode: oitClarifications.itemCode,
      decision: oitClarifications.decision,
    })
    .from(oitClarifications)
    .where(and(inArray(oitClarifications.agencyId, agencyIds), eq(oitClarifications.year, year)));
}
