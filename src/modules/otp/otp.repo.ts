// Drizzle queries of the OTP module: challenges, their sealed destinations, rate buckets, SMS usage.
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { otpChallenges, otpSealedDestinations, smsDailyUsage } from '../../db/schema/index.ts';
import { agencyNamesByIds } from '../agencies/index.ts';
import { purgeWindows } from '../rate-limits/index.ts';
import { OTP_BUCKET_PREFIX } from './otp.limits.ts';

/**
 * Counts one SMS against the agency's daily cap, atomically: returns the new count, or null when the cap
 * is already reached (nothing is counted then).
 */
export async function reserveSms(db: DbOrTx, agencyId: string, day: string, cap: number) {
  const [row] = await db
    .insert(smsDailyUsage)
    .values({ agencyId, day, sent: 1 })
    .onConflictDoUpdate({
      target: [smsDailyUsage.agencyId, smsDailyUsage.day],
      set: { sent: sql`${smsDailyUsage.sent} + 1` },
      setWhere: lt(smsDailyUsage.sent, cap),
    })
    .returning({ sent: smsDailyUsage.sent });
  return row ? row.sent : null;
}

/** Gives back an SMS that was counted but never left (the gateway refused it). */
export async function releaseSms(db: DbOrTx, agencyId: string, day: string) {
  await db
    .update(smsDailyUsage)
    .set({ sent: sql`greatest(${smsDailyUsage.sent} - 1, 0)` })
    .where(and(eq(smsDailyUsage.agencyId, agencyId), eq(smsDailyUsage.day, day)));
}

/** Marks the day's warning as sent; true only for the one caller that marked it. */
export async function markSmsWarning(
  db: DbOrTx,
  agencyId: string,
  day: string,
  threshold: number,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(smsDailyUsage)
    .set({ warnedAt: now })
    .where(
      and(
        eq(smsDailyUsage.agencyId, agencyId),
        eq(smsDailyUsage.day, day),
        isNull(smsDailyUsage.warnedAt),
        sql`${smsDailyUsage.sent} >= ${threshold}`,
      ),
    )
    .returning({ agencyId: smsDailyUsage.agencyId });
  return rows.length > 0;
}

/** The day's SMS counts per agency with the agency's code and names, most SMS first, then by code. */
export async function smsUsageOfDay(db: DbOrTx, day: string) {
  const usage = await db
    .select({ agencyId: smsDailyUsage.agencyId, sent: smsDailyUsage.sent, warnedAt: smsDailyUsage.warnedAt })
    .from(smsDailyUsage)
    .where(eq(smsDailyUsage.day, day));
  const names = await agencyNamesByIds(
    db,
    usage.map((u) => u.agencyId),
  );
  return usage
    .flatMap((u) => {
      const a = names.get(u.agencyId);
      return a ? [{ ...u, code: a.code, nameTh: a.nameTh, nameEn: a.nameEn }] : [];
    })
    .sort((x, y) => y.sent - x.sent || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
}

export type ChallengeRow = typeof otpChallenges.$inferSelect;

export async function insertChallenge(
  db: DbOrTx,
  row: typeof otpChallenges.$inferInsert & { id: string },
  sealed: string,
) {
  await db.insert(otpChallenges).values(row);
  await db.insert(otpSealedDestinations).values({ challengeId: row.id, sealed });
}

/** The challenge with its sealed destination, locked for the rest of the transaction. */
export async function lockChallenge(db: DbOrTx, id: string, agencyId: string) {
  const [row] = await db
    .select({ challenge: otpChallenges, sealed: otpSealedDestinations.sealed })
    .from(otpChallenges)
    .leftJoin(otpSealedDestinations, eq(otpSealedDestinations.challengeId, otpChallenges.id))
    .where(and(eq(otpChallenges.id, id), eq(otpChallenges.agencyId, agencyId)))
    .for('update', { of: otpChallenges });
  return row ?? null;
}

export async function updateChallenge(
  db: DbOrTx,
  id: string,
  state: Pick<ChallengeRow, 'codeHash' | 'issuedAt' | 'attempts' | 'lastSentAt' | 'sends' | 'verifiedAt'>,
) {
  await db.update(otpChallenges).set(state).where(eq(otpChallenges.id, id));
}

export async function deleteChallenge(db: DbOrTx, id: string) {
  await db.delete(otpChallenges).where(eq(otpChallenges.id, id));
}

/** Challenges whose code died long ago, and this module's rate windows that have ended. */
export async function purgeStale(db: DbOrTx, challengesIssuedBefore: Date, windowsStartedBefore: Date) {
  await db.delete(otpChallenges).where(lt(otpChallenges.issuedAt, challengesIssuedBefore));
  await purgeWindows(db, OTP_BUCKET_PREFIX, windowsStartedBefore);
}
