// Drizzle queries of the checkpoints table (never trusted: every reader re-checks the signatures).
import { asc, eq, gte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { auditCheckpoints } from '../../db/schema/index.ts';

export type CheckpointRow = typeof auditCheckpoints.$inferSelect;

/**
 * Stores a checkpoint; null when the day already has its daily checkpoint (another instance took it) or
 * the very same signed line is stored (the same head signed twice within a millisecond).
 */
export async function insertCheckpoint(
  db: DbOrTx,
  row: Omit<typeof auditCheckpoints.$inferInsert, 'id'>,
): Promise<CheckpointRow | null> {
  const inserted = await db.insert(auditCheckpoints).values(row).onConflictDoNothing().returning();
  return inserted[0] ?? null;
}

export async function checkpointBySigned(db: DbOrTx, signed: string): Promise<CheckpointRow | null> {
  const [row] = await db.select().from(auditCheckpoints).where(eq(auditCheckpoints.signed, signed));
  return row ?? null;
}

export async function dailyCheckpointExists(db: DbOrTx, day: string): Promise<boolean> {
  const [row] = await db
    .select({ id: auditCheckpoints.id })
    .from(auditCheckpoints)
    .where(eq(auditCheckpoints.day, day))
    .limit(1);
  return row !== undefined;
}

/** The signed text of every stored checkpoint, oldest first (a year holds a few hundred). */
export async function allCheckpointTexts(db: DbOrTx): Promise<{ id: number; signed: string }[]> {
  return db
    .select({ id: auditCheckpoints.id, signed: auditCheckpoints.signed })
    .from(auditCheckpoints)
    .orderBy(asc(auditCheckpoints.id));
}

export async function firstCheckpointCovering(db: DbOrTx, seq: number): Promise<CheckpointRow | null> {
  const [row] = await db
    .select()
    .from(auditCheckpoints)
    .where(gte(auditCheckpoints.seq, seq))
    .orderBy(asc(auditCheckpoints.seq), asc(auditCheckpoints.id))
    .limit(1);
  return row ?? null;
}
