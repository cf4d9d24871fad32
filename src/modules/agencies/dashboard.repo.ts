import { and, asc, count, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { agencies, participations } from '../../db/schema/index.ts';
import { agencyIdsAssignedTo } from '../users/index.ts';
import { withProvinces } from './agencies.repo.ts';

export async function agencyTotals(db: DbOrTx) {
  const [row] = await db
    .select({ total: count(), active: sql<number>`count(*) filter (where ${agencies.active})::int` })
    .from(agencies);
  return { total: Number(row?.total ?? 0), active: Number(row?.active ?? 0) };
}

/** Agencies assigned to an assessor for one fiscal year (their dashboard is about that year's work). */
export const assignedForYear = (userId: string, year: number): SQL =>
  inArray(agencies.id, agencyIdsAssignedTo(userId, year));

/** Agencies in scope with their participation in `year`; those still to register first. */
export async function selectScopedAgencies(db: DbOrTx, scope: SQL, year: number | null, limit: number) {
  const rows = await db
    .select({ agency: agencies, participation: participations })
    .from(agencies)
    .leftJoin(
      participations,
      year === null
        ? sql`false`
        : and(eq(participations.agencyId, agencies.id), eq(participations.year, year)),
    )
    .where(and(scope, eq(agencies.active, true)))
    .orderBy(sql`${participations.registered} nulls first`, asc(agencies.nameTh), asc(agencies.code))
    .limit(limit);
  return withProvinces(db, rows);
}
