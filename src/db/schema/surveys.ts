// Survey collection (IIT, EIT part 1, EIT part 2). Anonymity is enforced by the shape of these tables:
// `survey_responses` holds answers and nothing that identifies a person, a device or an exact time; the
// tables that must know who someone is (contacts, interviews, OTP challenges, token and respondent hashes)
// hold no answers and no key that leads to a response. test/integration/anonymity.test.ts inspects them.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { InterviewOutcome, InterviewStatus } from '../../core/surveys/interviews.ts';
import type { OtpChannel } from '../../core/surveys/otp.ts';
import { participationFk, ts } from './columns.ts';
import { frameworkVersions } from './frameworks.ts';
import { users } from './users.ts';

/** How a response arrived: the web questionnaire (IIT, EIT part 1) or an approved EIT part-2 interview. */
export type ResponseChannel = 'web' | 'interview';

/** The agency's stakeholder numbers for a year; `approvedRevision = revision` means the executive approved them. */
export const stakeholderData = pgTable(
  'stakeholder_data',
  {
    agencyId: uuid('agency_id').notNull(),
    year: integer('year').notNull(),
    /** Staff with at least one year of service (IIT population). */
    iitPopulation: integer('iit_population'),
    /** Estimated number of service users this year (EIT population). */
    eitPopulation: integer('eit_population'),
    revision: integer('revision').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    approvedRevision: integer('approved_revision'),
    /**
     * The IIT population as the executive approved it (kept when a later revision awaits approval): the
     * most IIT responses the agency may collect. Null until first approved: IIT does not open without it.
     */
    approvedIitPopulation: integer('approved_iit_population'),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: ts('approved_at'),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.year] }),
    participationFk(t, 'stakeholder_data_participation_fk'),
    check(
      'stakeholder_data_iit_range',
      sql`${t.iitPopulation} is null or ${t.iitPopulation} between 0 and 5000000`,
    ),
    check(
      'stakeholder_data_eit_range',
      sql`${t.eitPopulation} is null or ${t.eitPopulation} between 0 and 100000000`,
    ),
    check(
      'stakeholder_data_approval',
      sql`${t.approvedRevision} is null or ${t.approvedRevision} between 1 and ${t.revision}`,
    ),
  ],
);

/** EIT part-2 contact list uploaded by the agency (people and organisations it served). */
export const eitContacts = pgTable(
  'eit_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    /** Normalised +66… mobile number. */
    phone: text('phone'),
    email: text('email'),
    relation: text('relation').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    participationFk(t, 'eit_contacts_participation_fk'),
    check('eit_contacts_reachable', sql`num_nonnulls(${t.phone}, ${t.email}) >= 1`),
    check('eit_contacts_phone_format', sql`${t.phone} is null or ${t.phone} ~ '^\\+66[0-9]{9}$'`),
    uniqueIndex('eit_contacts_phone_unique')
      .on(t.agencyId, t.year, t.phone)
      .where(sql`${t.phone} is not null`),
    uniqueIndex('eit_contacts_email_unique')
      .on(t.agencyId, t.year, sql`lower(${t.email})`)
      .where(sql`${t.email} is not null`),
    index('eit_contacts_agency_year_idx').on(t.agencyId, t.year),
  ],
);

