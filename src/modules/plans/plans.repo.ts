// Queries of the supervision_plans table (this module's own).
import { and, eq, inArray, isNotNull, or, type SQL } from 'drizzle-orm';
import type { PlanScopeRef } from '../../core/authz.ts';
import { assertNever } from '../../core/exhaustive.ts';
import type { PlanActivity } from '../../core/plans/activity.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { supervisionPlans } from '../../db/schema/index.ts';

export type PlanRow = typeof supervisionPlans.$inferSelect;

function scopeColumn(kind: PlanScopeRef['kind']) {
  switch (kind) {
    case 'province':
      return supervisionPlans.provinceCode;
    case 'ministry':
      return supervisionPlans.ministryCode;
    default:
      return assertNever(kind);
  }
}

const key = (scope: PlanScopeRef, year: number) =>
  and(eq(scopeColumn(scope.kind), scope.code), eq(supervisionPlans.year, year));

export async function selectPlan(db: DbOrTx, scope: PlanScopeRef, year: number): Promise<PlanRow | null> {
  const [row] = await db.select().from(supervisionPlans).where(key(scope, year));
  return row ?? null;
}

/** The row locked for this transaction (null when the plan was never saved). */
export async function lockPlan(tx: Tx, scope: PlanScopeRef, year: number): Promise<PlanRow | null> {
  const [row] = await tx.select().from(supervisionPlans).where(key(scope, year)).for('update');
  return row ?? null;
}

/** Creates the plan at version 1; null when another save created it first (the unique index decides). */
export async function insertPlan(
  tx: Tx,
  scope: PlanScopeRef,
  year: number,
  activities: PlanActivity[],
  by: string,
  at: Date,
): Promise<PlanRow | null> {
  const [row] = await tx
    .insert(supervisionPlans)
    .values({
      provinceCode: scope.kind === 'province' ? scope.code : null,
      ministryCode: scope.kind === 'ministry' ? scope.code : null,
      year,
      activities,
      createdBy: by,
      createdAt: at,
      updatedBy: by,
      updatedAt: at,
    })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/** Replaces the activities if the plan is still at `version`; null when it is not (a newer save won). */
export async function updatePlan(
  tx: Tx,
  id: string,
  version: number,
  activities: PlanActivity[],
  by: string,
  at: Date,
): Promise<PlanRow | null> {
  const [row] = await tx
    .update(supervisionPlans)
    .set({ activities, version: version + 1, updatedBy: by, updatedAt: at })
    .where(and(eq(supervisionPlans.id, id), eq(supervisionPlans.version, version)))
    .returning();
  return row ?? null;
}

/** The year's plans of the scopes given (both lists empty: none), or of every scope (`all`). */
export async function plansOfYear(
  db: DbOrTx,
  year: number,
  scopes: 'all' | { provinces: readonly string[]; ministries: readonly string[] },
): Promise<PlanRow[]> {
  let which: SQL | undefined;
  if (scopes === 'all')
    which = or(isNotNull(supervisionPlans.provinceCode), isNotNull(supervisionPlans.ministryCode));
  else {
    const parts: SQL[] = [];
    if (scopes.provinces.length > 0)
      parts.push(inArray(supervisionPlans.provinceCode, [...scopes.provinces]));
    if (scopes.ministries.length > 0)
      parts.push(inArray(supervisionPlans.ministryCode, [...scopes.ministries]));
    if (parts.length === 0) return [];
    which = or(...parts);
  }
  return db
    .select()
    .from(supervisionPlans)
    .where(and(eq(supervisionPlans.year, year), which));
}
