import { sql } from 'drizzle-orm';
import { bigint, check, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The append-only, hash-chained audit log (see src/core/audit/chain.ts for the hash and
 * src/modules/audit/audit.service.ts for appending).
 *
 * `seq` is the chain order. It is not an identity column: a sequence hands out numbers outside the
 * transaction, so a rolled-back change would leave a hole indistinguishable from a deleted entry. The
 * appender takes an advisory lock and writes the previous seq + 1 instead.
 *
 * The actor and agency ids carry no foreign keys on purpose: ON DELETE SET NULL would rewrite hashed
 * columns (breaking the chain) and RESTRICT would make every audited user and agency undeletable. The
 * username and role are copied so that history still says who acted after the account is gone.
 * Triggers (drizzle/0002_audit_log.sql, written by hand) refuse UPDATE, DELETE and TRUNCATE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorUsername: text('actor_username'),
    actorRole: text('actor_role'),
    agencyId: uuid('agency_id'),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull().unique('audit_log_prev_hash_unique'),
    hash: text('hash').notNull().unique('audit_log_hash_unique'),
  },
  (t) => [
    check('audit_log_seq_positive', sql`${t.seq} >= 1`),
    check('audit_log_entity_type_not_empty', sql`length(${t.entityType}) > 0`),
    check('audit_log_entity_id_not_empty', sql`length(${t.entityId}) > 0`),
    check('audit_log_action_not_empty', sql`length(${t.action}) > 0`),
    check('audit_log_hash_format', sql`${t.hash} ~ '^[0-9a-f]{64}$'`),
    check('audit_log_prev_hash_format', sql`${t.prevHash} ~ '^[0-9a-f]{64}$'`),
    // The genesis link (64 zeros) belongs to the first entry only.
    check('audit_log_genesis_first', sql`(${t.seq} = 1) = (${t.prevHash} = repeat('0', 64))`),
    // A system entry has no actor at all; a user's entry always names the user and role.
    check('audit_log_actor_named', sql`(${t.actorUsername} is null) = (${t.actorRole} is null)`),
    check('audit_log_actor_id_named', sql`${t.actorUserId} is null or ${t.actorUsername} is not null`),
    index('audit_log_entity_idx').on(t.entityType, t.entityId, t.seq.desc()),
    index('audit_log_agency_idx').on(t.agencyId, t.seq.desc()),
  ],
);

/**
 * Signed checkpoints of the audit chain (src/core/audit/checkpoint.ts). Kept here for convenience only: the
 * trust is in the signature and in the copies e-mailed to NACC admins, never in this table, so
 * `prongsai audit verify` re-checks every row's signature with keys from outside the database.
 *
 * `day` (Bangkok) is set on the daily checkpoint only; its unique constraint makes several app instances
 * take one daily checkpoint between them. Triggers (written by hand in the migration) refuse UPDATE,
 * DELETE and TRUNCATE, as on the audit log.
 */
export const auditCheckpoints = pgTable(
  'audit_checkpoints',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    headHash: text('head_hash').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true, precision: 3 }).notNull(),
    reason: text('reason').notNull(),
    keyId: text('key_id').notNull(),
    day: date('day', { mode: 'string' }).unique('audit_checkpoints_day_unique'),
    /** The signed line exactly as e-mailed (what verifiers read). */
    signed: text('signed').notNull().unique('audit_checkpoints_signed_unique'),
  },
  (t) => [
    check('audit_checkpoints_seq_not_negative', sql`${t.seq} >= 0`),
    check('audit_checkpoints_head_hash_format', sql`${t.headHash} ~ '^[0-9a-f]{64}$'`),
    check('audit_checkpoints_daily_reason', sql`(${t.day} is null) = (${t.reason} <> 'daily')`),
    index('audit_checkpoints_taken_idx').on(t.takenAt.desc()),
  ],
);
