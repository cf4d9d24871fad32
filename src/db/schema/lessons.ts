import { sql } from 'drizzle-orm';
import { check, doublePrecision, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { LESSONS_SCOPE_KINDS, type LessonsScopeKind } from '../../shared/lessons.ts';
import { ts } from './columns.ts';
import { users } from './users.ts';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * The target a supervisor (or NACC) sets for its scope and year (issue 11 §4; seed 000: 89 points for 100 %
 * of the agencies): a score and the share of agencies that must reach it. One row per scope and year,
 * replaced when set again (every change audited, entity `lessons_target`).
 */
export const lessonsTargets = pgTable(
  'lessons_targets',
  {
    year: integer('year').notNull(),
    scopeKind: text('scope_kind').$type<LessonsScopeKind>().notNull(),
    /** The province or ministry code; '' for the nation. */
    scopeCode: text('scope_code').notNull(),
    threshold: doublePrecision('threshold').notNull(),
    share: doublePrecision('share').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.scopeKind, t.scopeCode] }),
    check('lessons_targets_kind', sql`${t.scopeKind} in (${list(LESSONS_SCOPE_KINDS)})`),
    check('lessons_targets_code', sql`(${t.scopeKind} = 'nation') = (${t.scopeCode} = '')`),
    check('lessons_targets_year_be', sql`${t.year} between 2550 and 2700`),
    check('lessons_targets_threshold', sql`${t.threshold} between 0 and 100`),
    check('lessons_targets_share', sql`${t.share} between 0 and 1`),
  ],
);
