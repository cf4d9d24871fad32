// Drizzle queries of the OTP module: challenges, their sealed destinations, rate buckets, SMS usage.
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  agencies,
  eitRespondents,
  frameworkVersions,
  otpChallenges,
  otpSealedDestinations,
  participations,
  smsDailyUsage,
} from '../../db/schema/index.ts';
import { purgeWindows } from '../rate-limits/index.ts';
import { OTP_BUCKET_PREFIX } from './otp.limits.ts';

export interface CollectionTarget {
  agency: { id: string; nameTh: string; nameEn: string | null; active: boolean };
  /** The newest fiscal year with a participation whose framework is loaded; null when there is none. */
  year: number | null;
}

export async function findCollectionTarget(db: DbOrTx, agencyId: string): Promise<CollectionTarget | null> {
  const [agency] = await db
    .select({
      id: agencies.id,
      nameTh: agencies.nameTh,
      nameEn: agencies.nameEn,
      active: agencies.active,
    })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  if (!agency) return null;
  const [row] = await db
    .select({ year: sql<number | null>`max(${participations.year})` })
    .from(participations)
    .where(
      and(
        eq(participations.agencyId, agencyId),
        sql`exists (select 1 from ${frameworkVersions} where ${frameworkVersions.year} = ${participations.year})`,
      ),
    );
  return { agency, year: row?.year ?? null };
}

export async function hasResponded(db: DbOrTx, agencyId: string, year: number, destinationHash: string) {
  const rows = await db
    .select({ one: sql`1` })
    .from(eitRespondents)
    .where(
      and(
        eq(eitRespondents.agencyId, agencyId),
        eq(eitRespondents.year, year),
        eq(eitRespondents.destinationHash, destinationHash),
      ),
    );
  return rows.length > 0;
}

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

export async function smsUsageOfDay(db: DbOrTx, day: string) {
  return db
    .select({
      agencyId: smsDailyUsage.agencyId,
      code: agencies.code,
      nameTh: agencies.nameTh,
      nameEn: agencies.nameEn,
      sent: smsDailyUsage.sent,
      warnedAt: smsDailyUsage.warnedAt,
    })
    .from(smsDailyUsage)
    .innerJoin(agencies, eq(agencies.id, smsDailyUsage.agencyId))
    .where(eq(smsDailyUsage.day, day))
    .orderBy(sql`${smsDailyUsage.sent} desc`, agencies.code);
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
