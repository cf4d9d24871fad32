// What other modules read of past results: an agency's imported totals (the results report's previous year
// and year-over-year line, where no published run of this system exists for a year).
import { and, asc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { definePrepared } from '../../db/prepared.ts';
import { pastResults } from '../../db/schema/index.ts';

export interface ImportedTotal {
  year: number;
  total: number;
  ratingCode: string;
}

/**
 * The agency's imported results of the years before `beforeYear`, oldest first. One query, prepared
 * (src/db/prepared.ts): every agency report reads it.
 */
const importedTotalsBefore = definePrepared('past_results_totals_before', (db, name) =>
  db
    .select({ year: pastResults.year, total: pastResults.total, ratingCode: pastResults.ratingCode })
    .from(pastResults)
    .where(
      and(
        eq(pastResults.agencyId, sql.placeholder('agencyId')),
        lt(pastResults.year, sql.placeholder('beforeYear')),
      ),
    )
    .orderBy(asc(pastResults.year))
    .prepare(name),
);

export function importedTotals(db: DbOrTx, agencyId: string, beforeYear: number): Promise<ImportedTotal[]> {
  return importedTotalsBefore(db).execute({ agencyId, beforeYear });
}

/**
 * The imported results of one year of the agencies a subquery names (lessons learned: last year over a
 * scope, where no published run of this system exists for an agency). One query.
 */
export async function importedTotalsOfYear(
  db: DbOrTx,
  year: number,
  agencyIds: SQL,
): Promise<(ImportedTotal & { agencyId: string })[]> {
  return db
    .select({
      agencyId: pastResults.agencyId,
      year: pastResults.year,
      total: pastResults.total,
      ratingCode: pastResults.ratingCode,
    })
    .from(pastResults)
    .where(and(eq(pastResults.year, year), inArray(pastResults.agencyId, agencyIds)));
}
