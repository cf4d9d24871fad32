// Drizzle queries of OIT's own tables: the agency-year's review row, the item answers, scores and
// clarifications. Other modules' tables (agencies, accounts, assignments, calendar, evidence) are read
// through their index.ts.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { OitItemState } from '../../core/oit/states.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { oitAnswers, oitClarifications, oitReviews, oitScores } from '../../db/schema/index.ts';

export type ReviewRow = typeof oitReviews.$inferSelect;
export type AnswerRow = typeof oitAnswers.$inferSelect;
export type ScoreRow = typeof oitScores.$inferSelect;
export type ClarificationRow = typeof oitClarifications.$inferSelect;

export interface AgencyYear {
  agencyId: string;
  year: number;
}
export interface ItemKey extends AgencyYear {
  itemCode: string;
}

type YearTable = typeof oitAnswers | typeof oitScores | typeof oitClarifications | typeof oitReviews;
const yearOf = (t: YearTable, k: AgencyYear) => and(eq(t.agencyId, k.agencyId), eq(t.year, k.year));
const itemOf = (t: typeof oitAnswers | typeof oitScores | typeof oitClarifications, k: ItemKey) =>
  and(yearOf(t, k), eq(t.itemCode, k.itemCode));

// ── The review row: the agency-year's lock ─────────────────────────────────────────────────────────────
export async function selectReview(db: DbOrTx, k: AgencyYear): Promise<ReviewRow | null> {
  const [row] = await db.select().from(oitReviews).where(yearOf(oitReviews, k));
  return row ?? null;
}

/**
 * The review row, created on first use and locked until the transaction ends. Every write of the
 * agency-year's OIT takes this lock first (then the answer rows), so writes of one agency-year never
 * interleave and never wait on each other in opposite orders. The insert cannot race: a second inserter
 * waits on the first one's unique-index entry and then does nothing.
 */
export async function lockReview(tx: Tx, k: AgencyYear): Promise<ReviewRow> {
  await tx.insert(oitReviews).values(k).onConflictDoNothing();
  const [row] = await tx.select().from(oitReviews).where(yearOf(oitReviews, k)).for('update');
  if (!row) throw new Error('lockReview found no row');
  return row;
}

export async function updateReview(
  tx: Tx,
  k: AgencyYear,
  change: Partial<Omit<typeof oitReviews.$inferInsert, 'agencyId' | 'year'>>,
): Promise<ReviewRow> {
  const [row] = await tx.update(oitReviews).set(change).where(yearOf(oitReviews, k)).returning();
  if (!row) throw new Error('updateReview found no row');
  return row;
}

// ── Answers ────────────────────────────────────────────────────────────────────────────────────────────
/** Every answer row of the agency-year, by item code. */
export function selectAnswers(db: DbOrTx, k: AgencyYear): Promise<AnswerRow[]> {
  return db.select().from(oitAnswers).where(yearOf(oitAnswers, k)).orderBy(asc(oitAnswers.itemCode));
}

/** The URLs of an item's answer (null when the item has no answer). */
export async function selectAnswerUrls(db: DbOrTx, k: ItemKey): Promise<string[] | null> {
  const [row] = await db.select({ urls: oitAnswers.urls }).from(oitAnswers).where(itemOf(oitAnswers, k));
  return row?.urls ?? null;
}

/** The answer rows of the agency-year, locked until the transaction ends (after the review row). */
export function lockAnswers(tx: Tx, k: AgencyYear): Promise<AnswerRow[]> {
  return tx
    .select()
    .from(oitAnswers)
    .where(yearOf(oitAnswers, k))
    .orderBy(asc(oitAnswers.itemCode))
    .for('update');
}

type AnswerChange = Partial<Omit<typeof oitAnswers.$inferInsert, 'agencyId' | 'year' | 'itemCode'>>;

/** Inserts the item's row or changes the given fields of it. */
export async function upsertAnswer(tx: Tx, k: ItemKey, change: AnswerChange): Promise<AnswerRow> {
  const [row] = await tx
    .insert(oitAnswers)
    .values({ ...k, ...change })
    .onConflictDoUpdate({ target: [oitAnswers.agencyId, oitAnswers.year, oitAnswers.itemCode], set: change })
    .returning();
  if (!row) throw new Error('upsertAnswer returned no row');
  return row;
}

export async function updateAnswers(
  tx: Tx,
  k: AgencyYear,
  itemCodes: readonly string[],
  change: AnswerChange & { state?: OitItemState },
): Promise<void> {
  if (itemCodes.length === 0) return;
  await tx
    .update(oitAnswers)
    .set(change)
    .where(and(yearOf(oitAnswers, k), inArray(oitAnswers.itemCode, [...itemCodes])));
}

// ── Scores ─────────────────────────────────────────────────────────────────────────────────────────────
export function selectScores(db: DbOrTx, k: AgencyYear): Promise<ScoreRow[]> {
  return db.select().from(oitScores).where(yearOf(oitScores, k));
}

export async function selectScore(db: DbOrTx, k: ItemKey): Promise<ScoreRow | undefined> {
  const [row] = await db.select().from(oitScores).where(itemOf(oitScores, k));
  return row;
}

/** Items of the agency-year the assessor has scored (in `codes`), sorted. */
export async function scoredItems(db: DbOrTx, k: AgencyYear, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .select({ code: oitScores.itemCode })
    .from(oitScores)
    .where(and(yearOf(oitScores, k), inArray(oitScores.itemCode, [...codes])));
  return rows.map((r) => r.code).sort();
}

export async function upsertScore(db: DbOrTx, row: typeof oitScores.$inferInsert): Promise<ScoreRow> {
  const [saved] = await db
    .insert(oitScores)
    .values(row)
    .onConflictDoUpdate({
      target: [oitScores.agencyId, oitScores.year, oitScores.itemCode],
      set: {
        score: row.score,
        componentsFound: row.componentsFound,
        comment: row.comment,
        advice: row.advice,
        originalScore: row.originalScore,
        assessorId: row.assessorId,
        updatedAt: row.updatedAt,
      },
    })
    .returning();
  if (!saved) throw new Error('upsertScore returned no row');
  return saved;
}

// ── Clarifications ─────────────────────────────────────────────────────────────────────────────────────
export function selectClarifications(db: DbOrTx, k: AgencyYear): Promise<ClarificationRow[]> {
  return db.select().from(oitClarifications).where(yearOf(oitClarifications, k));
}

export async function selectClarification(db: DbOrTx, k: ItemKey): Promise<ClarificationRow | undefined> {
  const [row] = await db.select().from(oitClarifications).where(itemOf(oitClarifications, k));
  return row;
}

/** Inserts the item's clarification; undefined when one already exists (one per item). */
export async function insertClarification(db: DbOrTx, row: typeof oitClarifications.$inferInsert) {
  const [saved] = await db.insert(oitClarifications).values(row).onConflictDoNothing().returning();
  return saved;
}

/** Records the decision unless one was already made; undefined when it was. */
export async function decideClarification(
  db: DbOrTx,
  k: ItemKey,
  d: { decision: 'accepted' | 'rejected'; decisionReason: string | null; decidedBy: string; decidedAt: Date },
) {
  const [saved] = await db
    .update(oitClarifications)
    .set(d)
    .where(and(itemOf(oitClarifications, k), isNull(oitClarifications.decision)))
    .returning();
  return saved;
}
