// Drizzle queries of the agency side of OIT: answers, the agency-level review row and the accounts items may
// be delegated to.
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { oitAnswers, oitReviews, oitScores, users } from '../../db/schema/index.ts';

export type AnswerRow = typeof oitAnswers.$inferSelect;
export type ReviewRow = typeof oitReviews.$inferSelect;
export interface AgencyYear {
  agencyId: string;
  year: number;
}

const answersOf = (k: AgencyYear) => and(eq(oitAnswers.agencyId, k.agencyId), eq(oitAnswers.year, k.year));
const reviewOf = (k: AgencyYear) => and(eq(oitReviews.agencyId, k.agencyId), eq(oitReviews.year, k.year));

export function selectAnswers(db: DbOrTx, k: AgencyYear): Promise<AnswerRow[]> {
  return db.select().from(oitAnswers).where(answersOf(k));
}

/** The answers of the agency-year, locked until the transaction ends. */
export function lockAnswers(tx: Tx, k: AgencyYear): Promise<AnswerRow[]> {
  return tx.select().from(oitAnswers).where(answersOf(k)).for('update');
}

export async function selectAnswer(db: DbOrTx, k: AgencyYear, itemCode: string): Promise<AnswerRow | null> {
  const [row] = await db
    .select()
    .from(oitAnswers)
    .where(and(answersOf(k), eq(oitAnswers.itemCode, itemCode)));
  return row ?? null;
}

type AnswerChange = Partial<Omit<typeof oitAnswers.$inferInsert, 'agencyId' | 'year' | 'itemCode'>>;

/** Inserts the item's row or changes the given fields of it. */
export async function upsertAnswer(
  tx: Tx,
  k: AgencyYear & { itemCode: string },
  change: AnswerChange,
): Promise<AnswerRow> {
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
  change: AnswerChange,
): Promise<void> {
  if (itemCodes.length === 0) return;
  await tx
    .update(oitAnswers)
    .set(change)
    .where(and(answersOf(k), inArray(oitAnswers.itemCode, [...itemCodes])));
}

export async function selectReview(db: DbOrTx, k: AgencyYear): Promise<ReviewRow | null> {
  const [row] = await db.select().from(oitReviews).where(reviewOf(k));
  return row ?? null;
}

/**
 * The review row, created on first use and locked until the transaction ends. Every change of the
 * agency-year's OIT takes this lock first, so changes of one agency-year never interleave.
 */
export async function lockReview(tx: Tx, k: AgencyYear): Promise<ReviewRow> {
  await tx.insert(oitReviews).values(k).onConflictDoNothing();
  const [row] = await tx.select().from(oitReviews).where(reviewOf(k)).for('update');
  if (!row) throw new Error('lockReview found no row');
  return row;
}

export async function updateReview(
  tx: Tx,
  k: AgencyYear,
  change: Partial<Omit<typeof oitReviews.$inferInsert, 'agencyId' | 'year'>>,
): Promise<ReviewRow> {
  const [row] = await tx.update(oitReviews).set(change).where(reviewOf(k)).returning();
  if (!row) throw new Error('updateReview found no row');
  return row;
}

export interface PersonRow {
  id: string;
  displayName: string;
  role: string;
  agencyId: string | null;
  active: boolean;
}

export async function selectPeople(db: DbOrTx, ids: readonly string[]): Promise<PersonRow[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      role: users.role,
      agencyId: users.agencyId,
      active: users.active,
    })
    .from(users)
    .where(inArray(users.id, unique));
}

/** Active staff and admin accounts of the agency: whom its items may be delegated to. */
export function selectAssignees(db: DbOrTx, agencyId: string) {
  return db
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(
      and(
        eq(users.agencyId, agencyId),
        eq(users.active, true),
        inArray(users.role, ['agency_admin', 'agency_staff']),
      ),
    )
    .orderBy(users.displayName);
}

/** Items of the agency-year the assessor has scored (in `codes`). */
export async function scoredItems(db: DbOrTx, key: { agencyId: string; year: number }, codes: string[]) {
  if (codes.length === 0) return [];
  const rows = await db
    .select({ code: oitScores.itemCode })
    .from(oitScores)
    .where(
      and(
        eq(oitScores.agencyId, key.agencyId),
        eq(oitScores.year, key.year),
        inArray(oitScores.itemCode, codes),
      ),
    );
  return rows.map((r) => r.code).sort();
}
