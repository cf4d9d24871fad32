// The quality reviews' decisions on responses (response_reviews): whether a response counts is a property
// of the response, so its storage is this module's and every count here leaves out the excluded ones. The
// quality module decides (authorization, flags, audit) and reads and writes through these functions:
// responses with their decisions, peers' answers, day counts, breakdowns.
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { responseReviews, surveyResponses } from '../../db/schema/index.ts';

const notExcluded = sql`coalesce(${responseReviews.decision}, 'keep') <> 'exclude'`;

export type ReviewRow = typeof responseReviews.$inferSelect;

export interface ResponseForReview {
  id: string;
  instrument: string;
  answers: unknown;
  durationBand: number | null;
  submittedOn: string;
  channel: string;
  review: ReviewRow | null;
}

/** Every response of the agency in the year, with its decision if any, oldest day first. */
export async function responsesForReview(
  db: DbOrTx,
  agencyId: string,
  year: number,
): Promise<ResponseForReview[]> {
  const rows = await db
    .select({ r: surveyResponses, review: responseReviews })
    .from(surveyResponses)
    .leftJoin(responseReviews, eq(responseReviews.responseId, surveyResponses.id))
    .where(and(eq(surveyResponses.agencyId, agencyId), eq(surveyResponses.year, year)))
    .orderBy(surveyResponses.submittedOn, surveyResponses.id);
  return rows.map(({ r, review }) => ({
    id: r.id,
    instrument: r.instrument,
    answers: r.answers,
    durationBand: r.durationBand,
    submittedOn: r.submittedOn,
    channel: r.channel,
    review,
  }));
}

/** What the quality flags of one response are worked out from, with whether it has a decision. */
export interface ResponseToFlag {
  agencyId: string;
  instrument: string;
  answers: unknown;
  durationBand: number | null;
  decided: boolean;
}

/**
 * Every response of the given agencies in the year (the work-waiting list of the quality page), in one
 * query, grouped by agency and instrument in the caller; the same rows as `responsesForReview`.
 */
export async function responsesToFlag(
  db: DbOrTx,
  year: number,
  agencyIds: readonly string[],
): Promise<ResponseToFlag[]> {
  if (agencyIds.length === 0) return [];
  return db
    .select({
      agencyId: surveyResponses.agencyId,
      instrument: surveyResponses.instrument,
      answers: surveyResponses.answers,
      durationBand: surveyResponses.durationBand,
      decided: sql<boolean>`${responseReviews.responseId} is not null`,
    })
    .from(surveyResponses)
    .leftJoin(responseReviews, eq(responseReviews.responseId, surveyResponses.id))
    .where(and(inArray(surveyResponses.agencyId, [...agencyIds]), eq(surveyResponses.year, year)))
    .orderBy(surveyResponses.agencyId, surveyResponses.submittedOn, surveyResponses.id);
}

/**
 * For a query over agencies (the agencies module's `peerAgencies`): the agency has released responses to
 * the instrument in the year.
 */
export const hasResponsesTo = (agencyId: SQL, year: number, instrument: string): SQL =>
  sql`exists (select 1 from ${surveyResponses} where ${surveyResponses.agencyId} = ${agencyId}
    and ${surveyResponses.year} = ${year} and ${surveyResponses.instrument} = ${instrument})`;

/** Counted answers of the given agencies for one instrument, in one query. */
export async function countedAnswersOf(
  db: DbOrTx,
  agencyIds: readonly string[],
  year: number,
  instrument: string,
): Promise<{ agencyId: string; answers: unknown }[]> {
  if (agencyIds.length === 0) return [];
  return db
    .select({ agencyId: surveyResponses.agencyId, answers: surveyResponses.answers })
    .from(surveyResponses)
    .leftJoin(responseReviews, eq(responseReviews.responseId, surveyResponses.id))
    .where(
      and(
        inArray(surveyResponses.agencyId, [...agencyIds]),
        eq(surveyResponses.year, year),
        eq(surveyResponses.instrument, instrument),
        notExcluded,
      ),
    );
}

export type BreakdownDimension = 'day' | 'channel' | 'instrument';

/** Counted responses of the agency per group, in key order. */
export async function countedBy(
  db: DbOrTx,
  agencyId: string,
  year: number,
  by: BreakdownDimension,
): Promise<{ key: string; count: number }[]> {
  const column = {
    day: sql<string>`${surveyResponses.submittedOn}::text`,
    channel: sql<string>`${surveyResponses.channel}`,
    instrument: sql<string>`${surveyResponses.instrument}`,
  }[by];
  const rows = await db
    .select({ key: column, count: sql<number>`count(*)::int` })
    .from(surveyResponses)
    .leftJoin(responseReviews, eq(responseReviews.responseId, surveyResponses.id))
    .where(and(eq(surveyResponses.agencyId, agencyId), eq(surveyResponses.year, year), notExcluded))
    .groupBy(column)
    .orderBy(column);
  return rows;
}

export async function selectResponseRef(
  db: DbOrTx,
  responseId: string,
): Promise<{ id: string; agencyId: string; year: number; instrument: string } | undefined> {
  const [row] = await db
    .select({
      id: surveyResponses.id,
      agencyId: surveyResponses.agencyId,
      year: surveyResponses.year,
      instrument: surveyResponses.instrument,
    })
    .from(surveyResponses)
    .where(eq(surveyResponses.id, responseId));
  return row;
}

/** The agency and year of many responses at once (unknown ids are absent from the answer). */
export async function selectResponseRefs(
  db: DbOrTx,
  responseIds: readonly string[],
): Promise<{ id: string; agencyId: string; year: number; instrument: string }[]> {
  if (responseIds.length === 0) return [];
  return db
    .select({
      id: surveyResponses.id,
      agencyId: surveyResponses.agencyId,
      year: surveyResponses.year,
      instrument: surveyResponses.instrument,
    })
    .from(surveyResponses)
    .where(inArray(surveyResponses.id, [...responseIds]));
}

export async function selectReview(db: DbOrTx, responseId: string): Promise<ReviewRow | undefined> {
  const [row] = await db.select().from(responseReviews).where(eq(responseReviews.responseId, responseId));
  return row;
}

export async function upsertReview(
  db: DbOrTx,
  values: {
    responseId: string;
    decision: 'keep' | 'exclude';
    reason: string | null;
    decidedBy: string;
    decidedAt: Date;
  },
): Promise<ReviewRow> {
  const { responseId, ...rest } = values;
  const [row] = await db
    .insert(responseReviews)
    .values(values)
    .onConflictDoUpdate({ target: responseReviews.responseId, set: rest })
    .returning();
  return row as ReviewRow;
}

export async function deleteReview(db: DbOrTx, responseId: string): Promise<void> {
  await db.delete(responseReviews).where(eq(responseReviews.responseId, responseId));
}
