// Drizzle queries for the IIT access code and single-use token batches.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { surveyAccess, surveyTokenBatches, surveyTokens } from '../../db/schema/index.ts';

import { type AccessRow, selectAccess } from './iit-access.queries.ts';

export type { AccessRow };
export { selectAccess };

/** Creates the row unless a concurrent first read already did; returns whichever row won. */
export async function insertAccessIfMissing(
  db: DbOrTx,
  agencyId: string,
  year: number,
  accessCode: string,
  now: Date,
): Promise<AccessRow> {
  await db
    .insert(surveyAccess)
    .values({ agencyId, year, accessCode, codeRotatedAt: now })
    .onConflictDoNothing();
  return (await selectAccess(db, agencyId, year)) as AccessRow;
}

export async function updateAccess(
  db: DbOrTx,
  agencyId: string,
  year: number,
  patch: Partial<Pick<AccessRow, 'accessCode' | 'codeRotatedAt' | 'tokensRequired'>>,
): Promise<AccessRow> {
  const [row] = await db
    .update(surveyAccess)
    .set(patch)
    .where(and(eq(surveyAccess.agencyId, agencyId), eq(surveyAccess.year, year)))
    .returning();
  return row as AccessRow;
}

export async function insertTokenBatch(
  db: DbOrTx,
  batch: { id: string; agencyId: string; year: number; createdAt: Date; createdBy: string },
  hashes: string[],
) {
  await db.insert(surveyTokenBatches).values(batch);
  await db.insert(surveyTokens).values(
    hashes.map((tokenHash) => ({
      tokenHash,
      agencyId: batch.agencyId,
      year: batch.year,
      batchId: batch.id,
    })),
  );
}

/**
 * Batches with the number of tokens issued, newest first. How many were used is unknowable by design (used
 * hashes carry no batch, agency or time).
 */
export async function selectBatches(db: DbOrTx, agencyId: string, year: number) {
  return db
    .select({
      batchId: surveyTokenBatches.id,
      issued: sql<number>`count(${surveyTokens.tokenHash})::int`,
      createdAt: surveyTokenBatches.createdAt,
      createdBy: surveyTokenBatches.createdBy,
    })
    .from(surveyTokenBatches)
    .innerJoin(surveyTokens, eq(surveyTokens.batchId, surveyTokenBatches.id))
    .where(and(eq(surveyTokenBatches.agencyId, agencyId), eq(surveyTokenBatches.year, year)))
    .groupBy(surveyTokenBatches.id)
    .orderBy(desc(surveyTokenBatches.createdAt), surveyTokenBatches.id);
}

/**
 * Marks that wrong codes for this agency reached the alarm level now, and claims the e-mail to NACC unless
 * one went out within `alertRepeatMs`. One statement, so that two instances seeing the alarm at once
 * cannot both claim it. Returns whether this call claimed the e-mail (false also when there is no row).
 */
export async function markAttackSeen(
  db: DbOrTx,
  agencyId: string,
  year: number,
  now: Date,
  alertRepeatMs: number,
): Promise<boolean> {
  const repeatAfter = new Date(now.getTime() - alertRepeatMs);
  const [row] = await db
    .update(surveyAccess)
    .set({
      attackSeenAt: now,
      attackAlertedAt: sql`case when ${surveyAccess.attackAlertedAt} is null
        or ${surveyAccess.attackAlertedAt} <= ${repeatAfter} then ${now}
        else ${surveyAccess.attackAlertedAt} end`,
    })
    .where(and(eq(surveyAccess.agencyId, agencyId), eq(surveyAccess.year, year)))
    .returning({ alertedAt: surveyAccess.attackAlertedAt });
  return row?.alertedAt?.getTime() === now.getTime();
}
