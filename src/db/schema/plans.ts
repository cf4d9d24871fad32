// Provincial plans (issue 12 §3): one plan per province or ministry and fiscal year, written by the
// supervisors of that scope, read by NACC. The activities are kept in order as one list (the supervisors edit
// the plan as a whole, like the tables of seeds 000 and 001), validated on write; `version` makes a stale
// save a 409 instead of silently replacing a colleague's changes.
import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PlanActivity } from '../../core/plans/activity.ts';
import { ts } from './columns.ts';
import { ministries, provinces } from './reference.ts';
import { users } from './users.ts';

export const supervisionPlans = pgTable(
  'supervision_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Exactly one of province and ministry: the scope the plan covers. */
    provinceCode: text('province_code').references(() => provinces.code, { onDelete: 'restrict' }),
    ministryCode: text('ministry_code').references(() => ministries.code, { onDelete: 'restrict' }),
    year: integer('year').notNull(),
    activities: jsonb('activities').$type<PlanActivity[]>().notNull().default([]),
    /** 1 when created, +1 per save. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('supervision_plans_province_year')
      .on(t.provinceCode, t.year)
      .where(sql`${t.provinceCode} is not null`),
    uniqueIndex('supervision_plans_ministry_year')
      .on(t.ministryCode, t.year)
      .where(sql`${t.ministryCode} is not null`),
    check('supervision_plans_one_scope', sql`num_nonnulls(${t.provinceCode}, ${t.ministryCode}) = 1`),
    check('supervision_plans_year', sql`${t.year} between 2550 and 2700`),
    check('supervision_plans_activities_array', sql`jsonb_typeof(${t.activities}) = 'array'`),
    check('supervision_plans_version', sql`${t.version} >= 1`),
  ],
);
