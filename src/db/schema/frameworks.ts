import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/** Every imported version of a year's framework; the newest version is the one in force. */
export const frameworkVersions = pgTable(
  'framework_versions',
  {
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    /** The validated framework exactly as imported (exported back unchanged). */
    definition: jsonb('definition').notNull(),
    sha256: text('sha256').notNull(),
    /** 'bundled' (shipped in frameworks/) or 'import'. */
    origin: text('origin').$type<'bundled' | 'import'>().notNull(),
    importedBy: uuid('imported_by').references(() => users.id, { onDelete: 'set null' }),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.version] }),
    check('framework_versions_origin', sql`${t.origin} in ('bundled', 'import')`),
    check('framework_versions_version_positive', sql`${t.version} >= 1`),
  ],
);
