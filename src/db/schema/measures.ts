// Measures to promote integrity (issue 12 §1–2): the agency's document per measures year and version, made
// from the published result of the year before; the agency's own divisions (responsible for measures); the
// suggested-measures library NACC keeps; progress entries per measure.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { MeasuresContent, MeasuresSource } from '../../core/measures/content.ts';
import { MEASURES_STATUSES, type MeasuresStatus } from '../../core/measures/states.ts';
import { MEASURE_EVIDENCE_TYPES } from '../../shared/limits.ts';
import { agencies } from './agencies.ts';
import { bytea, ts } from './columns.ts';
import { users } from './users.ts';

const userRef = (name: string) => uuid(name).references(() => users.id, { onDelete: 'set null' });

export const measureDocuments = pgTable(
  'measure_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    /** The fiscal year the measures are for (N+1). */
    year: integer('year').notNull(),
    /** The year whose published result it analyses (N = year − 1). */
    sourceYear: integer('source_year').notNull(),
    /** 1, then +1 per revision of an approved version. */
    version: integer('version').notNull(),
    status: text('status').$type<MeasuresStatus>().notNull().default('draft'),
    source: jsonb('source').$type<MeasuresSource>().notNull(),
    content: jsonb('content').$type<MeasuresContent>().notNull(),
    createdBy: userRef('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedBy: userRef('updated_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    preparedBy: userRef('prepared_by'),
    preparedAt: ts('prepared_at'),
    reviewedBy: userRef('reviewed_by'),
    reviewedAt: ts('reviewed_at'),
    approvedBy: userRef('approved_by'),
    approvedAt: ts('approved_at'),
    /** Published: the public URL serves it (approved versions only). */
    publishedAt: ts('published_at'),
    /** The executive's signature on the progress report (o28/O43 of the next cycle). */
    progressSignedBy: userRef('progress_signed_by'),
    progressSignedAt: ts('progress_signed_at'),
  },
  (t) => [
    uniqueIndex('measure_documents_version').on(t.agencyId, t.year, t.version),
    // One version in the making per agency-year: the others are approved (and locked).
    uniqueIndex('measure_documents_one_open').on(t.agencyId, t.year).where(sql`${t.status} <> 'approved'`),
    check(
      'measure_documents_status',
      sql`${t.status} IN (${sql.raw(MEASURES_STATUSES.map((s) => `'${s}'`).join(', '))})`,
    ),
    check('measure_documents_years', sql`${t.sourceYear} = ${t.year} - 1`),
    check('measure_documents_version_positive', sql`${t.version} >= 1`),
    check('measure_documents_published_approved', sql`${t.publishedAt} IS NULL OR ${t.status} = 'approved'`),
  ],
);

export const agencyDivisions = pgTable(
  'agency_divisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    /** สำนักปลัด, กองคลัง… as the agency names it. */
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('agency_divisions_name').on(t.agencyId, t.name)],
);

export const measureLibrary = pgTable(
  'measure_library',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The framework indicator code it answers ('1' … '10'). */
    indicator: text('indicator').notNull(),
    title: text('title').notNull(),
    steps: jsonb('steps').$type<string[]>().notNull(),
    monitoring: text('monitoring').notNull(),
    active: boolean('active').notNull().default(true),
    updatedBy: userRef('updated_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('measure_library_title').on(t.indicator, t.title),
    check('measure_library_steps_array', sql`jsonb_typeof(${t.steps}) = 'array'`),
  ],
);

export const MEASURE_PROGRESS_STATUSES = ['not_started', 'in_progress', 'done', 'cancelled'] as const;
export type MeasureProgressStatus = (typeof MEASURE_PROGRESS_STATUSES)[number];

export const measureProgress = pgTable(
  'measure_progress',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => measureDocuments.id, { onDelete: 'cascade' }),
    /** The measure's id inside the document's content. */
    measureId: uuid('measure_id').notNull(),
    day: date('day').notNull(),
    status: text('status').$type<MeasureProgressStatus>().notNull(),
    note: text('note').notNull(),
    evidenceUrl: text('evidence_url'),
    createdBy: userRef('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('measure_progress_document').on(t.documentId, t.measureId, t.day),
    check(
      'measure_progress_status',
      sql`${t.status} IN (${sql.raw(MEASURE_PROGRESS_STATUSES.map((s) => `'${s}'`).join(', '))})`,
    ),
  ],
);

/**
 * Evidence files of a progress entry (issue 12 §2), uploaded with it. Kept in the database rather than on disk:
 * both drivers hold them the same way, the entry, its files and the audit entry are written in one
 * transaction (a refused upload leaves nothing behind, a stored file always has its entry), and backups and
 * restores carry them. Files are never changed or deleted one by one (a trigger, migration
 * 0023_measure_progress_files): entries are append-only and the signed progress report cites them.
 */
export const measureProgressFiles = pgTable(
  'measure_progress_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    progressId: uuid('progress_id')
      .notNull()
      .references(() => measureProgress.id, { onDelete: 'cascade' }),
    /** The client's name made safe (src/core/measures/evidence-file.ts), with the extension of its type. */
    name: text('name').notNull(),
    /** The type read from the bytes (one of MEASURE_EVIDENCE_TYPES). */
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdBy: userRef('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('measure_progress_files_progress').on(t.progressId),
    check(
      'measure_progress_files_type',
      sql`${t.mediaType} IN (${sql.raw(MEASURE_EVIDENCE_TYPES.map((e) => `'${e.mime}'`).join(', '))})`,
    ),
    // The upper bound is the service's (limits.ts may change without a migration).
    check('measure_progress_files_size', sql`${t.size} > 0`),
  ],
);

/** The bytes of an evidence file, apart so that lists never load them. */
export const measureProgressFileBodies = pgTable('measure_progress_file_bodies', {
  fileId: uuid('file_id')
    .primaryKey()
    .references(() => measureProgressFiles.id, { onDelete: 'cascade' }),
  body: bytea('body').notNull(),
});
