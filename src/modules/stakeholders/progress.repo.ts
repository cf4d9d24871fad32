// Set-based queries for progress over a scope, one per owner and never one per agency: the agencies taking
// part (the agencies module), their populations (this module's stakeholder data) and the counted responses
// (the responses module), the last two over the agencies' ids as a subquery.
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { stakeholderData } from '../../db/schema/index.ts';

export interface StakeholderNumbers {
  iitPopulation: number | null;
  eitPopulation: number | null;
  revision: number;
  approvedRevision: number | null;
}

/** The stakeholder numbers of the agencies in `agencyIds` (a subquery) for the year, by agency id. */
export async function selectScopeStakeholders(
  db: DbOrTx,
  year: number,
  agencyIds: SQL,
): Promise<Map<string, StakeholderNumbers>> {
  const rows = await db
    .select({
      agencyId: stakeholderData.agencyId,
      iitPopulation: stakeholderData.iitPopulation,
      eitPopulation: stakeholderData.eitPopulation,
      revision: sql<number>`coalesce(${stakeholderData.revision}, 0)`.mapWith(Number),
      approvedRevision: stakeholderData.approvedRevision,
    })
    .from(stakeholderData)
    .where(and(eq(stakeholderData.year, year), inArray(stakeholderData.agencyId, agencyIds)));
  return new Map(rows.map(({ agencyId, ...numbers }) => [agencyId, numbers]));
}
