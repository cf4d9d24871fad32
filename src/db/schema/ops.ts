// Operations bookkeeping.
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A fingerprint of each server key whose change would make stored data stop matching (README "Secrets"):
 * an HMAC of a fixed text under the key, which reveals nothing of the key. At start the server compares it
 * with the key it was given and refuses to run on a different key until `prongsai secrets rotate` accepts it.
 */
export const keyFingerprints = pgTable('key_fingerprints', {
  /** Which key: 'hash' (keyed hashes, sealed OTP destinations, respondent grants). */
  purpose: text('purpose').primaryKey(),
  fingerprint: text('fingerprint').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
});

/**
 * What each start-up task last completed its work for: a fingerprint (SHA-256) of everything the work
 * depends on — its data and bundled files, its own code, the configuration it reads, the tasks before it.
 * At start a task whose fingerprint is the stored one has nothing to do and is skipped (src/modules/startup.ts).
 */
export const startupMarks = pgTable('startup_marks', {
  task: text('task').primaryKey(),
  fingerprint: text('fingerprint').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
});
