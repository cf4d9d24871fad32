// Read-only queries other modules may use (the OIT tables are this module's): batched by keys.
import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { OitReviewStatus } from '../../core/oit/states.ts';
import type { DbOrTx } from '../../db/client.ts';
import { inIdsOf } from '../../db/id-set.ts';
import { oitAnswers, oitClarifications, oitReviews, oitScores } from '../../db/schema/index.ts';

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

/** Where the OIT of one agency-year stands, item by item (monitoring and to-do lists). */
export interface OitCounts {
  /** Items with an answer (has or has not). */
  answered: number;
  /** Items sent to the executive and waiting for approval. */
  submitted: number;
  /** Items the executive returned for changes. */
  returned: number;
  /** Items approved by the executive (and every state after). */
  approved: number;
  scored: number;
  /** Items the assessors first scored 0 (the ones the agency may clarify). */
  scoredZero: number;
  clarified: number;
  /** Clarifications the assessors have decided. */
  decided: number;
  confirmed: number;
}

export const NO_OIT_COUNTS: OitCounts = {
  answered: 0,
  submitted: 0,
  returned: 0,
  approved: 0,
  scored: 0,
  scoredZero: 0,
  clarified: 0,
  decided: 0,
  confirmed: 0,
};

const n = (expr: SQL) => sql<number>`(count(*) filter (where ${expr}))::int`.mapWith(Number);

/** The OIT counts of the agencies in `agencyIds` (a subquery) for the year: three grouped queries. */
export async function oitCountsIn(db: DbOrTx, year: number, agencyIds: SQL): Promise<Map<string, OitCounts>> {
  const [answers, scores, clarifications] = await Promise.all([
    db
      .select({
        agencyId: oitAnswers.agencyId,
        answered: n(sql`${oitAnswers.has} is not null`),
        submitted: n(sql`${oitAnswers.state} = 'submitted'`),
        returned: n(sql`${oitAnswers.state} = 'returned'`),
        approved: n(sql`${oitAnswers.state} in ('approved', 'assessed', 'disputed', 'confirmed')`),
        confirmed: n(sql`${oitAnswers.state} = 'confirmed'`),
      })
      .from(oitAnswers)
      .where(and(eq(oitAnswers.year, year), inIdsOf(oitAnswers.agencyId, agencyIds)))
      .groupBy(oitAnswers.agencyId),
    db
      .select({
        agencyId: oitScores.agencyId,
        scored: sql<number>`count(*)::int`.mapWith(Number),
        scoredZero: n(sql`coalesce(${oitScores.originalScore}, ${oitScores.score}) = 0`),
      })
      .from(oitScores)
      .where(and(eq(oitScores.year, year), inIdsOf(oitScores.agencyId, agencyIds)))
      .groupBy(oitScores.agencyId),
    db
      .select({
        agencyId: oitClarifications.agencyId,
        clarified: sql<number>`count(*)::int`.mapWith(Number),
        decided: n(sql`${oitClarifications.decision} is not null`),
      })
      .from(oitClarifications)
      .where(and(eq(oitClarifications.year, year), inIdsOf(oitClarifications.agencyId, agencyIds)))
      .groupBy(oitClarifications.agencyId),
  ]);
  const out = new Map<string, OitCounts>();
  const at = (id: string) => {
    const c = out.get(id) ?? { ...NO_OIT_COUNTS };
    out.set(id, c);
    return c;
  };
  for (const { agencyId, ...c } of answers) Object.assign(at(agencyId), c);
  for (const { agencyId, ...c } of scores) Object.assign(at(agencyId), c);
  for (const { agencyId, ...c } of clarifications) Object.assign(at(agencyId), c);
  return out;
}
