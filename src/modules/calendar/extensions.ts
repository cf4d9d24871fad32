// The per-agency stage extensions of many agencies at once, for lists that show each agency's deadlines
// (the OIT queue) without asking for one window at a time.
import { and, eq, inArray } from 'drizzle-orm';
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
