// The per-agency stage extensions of many agencies at once, for lists that show each agency's deadlines
// (the OIT queue) without asking for one window at a time.
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { stageExtensions } from '../../db/schema/index.ts';

export function stageExtensionsOf(db: DbOrTx, agencyIds: readonly string[], year: number) {
  if (agencyIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      agencyId: stageExtensions.agencyId,
      stage: stageExtensions.stage,
      endsOn: stageExtensions.endsOn,
    })
    .from(stageExtensions)
    .where(and(inArray(stageExtensions.agencyId, [...agencyIds]), eq(stageExtensions.year, year)));
}

/** The end of the agency's extension of a stage (null without one). */
export async function extensionEndsOn(
  db: DbOrTx,
  agencyId: string,
  year: number,
  stage: string,
): Promise<string | null> {
  const e = stageExtensions;
  const [row] = await db
    .select({ endsOn: e.endsOn })
    .from(e)
    .where(and(eq(e.agencyId, agencyId), eq(e.year, year), eq(e.stage, stage)));
  return row?.endsOn ?? null;
}

/** The stage extensions of the agencies in `agencyIds` (a subquery) for the year: agency id → stage → last day. */
export async function stageExtensionsIn(
  db: DbOrTx,
  year: number,
  agencyIds: SQL,
): Promise<Map<string, Map<string, string>>> {
  const rows = await db
    .select({
      agencyId: stageExtensions.agencyId,
      stage: stageExtensions.stage,
      endsOn: stageExtensions.endsOn,
    })
    .from(stageExtensions)
    .where(and(eq(stageExtensions.year, year), inArray(stageExtensions.agencyId, agencyIds)));
  const out = new Map<string, Map<string, string>>();
  for (const r of rows) {
    const m = out.get(r.agencyId) ?? new Map<string, string>();
    m.set(r.stage, r.endsOn);
    out.set(r.agencyId, m);
  }
  return out;
}
