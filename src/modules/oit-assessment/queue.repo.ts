// Drizzle queries of the assessor's queue: the agencies of a year (an assessor's, or all for admins) with
// their OIT status, then for one page at once: item counts, assessors and stage extensions.
import { and, asc, eq, exists, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  agencies,
  assessorAssignments,
  oitAnswers,
  oitClarifications,
  oitReviews,
  oitScores,
  participations,
  stageExtensions,
  users,
} from '../../db/schema/index.ts';

export interface QueueFilter {
  /** The actor's agencies (agencyScopeCondition): always a condition, never "no restriction". */
  scope: SQL;
  assessorId?: string | undefined;
  provinceCode?: string;
  status?: string;
  page: number;
  pageSize: number;
}

const status = sql<string>`coalesce(${oitReviews.status}, 'answering')`;

export async function queuePage(db: DbOrTx, year: number, f: QueueFilter) {
  const where = and(
    eq(participations.year, year),
    f.scope,
    f.assessorId
      ? exists(
          db
            .select({ one: sql`1` })
            .from(assessorAssignments)
            .where(
              and(
                eq(assessorAssignments.agencyId, agencies.id),
                eq(assessorAssignments.year, year),
                eq(assessorAssignments.userId, f.assessorId),
              ),
            ),
        )
      : undefined,
    f.provinceCode ? eq(agencies.provinceCode, f.provinceCode) : undefined,
    f.status ? sql`${status} = ${f.status}` : undefined,
  );
  const from = () =>
    db
      .select({
        id: agencies.id,
        code: agencies.code,
        nameTh: agencies.nameTh,
        nameEn: agencies.nameEn,
        type: agencies.type,
        provinceCode: agencies.provinceCode,
        status,
      })
      .from(agencies)
      .innerJoin(participations, eq(participations.agencyId, agencies.id))
      .leftJoin(oitReviews, and(eq(oitReviews.agencyId, agencies.id), eq(oitReviews.year, year)));
  const rows = await from()
    .where(where)
    .orderBy(asc(agencies.code))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(agencies)
    .innerJoin(participations, eq(participations.agencyId, agencies.id))
    .leftJoin(oitReviews, and(eq(oitReviews.agencyId, agencies.id), eq(oitReviews.year, year)))
    .where(where);
  return { rows, total: count?.n ?? 0 };
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

export function assessorsOfAgencies(db: DbOrTx, agencyIds: string[], year: number) {
  if (agencyIds.length === 0) return Promise.resolve([]);
  return db
    .select({ agencyId: assessorAssignments.agencyId, id: users.id, displayName: users.displayName })
    .from(assessorAssignments)
    .innerJoin(users, eq(users.id, assessorAssignments.userId))
    .where(and(inArray(assessorAssignments.agencyId, agencyIds), eq(assessorAssignments.year, year)))
    .orderBy(asc(users.displayName));
}

/** The per-agency stage extensions of the page's agencies (the calendar module's table, read in bulk). */
export function extensionsOf(db: DbOrTx, agencyIds: string[], year: number) {
  if (agencyIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      agencyId: stageExtensions.agencyId,
      stage: stageExtensions.stage,
      endsOn: stageExtensions.endsOn,
    })
    .from(stageExtensions)
    .where(and(inArray(stageExtensions.agencyId, agencyIds), eq(stageExtensions.year, year)));
}
