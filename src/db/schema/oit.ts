// OIT (open data): the agency's answers per checklist item, the executive's approval, the assessor's scores,
// clarifications, and the evidence snapshots taken of every URL. The workflow rules (which transitions are
// legal) live in src/core/oit; the database keeps the states and the invariants that must never break.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import {
  OIT_ITEM_STATES,
  OIT_REVIEW_STATUSES,
  type OitItemState,
  type OitReviewStatus,
} from '../../core/oit/states.ts';
import { bytea, participationFk, ts } from './columns.ts';
import { users } from './users.ts';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** The agency-level OIT workflow of one year: who submitted, approved, assessed and confirmed, and when. */
export const oitReviews = pgTable(
  'oit_reviews',
  {
    agencyId: uuid('agency_id').notNull(),
    year: integer('year').notNull(),
    status: text('status').$type<OitReviewStatus>().notNull().default('answering'),
    submittedAt: ts('submitted_at'),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: ts('approved_at'),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    assessedAt: ts('assessed_at'),
    assessedBy: uuid('assessed_by').references(() => users.id, { onDelete: 'set null' }),
    confirmedAt: ts('confirmed_at'),
    confirmedBy: uuid('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    reopenedAt: ts('reopened_at'),
    reopenedBy: uuid('reopened_by').references(() => users.id, { onDelete: 'set null' }),
    reopenReason: text('reopen_reason'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.year] }),
    participationFk(t, 'oit_reviews_participation_fk'),
    check('oit_reviews_status_known', sql`${t.status} in (${list(OIT_REVIEW_STATUSES)})`),
  ],
);

/** The agency's answer to one OIT item: has/hasn't, the URLs, how to reach them, and the item's state. */
export const oitAnswers = pgTable(
  'oit_answers',
  {
    agencyId: uuid('agency_id').notNull(),
    year: integer('year').notNull(),
    itemCode: text('item_code').notNull(),
    state: text('state').$type<OitItemState>().notNull().default('draft'),
    /** null = not answered yet. */
    has: boolean('has'),
    urls: jsonb('urls').$type<string[]>().notNull().default([]),
    explanation: text('explanation'),
    /** A colleague (agency staff account) the admin delegated the item to. */
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    /** The executive's comment when returning the item. */
    returnComment: text('return_comment'),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    /** Who sent this item for approval last: the four-eyes rule keeps them from approving it. */
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: ts('approved_at'),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.year, t.itemCode] }),
    participationFk(t, 'oit_answers_participation_fk'),
    check('oit_answers_state_known', sql`${t.state} in (${list(OIT_ITEM_STATES)})`),
    check('oit_answers_urls_array', sql`jsonb_typeof(${t.urls}) = 'array'`),
    index('oit_answers_assignee_idx').on(t.assigneeId),
  ],
);

/** The assessor's score of one item: 0 or 100, the components found, a comment, advice (required at 0). */
export const oitScores = pgTable(
  'oit_scores',
  {
    agencyId: uuid('agency_id').notNull(),
    year: integer('year').notNull(),
    itemCode: text('item_code').notNull(),
    score: integer('score').notNull(),
    /** Indices into the item's `components` that the assessor found on the pages. */
    componentsFound: jsonb('components_found').$type<number[]>().notNull().default([]),
    comment: text('comment'),
    advice: text('advice'),
    /** The score before a clarification was accepted (null when none was). */
    originalScore: integer('original_score'),
    assessorId: uuid('assessor_id').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.year, t.itemCode] }),
    participationFk(t, 'oit_scores_participation_fk'),
    check('oit_scores_binary', sql`${t.score} in (0, 100)`),
    check(
      'oit_scores_advice_when_zero',
      sql`${t.score} <> 0 or (${t.advice} is not null and length(trim(${t.advice})) > 0)`,
    ),
  ],
);

/** One clarification per item scored 0, and the assessor's decision on it. */
export const oitClarifications = pgTable(
  'oit_clarifications',
  {
    agencyId: uuid('agency_id').notNull(),
    year: integer('year').notNull(),
    itemCode: text('item_code').notNull(),
    explanation: text('explanation').notNull(),
    /** Where on the original pages the data was (optional). */
    location: text('location'),
    filedBy: uuid('filed_by').references(() => users.id, { onDelete: 'set null' }),
    filedAt: ts('filed_at').notNull().defaultNow(),
    decision: text('decision').$type<'accepted' | 'rejected'>(),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.year, t.itemCode] }),
    participationFk(t, 'oit_clarifications_participation_fk'),
    check(
      'oit_clarifications_decision_known',
      sql`${t.decision} is null or ${t.decision} in ('accepted', 'rejected')`,
    ),
    check(
      'oit_clarifications_reason_when_rejected',
      sql`${t.decision} is distinct from 'rejected' or (${t.decisionReason} is not null and length(trim(${t.decisionReason})) > 0)`,
    ),
  ],
);

export const EVIDENCE_PURPOSES = ['saved', 'approval', 'assessment', 'clarification'] as const;
export const EVIDENCE_STATUSES = ['pending', 'running', 'done', 'failed'] as const;
export type EvidencePurpose = (typeof EVIDENCE_PURPOSES)[number];
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

/**
 * One fetch of one evidence URL: a job while pending/running (the table is the durable queue), then the
 * result. `done` means the fetch ran to an answer (which may be a 404); `failed` means it could not (refused
 * address, timeout, DNS) after its retries — `lastError` says why.
 */
export const evidenceSnapshots = pgTable(
  'evidence_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    year: integer('year').notNull(),
    itemCode: text('item_code').notNull(),
    url: text('url').notNull(),
    purpose: text('purpose').$type<EvidencePurpose>().notNull(),
    status: text('status').$type<EvidenceStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    requestedAt: ts('requested_at').notNull().defaultNow(),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    fetchedAt: ts('fetched_at'),
    finalUrl: text('final_url'),
    /** Every hop: [{url, status}] — the last is the final answer. */
    redirects: jsonb('redirects').$type<{ url: string; status: number }[]>().notNull().default([]),
    httpStatus: integer('http_status'),
    contentType: text('content_type'),
    /** Bytes received (up to the cap); `truncated` when the body was larger than the cap. */
    sizeBytes: integer('size_bytes'),
    truncated: boolean('truncated').notNull().default(false),
    title: text('title'),
    sha256: text('sha256'),
    /** Does the page mention the fiscal year (BE, Thai or Arabic digits)? null when not a text page. */
    mentionsYear: boolean('mentions_year'),
    onMainDomain: boolean('on_main_domain'),
  },
  (t) => [
    participationFk(t, 'evidence_snapshots_participation_fk'),
    check('evidence_snapshots_purpose_known', sql`${t.purpose} in (${list(EVIDENCE_PURPOSES)})`),
    check('evidence_snapshots_status_known', sql`${t.status} in (${list(EVIDENCE_STATUSES)})`),
    index('evidence_snapshots_queue_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'running')`),
    index('evidence_snapshots_item_idx').on(t.agencyId, t.year, t.itemCode),
  ],
);

/** The stored body of a snapshot (gzip), apart so that lists never load it. */
export const evidenceBodies = pgTable('evidence_bodies', {
  snapshotId: uuid('snapshot_id')
    .primaryKey()
    .references(() => evidenceSnapshots.id, { onDelete: 'cascade' }),
  encoding: text('encoding').$type<'gzip'>().notNull().default('gzip'),
  body: bytea('body').notNull(),
});
