// Where to resend a one-time code. `otp_challenges` keeps only a keyed hash of the phone/e-mail (for the
// limits and the one-response rule), but a resend must reach the same destination: it is kept here sealed
// (AES-256-GCM with a key derived from the server secret), never in plain text, and disappears with its
// challenge (verified, expired or purged).
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { otpChallenges } from './surveys.ts';

export const otpSealedDestinations = pgTable('otp_sealed_destinations', {
  challengeId: uuid('challenge_id')
    .primaryKey()
    .references(() => otpChallenges.id, { onDelete: 'cascade' }),
  /** base64url(iv ‖ ciphertext ‖ tag), bound to the challenge id as associated data. */
  sealed: text('sealed').notNull(),
});
