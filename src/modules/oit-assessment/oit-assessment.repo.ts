// Drizzle queries of the OIT assessment: assignments, the agency-year's review, answers, scores and
// clarifications (evidence comes from the evidence module).
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { OitItemState, OitReviewStatus } from '../../core/oit/states.ts';
import type { DbOrTx } from '../../db/client.ts';
import {
  agencies,
  assessorAssignments,
  oitAnswers,
  oitClarifications,
  oitReviews,
  oitScores,
  participations,
  users,
} from '../../db/schema/index.ts';

export type ReviewRow = typeof oitReviews.$inferSelect;
export type AnswerRow = typeof oitAnswers.$inferSelect;
export type ScoreRow = typeof oitScores.$inferSelect;
export type ClarificationRow = typeof oitClarifications.$inferSelect;
export interface ItemKey {
  agencyId: string;
  year: number;
  itemCode: string;
}

const itemWhere = <T extends typeof oitAnswers | typeof oitScores | typeof oitClarifications>(
  t: T,
  k: ItemKey,
) => and(eq(t.agencyId, k.agencyId), eq(t.year, k.year), eq(t.itemCode, k.itemCode));

// ── Assignments ────────────────────────────────────────────────────────────────────────────────────────
export async function assessorsFor(db: DbOrTx, agencyId: string, year: number): Promise<string[]> {
  const rows = await db
    .select({ userId: assessorAssignments.userId })
    .from(assessorAssignments)
    .where(and(eq(assessorAssignments.agencyId, agencyId), eq(assessorAssignments.year, year)));
  return rows.map((r) => r.userId);
}

export async function userRoleOf(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ role: users.role, active: users.active })
    .from(users)
    .where(eq(users.id, id));
  return row;
}

export async function existingAgencyIds(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, ids));
  return new Set(rows.map((r) => r.id));
}

/** Active agencies taking part in the year (a participation row), narrowed by a filter or an id list. */
export async function participatingAgencyIds(
  db: DbOrTx,
  year: number,
  by: { provinceCode?: string; agencyType?: string; ministryCode?: string; agencyIds?: string[] },
): Promise<string[]> {
  const rows = await db
    .select({ id: agencies.id })
    .from(agencies)
    .innerJoin(participations, eq(participations.agencyId, agencies.id))
    .where(
      and(
        eq(participations.year, year),
        eq(agencies.active, true),
        by.provinceCode ? eq(agencies.provinceCode, by.provinceCode) : undefined,
        by.agencyType ? eq(agencies.type, by.agencyType) : undefined,
        by.ministryCode ? eq(agencies.ministryCode, by.ministryCode) : undefined,
        by.agencyIds ? inArray(agencies.id, by.agencyIds) : undefined,
      ),
    )
    .orderBy(asc(agencies.code));
  return rows.map((r) => r.id);
}

// ── One agency-year ────────────────────────────────────────────────────────────────────────────────────
export async function participationExists(db: DbOrTx, agencyId: string, year: number): Promise<boolean> {
  const rows = await db
    .select({ year: participations.year })
    .from(participations)
    .where(and(eq(participations.agencyId, agencyId), eq(participations.year, year)));
  return rows.length > 0;
}

export async function reviewOf(db: DbOrTx, agencyId: string, year: number): Promise<ReviewRow | undefined> {
  const [row] = await db
    .select()
    .from(oitReviews)
    .where(and(eq(oitReviews.agencyId, agencyId), eq(oitReviews.year, year)));
  return row;
}

/** Every answer row of the agency-year; `lock` holds them until the transaction ends (writes). */
export async function answersOf(
  db: DbOrTx,
  agencyId: string,
  year: number,
  opts: { lock?: boolean } = {},
): Promise<AnswerRow[]> {
  const q = db
    .select()
    .from(oitAnswers)
    .where(and(eq(oitAnswers.agencyId, agencyId), eq(oitAnswers.year, year)))
    .orderBy(asc(oitAnswers.itemCode));
  return opts.lock ? q.for('update') : q;
}

export async function answerOf(db: DbOrTx, k: ItemKey, opts: { lock?: boolean } = {}) {
  const q = db.select().from(oitAnswers).where(itemWhere(oitAnswers, k));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row;
}

export function scoresOf(db: DbOrTx, agencyId: string, year: number): Promise<ScoreRow[]> {
  return db
    .select()
    .from(oitScores)
    .where(and(eq(oitScores.agencyId, agencyId), eq(oitScores.year, year)));
}

export async function scoreOf(db: DbOrTx, k: ItemKey): Promise<ScoreRow | undefined> {
  const [row] = await db.select().from(oitScores).where(itemWhere(oitScores, k));
  return row;
}

export function clarificationsOf(db: DbOrTx, agencyId: string, year: number): Promise<ClarificationRow[]> {
  return db
    .select()
    .from(oitClarifications)
    .where(and(eq(oitClarifications.agencyId, agencyId), eq(oitClarifications.year, year)));
}

export async function clarificationOf(db: DbOrTx, k: ItemKey): Promise<ClarificationRow | undefined> {
  const [row] = await db.select().from(oitClarifications).where(itemWhere(oitClarifications, k));
  return row;
}

export async function peopleByIds(db: DbOrTx, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

// ── Writes ─────────────────────────────────────────────────────────────────────────────────────────────
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
  return saved as ScoreRow;
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
  d: { decision: string; decisionReason: string | null; decidedBy: string; decidedAt: Date },
) {
  const [saved] = await db
    .update(oitClarifications)
    .set(d)
    .where(and(itemWhere(oitClarifications, k), isNull(oitClarifications.decision)))
    .returning();
  return saved;
}

export async function setItemStates(
  db: DbOrTx,
  agencyId: string,
  year: number,
  codes: string[],
  state: OitItemState,
  now: Date,
) {
  if (codes.length === 0) return;
  await db
    .update(oitAnswers)
    .set({ state, updatedAt: now })
    .where(
      and(eq(oitAnswers.agencyId, agencyId), eq(oitAnswers.year, year), inArray(oitAnswers.itemCode, codes)),
    );
}

type ReviewFields = Partial<Omit<typeof oitReviews.$inferInsert, 'agencyId' | 'year' | 'status'>>;

/** Writes the agency-level status (and any who/when fields), creating the row if the agency has none. */
export async function saveReview(
  db: DbOrTx,
  key: { agencyId: string; year: number },
  status: OitReviewStatus,
  fields: ReviewFields,
  now: Date,
) {
  await db
    .insert(oitReviews)
    .values({ ...key, status, ...fields, updatedAt: now })
    .onConflictDoUpdate({
      target: [oitReviews.agencyId, oitReviews.year],
      set: { status, ...fields, updatedAt: now },
    });
}