/** Per-agency extension of a calendar stage (collection windows, OIT stages), granted by a NACC admin. */
export const stageExtensions = pgTable(
  'stage_extensions',
  {
    agencyId: uuid('agency_id').notNull(),
    year: integer('year').notNull(),
    stage: text('stage').notNull(),
    /** The stage ends at the end of this day (Asia/Bangkok) for this agency. */
    endsOn: date('ends_on').notNull(),
    reason: text('reason').notNull(),
    grantedBy: uuid('granted_by').references(() => users.id, { onDelete: 'set null' }),
    grantedAt: ts('granted_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.year, t.stage] }),
    participationFk(t, 'stage_extensions_participation_fk'),
    check('stage_extensions_reason', sql`length(trim(${t.reason})) > 0`),
  ],
);

/**
 * A fiscal year NACC closed (calendar module): from `closedAt` no stage of the year is open for any agency,
 * extensions included (src/core/calendar.ts). Reopening deletes the row; both are audited.
 */
export const cycleClosures = pgTable(
  'cycle_closures',
  {
    year: integer('year').primaryKey(),
    closedAt: ts('closed_at').notNull(),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
  },
  (t) => [
    check('cycle_closures_year_be', sql`${t.year} between 2550 and 2700`),
    check('cycle_closures_reason', sql`length(trim(${t.reason})) > 0`),
  ],
);

/** How internal staff reach the IIT: the agency's access code (shared like a meeting password), optional tokens. */
export const surveyAccess = pgTable(
  'survey_access',
  {
    agencyId: uuid('agency_id').notNull(),
    year: integer('year').notNull(),
    accessCode: text('access_code').notNull(),
    codeRotatedAt: ts('code_rotated_at').notNull().defaultNow(),
    /** When true, every IIT response needs a single-use token besides the code. */
    tokensRequired: boolean('tokens_required').notNull().default(false),
    /**
     * The last time wrong access codes for this agency reached the alarm level in one window (someone is
     * guessing): shown to NACC and the agency, and it tightens the per-address limit for a while. Never blocks.
     */
    attackSeenAt: ts('attack_seen_at'),
    /** The last time NACC admins were e-mailed about guessing here (at most once per alert period). */
    attackAlertedAt: ts('attack_alerted_at'),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.year] }),
    participationFk(t, 'survey_access_participation_fk'),
    check('survey_access_code_format', sql`${t.accessCode} ~ '^[A-Z0-9]{6,12}$'`),
  ],
);

/** A batch of single-use IIT tokens printed together: when and by whom (the tokens themselves below). */
export const surveyTokenBatches = pgTable(
  'survey_token_batches',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id').notNull(),
    year: integer('year').notNull(),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    participationFk(t, 'survey_token_batches_participation_fk'),
    index('survey_token_batches_agency_year_idx').on(t.agencyId, t.year),
  ],
);

/** Issued single-use IIT tokens: only a keyed hash (HMAC) of each token. */
export const surveyTokens = pgTable(
  'survey_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    agencyId: uuid('agency_id').notNull(),
    year: integer('year').notNull(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => surveyTokenBatches.id, { onDelete: 'cascade' }),
  },
  (t) => [
    participationFk(t, 'survey_tokens_participation_fk'),
    index('survey_tokens_batch_idx').on(t.batchId),
  ],
);

/** Used tokens: the keyed hash alone — no agency, time or order that could re-link a token to a response. */
export const usedSurveyTokens = pgTable('used_survey_tokens', {
  tokenHash: text('token_hash').primaryKey(),
});

/**
 * Answers. Never: IP, user agent, phone, e-mail, token, contact, exact time or exact duration, and nothing
 * shared with the row that marks the respondent: rows arrive here only through the release of
 * `held_responses` (src/modules/responses/release.ts), in shuffled batches written by transactions of their
 * own. `submittedOn` is the day of the release; `durationBand` is a coarse band (src/core/surveys/duration.ts),
 * null when not measured (interviews: the reviewer judged their duration before approving).
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    year: integer('year').notNull(),
    instrument: text('instrument').notNull(),
    frameworkVersion: integer('framework_version').notNull(),
    answers: jsonb('answers').notNull(),
    durationBand: smallint('duration_band'),
    submittedOn: date('submitted_on').notNull(),
    channel: text('channel').$type<ResponseChannel>().notNull(),
  },
  (t) => [
    participationFk(t, 'survey_responses_participation_fk'),
    foreignKey({
      name: 'survey_responses_framework_fk',
      columns: [t.year, t.frameworkVersion],
      foreignColumns: [frameworkVersions.year, frameworkVersions.version],
    }).onDelete('restrict'),
    check('survey_responses_instrument', sql`${t.instrument} ~ '^[A-Z][A-Z0-9]{1,9}$'`),
    check('survey_responses_channel', sql`${t.channel} in ('web', 'interview')`),
    check('survey_responses_duration_band', sql`${t.durationBand} between 0 and 15`),
    index('survey_responses_agency_idx').on(t.agencyId, t.year, t.instrument),
  ],
);

/**
 * Answers accepted but not yet released into `survey_responses`. The submit transaction writes the row here
 * together with whatever marks the respondent (used token, EIT respondent hash, approved interview), so a
 * held row and its mark share a transaction; the release moves held rows out in shuffled batches of at
 * least RESPONSE_RELEASE_BATCH, in transactions of their own, which is what unties answers from marks.
 * No time, no order key: the row's random id is only for the release to delete what it moved.
 */
