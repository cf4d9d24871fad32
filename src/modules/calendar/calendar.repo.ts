// Drizzle queries of the calendar: per-agency stage extensions.
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { stageExtensions } from '../../db/schema/index.ts';

export type ExtensionRow = {
  stage: string;
  endsOn: string;
  reason: string;
  grantedAt: Date;
  grantedBy: string | null;
};

export async function selectExtensions(db: DbOrTx, agencyId: string, year: number): Promise<ExtensionRow[]> {
  const rows = await db
    .select({
      stage: stageExtensions.stage,
      endsOn: stageExtensions.endsOn,
      reason: stageExtensions.reason,
      grantedAt: stageExtensions.grantedAt,
      grantedBy: stageExtensions.grantedBy,
    })
    .from(stageExtensions)
    .where(and(eq(stageExtensions.agencyId, agencyId), eq(stageExtensions.year, year)));
  return rows;
}

export async function selectExtensionEnd(
  db: DbOrTx,
  key: { agencyId: string; year: number; stage: string },
): Promise<string | null> {
  const [row] = await db
    .select({ endsOn: stageExtensions.endsOn })
    .from(stageExtensions)
    .where(
      and(
        eq(stageExtensions.agencyId, key.agencyId),
        eq(stageExtensions.year, key.year),
        eq(stageExtensions.stage, key.stage),
      ),
    );
  return row?.endsOn ?? null;
}

export async function upsertExtension(
  db: DbOrTx,
  row: {
    agencyId: string;
    year: number;
    stage: string;
    endsOn: string;
    reason: string;
    grantedBy: string;
    now: Date;
  },
) {
  const values = {
    agencyId: row.agencyId,
    year: row.year,
    stage: row.stage,
    endsOn: row.endsOn,
    reason: row.reason,
    grantedBy: row.grantedBy,
    grantedAt: row.now,
  };
  await db
    .insert(stageExtensions)
    .values(values)
    .onConflictDoUpdate({
      target: [stageExtensions.agencyId, stageExtensions.year, stageExtensions.stage],
      set: {
        endsOn: values.endsOn,
        reason: values.reason,
        grantedBy: values.grantedBy,
        grantedAt: values.grantedAt,
      },
    });
}

export async function deleteExtension(
  db: DbOrTx,
  key: { agencyId: string; year: number; stage: string },
): Promise<{ endsOn: string; reason: string } | undefined> {
  const [row] = await db
    .delete(stageExtensions)
    .where(
      and(
        eq(stageExtensions.agencyId, key.agencyId),
        eq(stageExtensions.year, key.year),
        eq(stageExtensions.stage, key.stage),
      ),
    )
    .returning({ endsOn: stageExtensions.endsOn, reason: stageExtensions.reason });
  return row;
}
