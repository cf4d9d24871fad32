// The agencies taking part in a year, for modules that work over them (OIT assignments and the OIT queue,
// collection progress): which ids exist, which take part (by filter or list), one page of them in the
// actor's scope, and all of them in the scope with the ids as a subquery for other owners' counts.
import { type AnyColumn, and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { agencies, participations } from '../../db/schema/index.ts';
import type { AgencyType } from '../../shared/agency-types.ts';

export async function existingAgencyIds(db: DbOrTx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(inArray(agencies.id, [...ids]));
  return new Set(rows.map((r) => r.id));
}

export interface ParticipantFilter {
  provinceCode?: string | undefined;
  agencyType?: AgencyType | undefined;
  ministryCode?: string | undefined;
  agencyIds?: readonly string[] | undefined;
}

const filterCondition = (by: ParticipantFilter) =>
  and(
    by.provinceCode ? eq(agencies.provinceCode, by.provinceCode) : undefined,
    by.agencyType ? eq(agencies.type, by.agencyType) : undefined,
    by.ministryCode ? eq(agencies.ministryCode, by.ministryCode) : undefined,
    by.agencyIds ? inArray(agencies.id, [...by.agencyIds]) : undefined,
  );

/** Active agencies taking part in the year (a participation row), narrowed by a filter or an id list. */
export async function participatingAgencyIds(
  db: DbOrTx,
  year: number,
  by: ParticipantFilter,
): Promise<string[]> {
  const rows = await db
    .select({ id: agencies.id })
    .from(agencies)
    .innerJoin(participations, eq(participations.agencyId, agencies.id))
    .where(and(eq(participations.year, year), eq(agencies.active, true), filterCondition(by)))
    .orderBy(asc(agencies.code));
  return rows.map((r) => r.id);
}

export interface ParticipantPageQuery extends ParticipantFilter {
  /** The actor's agencies (agencyScopeCondition): always a condition, never "no restriction". */
  scope: SQL;
  /** A condition of the caller's own over the agency id (e.g. its status of the agency's year). */
  where?: ((agencyId: AnyColumn) => SQL | undefined) | undefined;
  page: number;
  pageSize: number;
}

/** One page of the agencies taking part in the year (active or not) by code, and how many match. */
export async function participantPage(db: DbOrTx, year: number, q: ParticipantPageQuery) {
  const where = and(eq(participations.year, year), q.scope, filterCondition(q), q.where?.(agencies.id));
  const rows = await db
    .select({
      id: agencies.id,
      code: agencies.code,
      nameTh: agencies.nameTh,
      nameEn: agencies.nameEn,
      type: agencies.type,
      provinceCode: agencies.provinceCode,
    })
    .from(agencies)
    .innerJoin(participations, eq(participations.agencyId, agencies.id))
    .where(where)
    .orderBy(asc(agencies.code))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(agencies)
    .innerJoin(participations, eq(participations.agencyId, agencies.id))
    .where(where);
  return { rows, total: count?.n ?? 0 };
}

/** The agencies taking part in a year within the actor's scope, optionally narrowed (the progress list). */
export interface YearScopeFilter {
  /** The actor's agencies (agencyScopeCondition): always a condition, never "no restriction". */
  scope: SQL;
  provinceCode?: string | undefined;
  agencyType?: AgencyType | undefined;
}

const yearScopeCondition = (year: number, f: YearScopeFilter) =>
  and(eq(participations.year, year), f.scope, filterCondition(f)) ?? sql`false`;

/** The ids of those agencies, as a subquery (for `inArray` on another owner's agency id column). */
export function participantIdsIn(year: number, f: YearScopeFilter): SQL {
  return sql`(select ${agencies.id} from ${agencies} inner join ${participations}
    on ${participations.agencyId} = ${agencies.id} where ${yearScopeCondition(year, f)})`;
}

/** Those agencies by Thai name (then id, for a stable order), in one query. */
export function participantsIn(db: DbOrTx, year: number, f: YearScopeFilter) {
  return db
    .select({
      id: agencies.id,
      code: agencies.code,
      nameTh: agencies.nameTh,
      nameEn: agencies.nameEn,
      type: agencies.type,
      provinceCode: agencies.provinceCode,
      peerGroup: agencies.peerGroup,
      sizeClass: agencies.sizeClass,
    })
    .from(agencies)
    .innerJoin(participations, eq(participations.agencyId, agencies.id))
    .where(yearScopeCondition(year, f))
    .orderBy(asc(agencies.nameTh), asc(agencies.id));
}
