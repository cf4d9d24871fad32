// Participation rows (agency × fiscal year) and cycle counts.
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { agencies, participations } from '../../db/schema/index.ts';
import type { ParticipationRow } from './agencies.repo.ts';
import type { OpenCycleFilter } from './participations.schema.ts';

export async function selectParticipation(
  db: DbOrTx,
  agencyId: string,
  year: number,
): Promise<ParticipationRow | undefined> {
  const [row] = await db
    .select()
    .from(participations)
    .where(and(eq(participations.agencyId, agencyId), eq(participations.year, year)));
  return row;
}

export async function updateRegistration(
  db: DbOrTx,
  agencyId: string,
  year: number,
  values: { registered: boolean; registeredAt: Date | null },
): Promise<ParticipationRow> {
  const [row] = await db
    .update(participations)
    .set(values)
    .where(and(eq(participations.agencyId, agencyId), eq(participations.year, year)))
    .returning();
  if (!row) throw new Error('the write returned no row');
  return row;
}

export const openFilterCondition = (filter: OpenCycleFilter = {}): SQL | undefined =>
  and(
    eq(agencies.active, true),
    filter.provinceCode ? eq(agencies.provinceCode, filter.provinceCode) : undefined,
    filter.type ? eq(agencies.type, filter.type) : undefined,
    filter.ministryCode ? eq(agencies.ministryCode, filter.ministryCode) : undefined,
    filter.agencyIds ? inArray(agencies.id, filter.agencyIds) : undefined,
  );

/** One statement: every matching agency gets a participation row for the year unless it already has one. */
export async function openCycle(
  db: DbOrTx,
  year: number,
  where: SQL | undefined,
  now: Date,
  registered = false,
): Promise<{ matched: number; opened: number }> {
  const result = await db.execute<{ matched: number; opened: number }>(sql`
    with matching as (
      select ${agencies.id} as id from ${agencies} where ${where ?? sql`true`}
    ), inserted as (
      insert into participations (agency_id, year, registered, registered_at, opened_at)
      select id, ${year}::int, ${registered}::boolean,
        ${registered ? now.toISOString() : null}::timestamptz, ${now.toISOString()}::timestamptz
      from matching
      on conflict do nothing
      returning 1
    )
    select (select count(*) from matching)::int as matched, (select count(*) from inserted)::int as opened`);
  const row = result.rows[0];
  return { matched: Number(row?.matched ?? 0), opened: Number(row?.opened ?? 0) };
}

/** Counts for a year among the agencies matching `scope` (see agencyScopeCondition). */
export async function cycleCounts(db: DbOrTx, year: number, scope: SQL) {
  const [row] = await db
    .select({
      agencies: sql<number>`count(*) filter (where ${agencies.active})::int`,
      open: sql<number>`count(${participations.agencyId})::int`,
      registered: sql<number>`count(*) filter (where ${participations.registered})::int`,
    })
    .from(agencies)
    .leftJoin(participations, and(eq(participations.agencyId, agencies.id), eq(participations.year, year)))
    .where(scope);
  return {
    agencies: Number(row?.agencies ?? 0),
    open: Number(row?.open ?? 0),
    registered: Number(row?.registered ?? 0),
  };
}
