import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';
import { users } from './users.ts';

/**
 * Results published before this system (issue 10 §1, "past years"), one per agency and fiscal year, as
 * imported from NACC's spreadsheets: the total and rating, and the instrument and indicator scores where the
 * file gave them. A later import of the same agency-year replaces the row only when asked to.
 */
export const pastResults = pgTable(
  'past_results',
  {
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    total: doublePrecision('total').notNull(),
    /** A rating code of the year's framework (its label is read from the framework). */
    ratingCode: text('rating_code').notNull(),
    /** Known instrument scores by the year's instrument codes ({} when the file gave none). */
    instruments: jsonb('instruments').$type<Record<string, number>>().notNull(),
    /** Known indicator scores by indicator code. */
    indicators: jsonb('indicators').$type<Record<string, number>>().notNull(),
    sourceFile: text('source_file').notNull(),
    /** The row's line in the file (the header is line 1). */
    sourceLine: integer('source_line').notNull(),
    importedBy: uuid('imported_by').references(() => users.id, { onDelete: 'set null' }),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.year] }),
    check('past_results_year_be', sql`${t.year} between 2550 and 2700`),
    check('past_results_total_range', sql`${t.total} between 0 and 100`),
    check('past_results_source_line', sql`${t.sourceLine} >= 2`),
  ],
);
