// Read-only queries other modules may use (the respondent marks are this module's).
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { eitRespondents } from '../../db/schema/index.ts';

/** Whether the destination (its keyed hash) has answered the agency's EIT part 1 for the year. */
export async function hasResponded(db: DbOrTx, agencyId: string, year: number, destinationHash: string) {
  const rows = await db
    .select({ one: sql`1` })
    .from(eitRespondents)
    .where(
      and(
        eq(eitRespondents.agencyId, agencyId),
        eq(eitRespondents.year, year),
        eq(eitRespondents.destinationHash, destinationHash),
      ),
    );
  return rows.length > 0;
}
