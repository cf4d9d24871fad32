// Results (issue 10 §1): processing runs and the per-agency results they computed. A finished run and its
// results are immutable: triggers in the migration refuse UPDATE and DELETE (like the audit log), so a
// correction is always a new run.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ResultDetails } from '../../core/results/details.ts';
import {
  RUN_KINDS,
  RUN_SCOPES,
  RUN_STATUSES,
  type RunKind,
  type RunScope,
  type RunStatus,
} from '../../core/results/runs.ts';
import { agencies } from './agencies.ts';
import { ts } from './columns.ts';
import { users } from './users.ts';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
/** Scores as stored: exact decimals with two places, read back as numbers (see results.repo.ts). */
const score = (name: string) => numeric(name, { precision: 5, scale: 2 });

export const processingRuns = pgTable(
  'processing_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    /** The framework version in force when the run started (set when it is claimed). */
    frameworkVersion: integer('framework_version'),
    kind: text('kind').$type<RunKind>().notNull(),
    scope: text('scope').$type<RunScope>().notNull(),
    /** The province code or the agency id of a province / agency scope; null for all. */
    scopeValue: text('scope_value'),
    status: text('status').$type<RunStatus>().notNull().default('queued'),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    /** sha256 over every agency's inputs hash (set when done). */
    inputsHash: text('inputs_hash'),
    /** Times the run was claimed by a worker: a claim writes only while it is still the current one. */
    attempts: integer('attempts').notNull().default(0),
    /** While running: until when the claim holds; a run past it is claimed again and restarts. */
    leaseUntil: ts('lease_until'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'restrict' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
    error: text('error'),
  },
  (t) => [
    check('processing_runs_kind', sql`${t.kind} in (${list(RUN_KINDS)})`),
    check('processing_runs_scope', sql`${t.scope} in (${list(RUN_SCOPES)})`),
    check('processing_runs_status', sql`${t.status} in (${list(RUN_STATUSES)})`),
    check('processing_runs_scope_value', sql`(${t.scope} = 'all') = (${t.scopeValue} is null)`),
    check('processing_runs_run_is_all', sql`${t.kind} = 'preview' or ${t.scope} = 'all'`),
    check(
      'processing_runs_progress',
      sql`${t.progressDone} between 0 and ${t.progressTotal} and ${t.progressTotal} >= 0`,
    ),
    check('processing_runs_year_be', sql`${t.year} between 2550 and 2700`),
    // One queued or running run per year, on every instance: the second one violates this index (409).
    uniqueIndex('processing_runs_one_active').on(t.year).where(sql`${t.status} in ('queued', 'running')`),
    index('processing_runs_year_idx').on(t.year, t.createdAt),
  ],
);

/** Per instrument of an agency's result. */
export interface InstrumentResult {
  score: number | null;
  /** Counted responses (surveys); null for open data. */
  n: number | null;
  minimum: number | null;
  population: number | null;
  marginOfError: number | null;
  notProcessed: string | null;
}

export const agencyResults = pgTable(
  'agency_results',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => processingRuns.id, { onDelete: 'restrict' }),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id, { onDelete: 'restrict' }),
    total: score('total').notNull(),
    ratingCode: text('rating_code').notNull(),
    passes: boolean('passes').notNull(),
    instruments: jsonb('instruments').$type<Record<string, InstrumentResult>>().notNull(),
    indicators: jsonb('indicators').$type<Record<string, number>>().notNull(),
    indicatorsByInstrument: jsonb('indicators_by_instrument')
      .$type<Record<string, Record<string, number>>>()
      .notNull(),
    /** Per instrument, per question (IIT, EIT) or item (OIT), its score. */
    questions: jsonb('questions').$type<Record<string, Record<string, number>>>().notNull(),
    subIndicators: jsonb('sub_indicators').$type<Record<string, number>>().notNull(),
    inputsHash: text('inputs_hash').notNull(),
    /**
     * What the report needs beside the scores (core/results/details.ts): OIT item verdicts and the assessors'
     * advice as the run read them. Null for results stored before migration 0015. Immutable like the rest.
     */
    details: jsonb('details').$type<ResultDetails>(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.agencyId] }),
    index('agency_results_agency_idx').on(t.agencyId),
    check('agency_results_total_range', sql`${t.total} between 0 and 100`),
  ],
);

/**
 * Publications of finished runs (issue 10 §2). A publication is never edited: a correction is a newer
 * publication of another run (with its reason, shown publicly) and the earlier one is kept. The trigger of
 * the migration allows only two one-time changes: cancelling a publication before it took effect, and
 * recording that its notice was sent.
 */
export const publications = pgTable(
  'publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    runId: uuid('run_id')
      .notNull()
      .references(() => processingRuns.id, { onDelete: 'restrict' }),
    /** When it takes effect: its creation time when published now, a later time under an embargo. */
    publishAt: ts('publish_at').notNull(),
    /** Why it supersedes the earlier publication (required then, shown publicly); null for the first. */
    reason: text('reason'),
    /** The publication in effect (or latest) when this one was made: the one it supersedes. */
    supersedes: uuid('supersedes'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'restrict' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    cancelledAt: ts('cancelled_at'),
    cancelledBy: uuid('cancelled_by').references(() => users.id, { onDelete: 'restrict' }),
    /** When the agencies' admins and executives were e-mailed (set by the notifier that claimed it). */
    notifiedAt: ts('notified_at'),
  },
  (t) => [
    check('publications_year_be', sql`${t.year} between 2550 and 2700`),
    check('publications_reason', sql`(${t.supersedes} is null) or (${t.reason} is not null)`),
    check('publications_cancel', sql`(${t.cancelledAt} is null) = (${t.cancelledBy} is null)`),
    check('publications_cancel_or_notify', sql`${t.cancelledAt} is null or ${t.notifiedAt} is null`),
    index('publications_year_idx').on(t.year, t.publishAt),
    index('publications_due_idx')
      .on(t.publishAt)
      .where(sql`${t.notifiedAt} is null and ${t.cancelledAt} is null`),
  ],
);
