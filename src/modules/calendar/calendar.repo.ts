// Drizzle queries of the calendar: per-agency stage extensions (one or many at once) and year closures.
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { cycleClosures, stageExtensions } from '../../db/schema/index.ts';

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

export type ClosureRow = { year: number; closedAt: Date; closedBy: string | null; reason: string };

/** The year's closure, if NACC closed it. */
export async function selectClosure(db: DbOrTx, year: number): Promise<ClosureRow | undefined> {
  const [row] = await db.select().from(cycleClosures).where(eq(cycleClosures.year, year));
  return row;
}

/** Closes a year; false when it was closed already (the first closure stands). */
export async function insertClosure(db: DbOrTx, row: ClosureRow): Promise<boolean> {
  const done = await db
    .insert(cycleClosures)
    .values(row)
    .onConflictDoNothing()
    .returning({ year: cycleClosures.year });
  return done.length > 0;
}

export async function deleteClosure(db: DbOrTx, year: number): Promise<ClosureRow | undefined> {
  const [row] = await db.delete(cycleClosures).where(eq(cycleClosures.year, year)).returning();
  return row;
}

/** The current ends of one stage's extensions for these agencies (agency id → last day). */
export async function selectStageExtensionEnds(
  db: DbOrTx,
  year: number,
  stage: string,
  agencyIds: readonly string[],
): Promise<Map<string, string>> {
  if (agencyIds.length === 0) return new Map();
  const rows = await db
    .select({ agencyId: stageExtensions.agencyId, endsOn: stageExtensions.endsOn })
    .from(stageExtensions)
    .where(
      and(
        eq(stageExtensions.year, year),
        eq(stageExtensions.stage, stage),
        inArray(stageExtensions.agencyId, [...agencyIds]),
      ),
    );
  return new Map(rows.map((r) => [r.agencyId, r.endsOn]));
}

/** One stage extended to the same day for many agencies, in one statement. */
export async function upsertExtensions(
  db: DbOrTx,
  rows: { agencyIds: readonly string[]; year: number; stage: string; endsOn: string; reason: string },
  grantedBy: string,
  now: Date,
) {
  if (rows.agencyIds.length === 0) return;
  await db
    .insert(stageExtensions)
    .values(
      rows.agencyIds.map((agencyId) => ({
        agencyId,
        year: rows.year,
        stage: rows.stage,
        endsOn: rows.endsOn,
        reason: rows.reason,
        grantedBy,
        grantedAt: now,
      })),
    )
    .onConflictDoUpdate({
      target: [stageExtensions.agencyId, stageExtensions.year, stageExtensions.stage],
      set: {
        endsOn: sql`excluded.ends_on`,
        reason: sql`excluded.reason`,
        grantedBy: sql`excluded.granted_by`,
        grantedAt: sql`excluded.granted_at`,
      },
    });
}

/** Every extension of the year among the agencies `inScope` selects (a subquery of agency ids). */
export async function selectYearExtensions(db: DbOrTx, year: number, inScope: SQL) {
  return db
    .select({
      agencyId: stageExtensions.agencyId,
      stage: stageExtensions.stage,
      endsOn: stageExtensions.endsOn,
      reason: stageExtensions.reason,
      grantedAt: stageExtensions.grantedAt,
      grantedBy: stageExtensions.grantedBy,
    })
    .from(stageExtensions)
    .where(and(eq(stageExtensions.year, year), inArray(stageExtensions.agencyId, inScope)))
    .orderBy(desc(stageExtensions.grantedAt), asc(stageExtensions.agencyId), asc(stageExtensions.stage));
}
