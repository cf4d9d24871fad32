import { and, asc, count, eq, exists, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { agencies, assessorAssignments, participations, provinces, users } from '../../db/schema/index.ts';

export async function agencyTotals(db: DbOrTx) {
  const [row] = await db
    .select({ total: count(), active: sql<number>`count(*) filter (where ${agencies.active})::int` })
    .from(agencies);
  return { total: Number(row?.total ?? 0), active: Number(row?.active ?? 0) };
}

export async function userTotals(db: DbOrTx) {
  const [row] = await db
    .select({ total: count(), active: sql<number>`count(*) filter (where ${users.active})::int` })
    .from(users);
  return { total: Number(row?.total ?? 0), active: Number(row?.active ?? 0) };
}

/** Agencies assigned to an assessor for one fiscal year (their dashboard is about that year's work). */
export const assignedForYear = (db: DbOrTx, userId: string, year: number): SQL =>
  exists(
    db
      .select({ one: sql`1` })
      .from(assessorAssignments)
      .where(
        and(
          eq(assessorAssignments.userId, userId),
          eq(assessorAssignments.agencyId, agencies.id),
          eq(assessorAssignments.year, year),
        ),
      ),
  );

/** Agencies in scope with their participation in `year`; those still to register first. */
export function selectScopedAgencies(db: DbOrTx, scope: SQL, year: number | null, limit: number) {
  return db
    .select({ agency: agencies, province: provinces, participation: participations })
    .from(agencies)
    .leftJoin(provinces, eq(provinces.code, agencies.provinceCode))
    .leftJoin(
      participations,
      year === null
        ? sql`false`
        : and(eq(participations.agencyId, agencies.id), eq(participations.year, year)),
    )
    .where(and(scope, eq(agencies.active, true)))
    .orderBy(sql`${participations.registered} nulls first`, asc(agencies.nameTh), asc(agencies.code))
    .limit(limit);
}
