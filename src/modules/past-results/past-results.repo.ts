// Queries of the past_results table (this module's own).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { pastResults } from '../../db/schema/index.ts';

export type PastResultRow = typeof pastResults.$inferSelect;
export type NewPastResult = typeof pastResults.$inferInsert;

/** The stored results of the given agencies, for the given years (to tell new rows from replacements). */
export async function selectStored(
  db: DbOrTx,
  agencyIds: readonly string[],
  years: readonly number[],
): Promise<PastResultRow[]> {
  if (agencyIds.length === 0 || years.length === 0) return [];
  return db
    .select()
    .from(pastResults)
    .where(
      and(
        inArray(pastResults.agencyId, [...new Set(agencyIds)]),
        inArray(pastResults.year, [...new Set(years)]),
      ),
    );
}

/** An agency's stored results, oldest year first. */
export function selectAgencyResults(db: DbOrTx, agencyId: string): Promise<PastResultRow[]> {
  return db
    .select()
    .from(pastResults)
    .where(eq(pastResults.agencyId, agencyId))
    .orderBy(asc(pastResults.year));
}

/**
 * Inserts the rows; an agency-year already stored is replaced when `replace`, else left alone. Returns the
 * keys written, so that the caller sees a row another import stored in the meantime.
 */
export async function writeResults(
  tx: DbOrTx,
  rows: NewPastResult[],
  replace: boolean,
): Promise<{ agencyId: string; year: number }[]> {
  if (rows.length === 0) return [];
  const insert = tx.insert(pastResults).values(rows);
  const returning = { agencyId: pastResults.agencyId, year: pastResults.year };
  if (!replace) return insert.onConflictDoNothing().returning(returning);
  return insert
    .onConflictDoUpdate({
      target: [pastResults.agencyId, pastResults.year],
      set: {
        total: sql`excluded.total`,
        ratingCode: sql`excluded.rating_code`,
        instruments: sql`excluded.instruments`,
        indicators: sql`excluded.indicators`,
        sourceFile: sql`excluded.source_file`,
        sourceLine: sql`excluded.source_line`,
        importedBy: sql`excluded.imported_by`,
        importedAt: sql`excluded.imported_at`,
      },
    })
    .returning(returning);
}
