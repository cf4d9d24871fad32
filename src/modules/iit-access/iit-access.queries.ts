// Read-only queries other modules may use (survey_access and survey_tokens are this module's): the respondent
// side reads the agency's access row before accepting a code.
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { surveyAccess } from '../../db/schema/index.ts';

export type AccessRow = typeof surveyAccess.$inferSelect;

/** The agency's access row for the year, if one was created. */
export async function selectAccess(db: DbOrTx, agencyId: string, year: number) {
  const [row] = await db
    .select()
    .from(surveyAccess)
    .where(and(eq(surveyAccess.agencyId, agencyId), eq(surveyAccess.year, year)));
  return row;
}
