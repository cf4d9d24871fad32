// The scopes' targets: the only reads and writes of `lessons_targets`.
import { and, eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { lessonsTargets } from '../../db/schema/index.ts';
import type { LessonsScopeRef } from '../../shared/lessons.ts';

export type TargetRow = typeof lessonsTargets.$inferSelect;

const codeOf = (s: LessonsScopeRef) => (s.kind === 'nation' ? '' : s.code);
const keyOf = (year: number, s: LessonsScopeRef) =>
  and(
    eq(lessonsTargets.year, year),
    eq(lessonsTargets.scopeKind, s.kind),
    eq(lessonsTargets.scopeCode, codeOf(s)),
  );

export async function targetOf(db: DbOrTx, year: number, scope: LessonsScopeRef): Promise<TargetRow | null> {
  const [row] = await db.select().from(lessonsTargets).where(keyOf(year, scope));
  return row ?? null;
}

/** The row as it stands, locked until the transaction ends (the audit entry's `before`). */
export async function targetForUpdate(
  tx: Tx,
  year: number,
  scope: LessonsScopeRef,
): Promise<TargetRow | null> {
  const [row] = await tx.select().from(lessonsTargets).where(keyOf(year, scope)).for('update');
  return row ?? null;
}

export async function upsertTarget(
  tx: Tx,
  year: number,
  scope: LessonsScopeRef,
  values: { threshold: number; share: number; updatedBy: string; updatedAt: Date },
): Promise<TargetRow> {
  const [row] = await tx
    .insert(lessonsTargets)
    .values({ year, scopeKind: scope.kind, scopeCode: codeOf(scope), ...values })
    .onConflictDoUpdate({
      target: [lessonsTargets.year, lessonsTargets.scopeKind, lessonsTargets.scopeCode],
      set: values,
    })
    .returning();
  if (!row) throw new Error('upsertTarget: nothing returned');
  return row;
}
