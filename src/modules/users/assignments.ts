// Assessor assignments (which agencies an assessor assesses in a year), as this module and others read and
// change them: the assessor's agencies per year, and the replacement of one year's list (the caller audits it
// in its own transaction).
import { and, asc, desc, eq, notInArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { assessorAssignments } from '../../db/schema/index.ts';
import type { YearAssignments } from './users.schema.ts';

/** The user's assignments by year, newest year first (one year only when `year` is given). */
export async function listAssignments(db: DbOrTx, userId: string, year?: number): Promise<YearAssignments[]> {
  const rows = await db
    .select({ year: assessorAssignments.year, agencyId: assessorAssignments.agencyId })
    .from(assessorAssignments)
    .where(
      year === undefined
        ? eq(assessorAssignments.userId, userId)
        : and(eq(assessorAssignments.userId, userId), eq(assessorAssignments.year, year)),
    )
    .orderBy(desc(assessorAssignments.year), asc(assessorAssignments.agencyId));
  const byYear = new Map<number, string[]>();
  for (const row of rows) {
    const ids = byYear.get(row.year) ?? [];
    ids.push(row.agencyId);
    byYear.set(row.year, ids);
  }
  return [...byYear].map(([y, agencyIds]) => ({ year: y, agencyIds }));
}

/** Replaces the user's assignments for the year with `agencyIds`, keeping the rows that stay. */
export async function replaceAssessorAssignments(
  db: DbOrTx,
  userId: string,
  year: number,
  agencyIds: string[],
  now: Date,
): Promise<void> {
  // Keep the rows that stay (their assignedAt records when the work was handed over).
  await db
    .delete(assessorAssignments)
    .where(
      and(
        eq(assessorAssignments.userId, userId),
        eq(assessorAssignments.year, year),
        agencyIds.length ? notInArray(assessorAssignments.agencyId, agencyIds) : undefined,
      ),
    );
  if (agencyIds.length) {
    await db
      .insert(assessorAssignments)
      .values(agencyIds.map((agencyId) => ({ userId, agencyId, year, assignedAt: now })))
      .onConflictDoNothing();
  }
}
