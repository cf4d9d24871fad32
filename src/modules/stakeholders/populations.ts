// The populations the processing run (src/modules/results) works from: only what the agency's executive
// approved. The IIT population as approved (kept while a later revision awaits approval); the EIT
// population only while the current revision is the approved one (a later unapproved revision leaves no
// approved EIT figure). Null means "not entered or not approved": the framework's `population_entered`.
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { stakeholderData } from '../../db/schema/index.ts';
import type { Populations } from './minimums.ts';

export async function approvedPopulations(
  db: DbOrTx,
  year: number,
  agencyIds: readonly string[],
): Promise<Map<string, Populations>> {
  if (agencyIds.length === 0) return new Map();
  const rows = await db
    .select({
      agencyId: stakeholderData.agencyId,
      approvedIit: stakeholderData.approvedIitPopulation,
      eit: stakeholderData.eitPopulation,
      revision: stakeholderData.revision,
      approvedRevision: stakeholderData.approvedRevision,
    })
    .from(stakeholderData)
    .where(and(eq(stakeholderData.year, year), inArray(stakeholderData.agencyId, [...agencyIds])));
  return new Map(
    rows.map((r) => [
      r.agencyId,
      {
        iitPopulation: r.approvedIit,
        eitPopulation: r.approvedRevision === r.revision ? r.eit : null,
      },
    ]),
  );
}
