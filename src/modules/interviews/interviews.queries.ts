// Read-only queries other modules may use (the EIT part-2 sample and interview tables are this module's).
import type { AnyColumn, SQL } from 'drizzle-orm';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { eit2Interviews, eit2Samples } from '../../db/schema/index.ts';

/**
 * A condition on another table's row that names an EIT part-2 sample or interview by id (`entityId`, text)
 * and agency: true when that sample or interview exists and its (agency, year) is one of `agencyYears`
 * (a subquery of (agency id, year) pairs).
 */
export function eit2EntityIn(
  kind: 'sample' | 'interview',
  entry: { entityId: AnyColumn; agencyId: AnyColumn },
  agencyYears: SQL,
): SQL {
  const t = kind === 'sample' ? eit2Samples : eit2Interviews;
  return sql`exists (select 1 from ${t} where ${t.id}::text = ${entry.entityId}
    and ${t.agencyId} = ${entry.agencyId} and (${t.agencyId}, ${t.year}) in ${agencyYears})`;
}

/** Whether the agency-year's EIT part-2 sample has been drawn (its contacts are then fixed). */
export async function sampleDrawn(db: DbOrTx, agencyId: string, year: number): Promise<boolean> {
  const rows = await db
    .select({ id: eit2Samples.id })
    .from(eit2Samples)
    .where(and(eq(eit2Samples.agencyId, agencyId), eq(eit2Samples.year, year)));
  return rows.length > 0;
}

/**
 * EIT part-2 interviews entered and waiting for the four-eyes review, by agency and interviewer, for
 * `agencyIds` (a subquery): who may review them is the authorization rule's (`eit2.review`), which needs who
 * entered them.
 */
export async function interviewsAwaitingReviewByInterviewerIn(
  db: DbOrTx,
  year: number,
  agencyIds: SQL,
): Promise<{ agencyId: string; interviewerId: string | null; n: number }[]> {
  return db
    .select({
      agencyId: eit2Interviews.agencyId,
      interviewerId: eit2Interviews.interviewerId,
      n: sql<number>`count(*)::int`.mapWith(Number),
    })
    .from(eit2Interviews)
    .where(
      and(
        eq(eit2Interviews.year, year),
        eq(eit2Interviews.status, 'entered'),
        inArray(eit2Interviews.agencyId, agencyIds),
      ),
    )
    .groupBy(eit2Interviews.agencyId, eit2Interviews.interviewerId);
}

/** EIT part-2 interviews entered and waiting for the four-eyes review, by agency, for `agencyIds` (a subquery). */
export async function interviewsAwaitingReviewIn(
  db: DbOrTx,
  year: number,
  agencyIds: SQL,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const r of await interviewsAwaitingReviewByInterviewerIn(db, year, agencyIds))
    out.set(r.agencyId, (out.get(r.agencyId) ?? 0) + r.n);
  return out;
}

/** The agencies of `agencyIds` (a subquery) whose EIT part-2 sample for the year has been drawn. */
export async function samplesDrawnIn(db: DbOrTx, year: number, agencyIds: SQL): Promise<Set<string>> {
  const rows = await db
    .select({ agencyId: eit2Samples.agencyId })
    .from(eit2Samples)
    .where(and(eq(eit2Samples.year, year), inArray(eit2Samples.agencyId, agencyIds)));
  return new Set(rows.map((r) => r.agencyId));
}
