// The assessors' advice to an agency on its IIT and EIT results and their overall comment (issue 10 §3),
// written per agency-year before processing; a processing run snapshots it into agency_results.details.
// One row per agency-year: the assessors edit the list as a whole (PUT), and `version` makes a second
// assessor's stale save a 409 instead of silently replacing the first one's lines.
import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { AdviceEntry } from '../../core/results/details.ts';
import { participationFk, ts } from './columns.ts';
import { users } from './users.ts';

export const assessorAdvice = pgTable(
  'assessor_advice',
  {
    agencyId: uuid('agency_id').notNull(),
    year: integer('year').notNull(),
    /** The lines in the order the assessors wrote them (validated against the year's framework). */
    entries: jsonb('entries').$type<AdviceEntry[]>().notNull().default([]),
    /** ความเห็นโดยรวม: one overall comment per agency-year. */
    overall: text('overall'),
    /** 1 when created, +1 per save. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.year] }),
    participationFk(t, 'assessor_advice_participation_fk'),
    check('assessor_advice_entries_array', sql`jsonb_typeof(${t.entries}) = 'array'`),
    check('assessor_advice_version', sql`${t.version} >= 1`),
  ],
);
