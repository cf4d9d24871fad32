// Queries of the assessor_advice table (this module's own).
import { and, eq, sql } from 'drizzle-orm';
import type { AdviceEntry } from '../../core/results/details.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { assessorAdvice } from '../../db/schema/index.ts';

export type AdviceRow = typeof assessorAdvice.$inferSelect;

const key = (agencyId: string, year: number) =>
  and(eq(assessorAdvice.agencyId, agencyId), eq(assessorAdvice.year, year));

export async function selectAdvice(db: DbOrTx, agencyId: string, year: number): Promise<AdviceRow | null> {
  const [row] = await db.select().from(assessorAdvice).where(key(agencyId, year));
  return row ?? null;
}

/** The row locked for this transaction (null when none was saved yet). */
export async function lockAdvice(tx: Tx, agencyId: string, year: number): Promise<AdviceRow | null> {
  const [row] = await tx.select().from(assessorAdvice).where(key(agencyId, year)).for('update');
  return row ?? null;
}

/**
 * Stores the advice: inserted at version 1, or the row updated to version + 1. Two first saves racing each
 * other meet on the primary key: the second one updates the first one's row.
 */
export async function saveAdvice(
  tx: Tx,
  row: { agencyId: string; year: number; entries: AdviceEntry[]; overall: string | null },
  by: string,
  at: Date,
): Promise<AdviceRow> {
  const [saved] = await tx
    .insert(assessorAdvice)
    .values({ ...row, createdBy: by, createdAt: at, updatedBy: by, updatedAt: at })
    .onConflictDoUpdate({
      target: [assessorAdvice.agencyId, assessorAdvice.year],
      set: {
        entries: sql`excluded.entries`,
        overall: sql`excluded.overall`,
        version: sql`${assessorAdvice.version} + 1`,
        updatedBy: sql`excluded.updated_by`,
        updatedAt: sql`excluded.updated_at`,
      },
    })
    .returning();
  if (!saved) throw new Error('advice not saved');
  return saved;
}
