// The per-agency stage extensions of many agencies at once, for lists that show each agency's deadlines
// (the OIT queue) without asking for one window at a time.
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { stageExtensions } from '../../db/schema/index.ts';

export function stageExtensionsOf(db: DbOrTx, agencyIds: readonly string[], year: number) {
  if (agencyIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      agencyId: stageExtensions.agencyId,
      stage: stageExtensions.stage,
      endsOn: stageExtensions.endsOn,
    })
    .from(stageExtensions)
    .where(and(inArray(stageExtensions.agencyId, [...agencyIds]), eq(stageExtensions.year, year)));
}

/**
 * The end of the agency's extension of a stage, as a scalar subquery (null without one): for a query that
 * reads it with other rows in one round trip (the submit of a response).
 */
export function extensionEndsOnSql(agencyId: string, year: number, stage: string): SQL<string | null> {
  const e = stageExtensions;
  return sql<string | null>`(select ${e.endsOn} from ${e}
    where ${e.agencyId} = ${agencyId} and ${e.year} = ${year} and ${e.stage} = ${stage})`;
}
