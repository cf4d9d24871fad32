// Reminders and in-app notices (issue 11 §3). One row per notice to one person: the job of sending it
// (the outbox: pending → claimed with a lease → delivered or cancelled) and, once delivered, the notice in
// the person's list, with why they got it. `dedupe_key` is unique: the same reminder to the same person is
// one row, whatever number of planners, senders or clicks.
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import {
  CANCEL_REASONS,
  type CancelReason,
  NOTICE_KINDS,
  NOTICE_STATUSES,
  type NoticeKind,
  type NoticeReason,
  type NoticeStatus,
} from '../../core/notices/reminders.ts';
import { agencies } from './agencies.ts';
import { ts } from './columns.ts';
import { users } from './users.ts';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<NoticeKind>().notNull(),
    dedupeKey: text('dedupe_key').notNull().unique('notices_dedupe_key_unique'),
    year: integer('year').notNull(),
    /** The agency reminded (null for a digest). */
    agencyId: uuid('agency_id').references(() => agencies.id, { onDelete: 'cascade' }),
    stage: text('stage'),
    reason: jsonb('reason').$type<NoticeReason>().notNull(),
    status: text('status').$type<NoticeStatus>().notNull().default('pending'),
    /** Claims so far; a claim whose lease ran out is claimed again. */
    attempts: integer('attempts').notNull().default(0),
    /** When a pending notice may go (after quiet hours), or while claimed when the lease runs out. */
    dueAt: ts('due_at').notNull(),
    /** Set (committed) just before the mail is handed over: a later claim never mails it again. */
    mailStartedAt: ts('mail_started_at'),
    mailedTo: text('mailed_to'),
    mailError: text('mail_error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    deliveredAt: ts('delivered_at'),
    cancelledReason: text('cancelled_reason').$type<CancelReason>(),
    readAt: ts('read_at'),
  },
  (t) => [
    check('notices_kind_known', sql`${t.kind} in (${list(NOTICE_KINDS)})`),
    check('notices_status_known', sql`${t.status} in (${list(NOTICE_STATUSES)})`),
    check(
      'notices_cancel_reason_known',
      sql`(${t.status} = 'cancelled') = (${t.cancelledReason} is not null) and (${t.cancelledReason} is null or ${t.cancelledReason} in (${list(CANCEL_REASONS)}))`,
    ),
    check('notices_delivered_at', sql`(${t.status} = 'delivered') = (${t.deliveredAt} is not null)`),
    check('notices_read_delivered', sql`${t.readAt} is null or ${t.status} = 'delivered'`),
    check('notices_reason_object', sql`jsonb_typeof(${t.reason}) = 'object'`),
    index('notices_queue_idx').on(t.dueAt).where(sql`${t.status} in ('pending', 'sending')`),
    index('notices_inbox_idx').on(t.userId, t.deliveredAt).where(sql`${t.status} = 'delivered'`),
  ],
);
