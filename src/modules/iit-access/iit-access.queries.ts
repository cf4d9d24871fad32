// Read-only queries other modules may use (survey_access and survey_tokens are this module's): the respondent
// side reads the agency's access row before accepting a code.
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { surveyAccess, surveyTokens } from '../../db/schema/index.ts';

export type AccessRow = typeof surveyAccess.$inferSelect;

/** The agency's access row for the year, if one was created. */
export async function selectAccess(db: DbOrTx, agencyId: string, year: number) {
  const [row] = await db
    .select()
    .from(surveyAccess)
    .where(and(eq(surveyAccess.agencyId, agencyId), eq(surveyAccess.year, year)));
  return row;
}

/** Whether a single-use token (its keyed hash) was issued for the agency-year. */
export async function tokenIssued(db: DbOrTx, agencyId: string, year: number, tokenHash: string) {
  const rows = await db
    .select({ one: sql`1` })
    .from(surveyTokens)
    .where(
      and(
        eq(surveyTokens.tokenHash, tokenHash),
        eq(surveyTokens.agencyId, agencyId),
        eq(surveyTokens.year, year),
      ),
    );
  return rows.length > 0;
}

/** The agencies of `agencyIds` (a subquery) whose access row for the year exists (made on first use). */
export async function accessCreatedIn(db: DbOrTx, year: number, agencyIds: SQL): Promise<Set<string>> {
  const rows = await db
    .select({ agencyId: surveyAccess.agencyId })
    .from(surveyAccess)
    .where(and(eq(surveyAccess.year, year), inArray(surveyAccess.agencyId, agencyIds)));
  return new Set(rows.map((r) => r.agencyId));
}
