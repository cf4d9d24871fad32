// The agencies taking part in a year as the monitoring matrix and the reminders see them: one query for any
// number of agencies, narrowed by the caller's selection (the actor's scope as SQL, or an id list) and
// filters, and the same set as a subquery for the other owners' set-based counts.
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { agencies, participations } from '../../db/schema/index.ts';
import type { AgencyType } from '../../shared/agency-types.ts';

export interface MonitoredFilter {
  /** Which agencies: always a condition (the actor's `agencyScopeCondition`, or `inArray` of ids). */
  scope: SQL;
  provinceCode?: string | undefined;
  ministryCode?: string | undefined;
  agencyType?: AgencyType | undefined;
  agencyIds?: readonly string[] | undefined;
}

const condition = (year: number, f: MonitoredFilter) =>
  and(
    eq(participations.year, year),
    eq(agencies.active, true),
    f.scope,
    f.provinceCode ? eq(agencies.provinceCode, f.provinceCode) : undefined,
    f.ministryCode ? eq(agencies.ministryCode, f.ministryCode) : undefined,
    f.agencyType ? eq(agencies.type, f.agencyType) : undefined,
    f.agencyIds === undefined
      ? undefined
      : f.agencyIds.length > 0
        ? inArray(agencies.id, [...f.agencyIds])
        : sql`false`,
  ) ?? sql`false`;

/** The ids of those agencies, as a subquery (for `inArray` on another owner's agency id column). */
export function monitoredIdsIn(year: number, f: MonitoredFilter): SQL {
  return sql`(select ${agencies.id} from ${agencies} inner join ${participations}
    on ${participations.agencyId} = ${agencies.id} where ${condition(year, f)})`;
}

/** Those agencies with what monitoring shows of them, by Thai name (then id, for a stable order). */
export function monitoredAgencies(db: DbOrTx, year: number, f: MonitoredFilter) {
  return db
    .select({
      id: agencies.id,
      code: agencies.code,
      nameTh: agencies.nameTh,
      nameEn: agencies.nameEn,
      type: agencies.type,
      provinceCode: agencies.provinceCode,
      ministryCode: agencies.ministryCode,
      peerGroup: agencies.peerGroup,
      sizeClass: agencies.sizeClass,
      registered: participations.registered,
    })
    .from(agencies)
    .innerJoin(participations, eq(participations.agencyId, agencies.id))
    .where(condition(year, f))
    .orderBy(asc(agencies.nameTh), asc(agencies.id));
}

export type MonitoredAgency = Awaited<ReturnType<typeof monitoredAgencies>>[number];
