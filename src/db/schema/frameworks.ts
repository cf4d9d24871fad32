import { sql } from 'drizzle-orm';
import {
  check,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
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
    /** 'bundled' (shipped in frameworks/), 'import' (a file) or 'authored' (a published draft). */
    origin: text('origin').$type<'bundled' | 'import' | 'authored'>().notNull(),
    importedBy: uuid('imported_by').references(() => users.id, { onDelete: 'set null' }),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.version] }),
    check('framework_versions_origin', sql`${t.origin} in ('bundled', 'import', 'authored')`),
    check('framework_versions_version_positive', sql`${t.version} >= 1`),
  ],
);

export const FRAMEWORK_DRAFT_STATUSES = ['draft', 'published', 'discarded'] as const;
export type FrameworkDraftStatus = (typeof FRAMEWORK_DRAFT_STATUSES)[number];

/**
 * Frameworks being written by NACC admins (copied from a version, edited, then published as a new version of
 * `framework_versions`). A separate table, so that nothing that reads the framework in force (collection,
 * processing, the browser) can see a draft: only the drafts service of the frameworks module reads it.
 * `revision` is the optimistic-concurrency counter of draft saves. At most one open draft per year.
 */
export const frameworkDrafts = pgTable(
  'framework_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    /** The stored version the draft was copied from. */
    baseYear: integer('base_year').notNull(),
    baseVersion: integer('base_version').notNull(),
    /** The framework as edited so far; may be invalid until published. */
    definition: jsonb('definition').notNull(),
    revision: integer('revision').notNull().default(1),
    status: text('status').$type<FrameworkDraftStatus>().notNull().default('draft'),
    /** The version of `framework_versions` it became (published drafts only). */
    publishedVersion: integer('published_version'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('framework_drafts_status', sql`${t.status} in ('draft', 'published', 'discarded')`),
    check(
      'framework_drafts_published_version',
      sql`(${t.status} = 'published') = (${t.publishedVersion} is not null)`,
    ),
    check('framework_drafts_revision_positive', sql`${t.revision} >= 1`),
    uniqueIndex('framework_drafts_one_open_per_year').on(t.year).where(sql`${t.status} = 'draft'`),
  ],
);