export const heldResponses = pgTable(
  'held_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    year: integer('year').notNull(),
    instrument: text('instrument').notNull(),
    frameworkVersion: integer('framework_version').notNull(),
    answers: jsonb('answers').notNull(),
    durationBand: smallint('duration_band'),
    channel: text('channel').$type<ResponseChannel>().notNull(),
  },
  (t) => [
    participationFk(t, 'held_responses_participation_fk'),
    foreignKey({
      name: 'held_responses_framework_fk',
      columns: [t.year, t.frameworkVersion],
      foreignColumns: [frameworkVersions.year, frameworkVersions.version],
    }).onDelete('restrict'),
    check('held_responses_instrument', sql`${t.instrument} ~ '^[A-Z][A-Z0-9]{1,9}$'`),
    check('held_responses_channel', sql`${t.channel} in ('web', 'interview')`),
    check('held_responses_duration_band', sql`${t.durationBand} between 0 and 15`),
    index('held_responses_group_idx').on(t.agencyId, t.year, t.instrument),
  ],
);

/**
 * Submissions already accepted, to recognise a retried submit: a keyed hash of agency, instrument and the
 * browser's random submission id — nothing else, and never stored with the answers.
 */
export const submissionReceipts = pgTable('submission_receipts', {
  receiptHash: text('receipt_hash').primaryKey(),
});

/**
 * When an agency's IIT reached its approved population (responses are refused from then on) and when the
 * agency admin and its assessors were told, so that they are told once.
 */
export const iitCapNotices = pgTable(
  'iit_cap_notices',
  {
    agencyId: uuid('agency_id').notNull(),
    year: integer('year').notNull(),
    notifiedAt: ts('notified_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.year] }),
    participationFk(t, 'iit_cap_notices_participation_fk'),
  ],
);

/** An assessor's decision on a flagged response; excluded responses count toward neither minimum nor score. */
export const responseReviews = pgTable(
  'response_reviews',
  {
    responseId: uuid('response_id')
      .primaryKey()
      .references(() => surveyResponses.id, { onDelete: 'cascade' }),
    decision: text('decision').$type<'keep' | 'exclude'>().notNull(),
    reason: text('reason'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: ts('decided_at').notNull().defaultNow(),
  },
  (t) => [
    check('response_reviews_decision', sql`${t.decision} in ('keep', 'exclude')`),
    check(
      'response_reviews_reason',
      sql`${t.decision} = 'keep' or length(trim(coalesce(${t.reason}, ''))) > 0`,
    ),
  ],
);

/**
 * EIT part-1 verification in progress. Deleted once verified or expired, so no lasting record ties a
 * phone/e-mail hash to a time. `destinationHash` is an HMAC with a server secret.
 */
export const otpChallenges = pgTable(
  'otp_challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    year: integer('year').notNull(),
    channel: text('channel').$type<OtpChannel>().notNull(),
    destinationHash: text('destination_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    issuedAt: ts('issued_at').notNull(),
    lastSentAt: ts('last_sent_at').notNull(),
    sends: integer('sends').notNull().default(1),
    attempts: integer('attempts').notNull().default(0),
    verifiedAt: ts('verified_at'),
  },
  (t) => [
    participationFk(t, 'otp_challenges_participation_fk'),
    check('otp_challenges_channel', sql`${t.channel} in ('sms', 'email')`),
    index('otp_challenges_issued_idx').on(t.issuedAt),
  ],
);

/** One EIT part-1 response per verified phone/e-mail per agency per year: the keyed hash only, no answers. */
export const eitRespondents = pgTable(
  'eit_respondents',
  {
    agencyId: uuid('agency_id').notNull(),
    year: integer('year').notNull(),
    destinationHash: text('destination_hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.year, t.destinationHash] }),
    participationFk(t, 'eit_respondents_participation_fk'),
  ],
);

/** Fixed-window counters for rate limits and burst detection; keys are hashes, rows expire with the window. */
export const rateBuckets = pgTable(
  'rate_buckets',
  {
    key: text('key').notNull(),
    windowStart: ts('window_start').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.windowStart] }),
    index('rate_buckets_window_idx').on(t.windowStart),
  ],
);

/** SMS sent per agency per day (Asia/Bangkok), against the daily cap. */
export const smsDailyUsage = pgTable(
  'sms_daily_usage',
  {
    agencyId: uuid('agency_id').notNull(),
    day: date('day').notNull(),
    sent: integer('sent').notNull().default(0),
    warnedAt: ts('warned_at'),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.day] })],
);

/** The recorded, reproducible EIT part-2 sample of an agency's contact list. */
export const eit2Samples = pgTable(
  'eit2_samples',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    year: integer('year').notNull(),
    seed: text('seed').notNull(),
    algorithm: text('algorithm').notNull(),
    size: integer('size').notNull(),
    reserveCount: integer('reserve_count').notNull(),
    selected: jsonb('selected').notNull(),
    reserves: jsonb('reserves').notNull(),
    drawnBy: uuid('drawn_by').references(() => users.id, { onDelete: 'set null' }),
    drawnAt: ts('drawn_at').notNull().defaultNow(),
  },
  (t) => [
    participationFk(t, 'eit2_samples_participation_fk'),
    uniqueIndex('eit2_samples_one_per_year').on(t.agencyId, t.year),
    check('eit2_samples_sizes', sql`${t.size} >= 1 and ${t.reserveCount} >= 0`),
  ],
);

/**
 * An EIT part-2 interview. Its answers wait here for the supervising assessor; on approval they become a
 * `survey_responses` row (without any link back) and are removed from here; on rejection they are removed.
 */
export const eit2Interviews = pgTable(
  'eit2_interviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    year: integer('year').notNull(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => eitContacts.id, { onDelete: 'restrict' }),
    interviewerId: uuid('interviewer_id').references(() => users.id, { onDelete: 'set null' }),
    outcome: text('outcome').$type<InterviewOutcome>().notNull(),
    startedAt: ts('started_at').notNull(),
    endedAt: ts('ended_at').notNull(),
    /** Per-question durations and other paradata of the interview (never answers). */
    paradata: jsonb('paradata').notNull().default({}),
    pendingAnswers: jsonb('pending_answers'),
    status: text('status').$type<InterviewStatus>().notNull().default('entered'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: ts('reviewed_at'),
    reviewReason: text('review_reason'),
  },
  (t) => [
    participationFk(t, 'eit2_interviews_participation_fk'),
    check(
      'eit2_interviews_outcome',
      sql`${t.outcome} in ('completed', 'refused', 'unreachable', 'wrong_number')`,
    ),
    check('eit2_interviews_status', sql`${t.status} in ('entered', 'approved', 'rejected')`),
    check('eit2_interviews_times', sql`${t.endedAt} >= ${t.startedAt}`),
    check(
      'eit2_interviews_answers_only_pending',
      sql`(${t.status} = 'entered' and ${t.outcome} = 'completed') = (${t.pendingAnswers} is not null)`,
    ),
    check(
      'eit2_interviews_rejection_reason',
      sql`${t.status} <> 'rejected' or length(trim(coalesce(${t.reviewReason}, ''))) > 0`,
    ),
    index('eit2_interviews_agency_idx').on(t.agencyId, t.year, t.status),
  ],
);
