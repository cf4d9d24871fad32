// Read-only queries other modules may use (the agencies and participations tables are this module's):
// batched by ids, so a list never asks once per row.
import { and, asc, eq, ilike, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { AgencyRef } from '../../core/authz.ts';
import type { DbOrTx } from '../../db/client.ts';
import { agencies, participations } from '../../db/schema/index.ts';
import type { AgencyType } from '../../shared/agency-types.ts';
import { loadedFrameworkYears } from '../frameworks/index.ts';
import { provincesByCodes } from '../reference/index.ts';
import type { AgencyRow } from './agencies.repo.ts';

export interface AgencyName {
  id: string;
  code: string;
  nameTh: string;
  nameEn: string | null;
  website: string | null;
}

/** The names (and websites) of the given agencies, by id (unknown ids are absent). One query. */
export async function agencyNamesByIds(db: DbOrTx, ids: readonly string[]): Promise<Map<string, AgencyName>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: agencies.id,
      code: agencies.code,
      nameTh: agencies.nameTh,
      nameEn: agencies.nameEn,
      website: agencies.website,
    })
    .from(agencies)
    .where(inArray(agencies.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The agency's reference for authorization (id, province, ministry); null when there is no such agency. */
export async function agencyRefById(db: DbOrTx, id: string): Promise<AgencyRef | null> {
  const [row] = await db
    .select({ id: agencies.id, provinceCode: agencies.provinceCode, ministryCode: agencies.ministryCode })
    .from(agencies)
    .where(eq(agencies.id, id));
  return row ?? null;
}

export interface AgencyBrief extends AgencyRef {
  code: string;
  nameTh: string;
  nameEn: string | null;
}

/** Code, names and reference (province, ministry) of the given agencies, by id (unknown ids are absent). */
export async function agencyBriefsByIds(
  db: DbOrTx,
  ids: readonly (string | null)[],
): Promise<Map<string, AgencyBrief>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({
      id: agencies.id,
      code: agencies.code,
      nameTh: agencies.nameTh,
      nameEn: agencies.nameEn,
      provinceCode: agencies.provinceCode,
      ministryCode: agencies.ministryCode,
    })
    .from(agencies)
    .where(inArray(agencies.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

export interface CollectionTarget {
  id: string;
  nameTh: string;
  nameEn: string | null;
  type: AgencyRow['type'];
  active: boolean;
  /** The newest fiscal year with a participation whose framework is loaded (the year being collected). */
  year: number | null;
}

/** What the public respondent APIs collect for: the agency and its collection year; null without the agency. */
export async function collectionTarget(db: DbOrTx, agencyId: string): Promise<CollectionTarget | null> {
  const [row] = await db
    .select({
      id: agencies.id,
      nameTh: agencies.nameTh,
      nameEn: agencies.nameEn,
      type: agencies.type,
      active: agencies.active,
      year: collectionYearOf(agencyId),
    })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  return row ?? null;
}

/** The newest year with a participation whose framework is loaded (the year being collected), as SQL. */
function collectionYearOf(agencyId: unknown): SQL<number | null> {
  const p = participations;
  return sql<number | null>`(select max(${p.year}) from ${p}
    where ${p.agencyId} = ${agencyId} and ${p.year} in ${loadedFrameworkYears()})`;
}

/** The agency's type; null when there is no such agency. */
export async function agencyTypeById(db: DbOrTx, id: string): Promise<AgencyRow['type'] | null> {
  const [row] = await db.select({ type: agencies.type }).from(agencies).where(eq(agencies.id, id));
  return row?.type ?? null;
}

/** Active agencies registered for the year they are being collected in (public EIT entry search). */
export async function searchCollectingAgencies(
  db: DbOrTx,
  query: { q?: string | undefined; province?: string | undefined },
  limit: number,
) {
  const words = (query.q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 5);
  const nameMatches = words.map((w) => {
    const pattern = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return or(ilike(agencies.nameTh, pattern), ilike(agencies.nameEn, pattern));
  });
  const rows = await db
    .select({
      id: agencies.id,
      nameTh: agencies.nameTh,
      nameEn: agencies.nameEn,
      provinceCode: agencies.provinceCode,
    })
    .from(agencies)
    .innerJoin(
      participations,
      and(
        eq(participations.agencyId, agencies.id),
        eq(participations.registered, true),
        eq(participations.year, collectionYearOf(agencies.id)),
      ),
    )
    .where(
      and(
        eq(agencies.active, true),
        query.province ? eq(agencies.provinceCode, query.province) : undefined,
        ...nameMatches,
      ),
    )
    .orderBy(asc(agencies.nameTh))
    .limit(limit);
  const provinces = await provincesByCodes(
    db,
    rows.map((r) => r.provinceCode),
  );
  return rows.map((r) => {
    const p = r.provinceCode === null ? undefined : provinces.get(r.provinceCode);
    return { ...r, provinceNameTh: p?.nameTh ?? null, provinceNameEn: p?.nameEn ?? null };
  });
}

/**
 * Up to `limit` other agencies of the peer group (or, without one, of the agency type) that meet `having`
 * (a condition on the agency's id column built by the caller, e.g. "has responses to the instrument"). The
 * sample is a stable pseudo-random one (hash order over `seed`), so the same request gives the same peers.
 */
export async function peerAgencies(
  db: DbOrTx,
  agency: { id: string; peerGroup: string | null; type: AgencyType },
  opts: { seed: string; limit: number; having: (agencyId: SQL) => SQL },
): Promise<{ id: string; type: AgencyType }[]> {
  const group = agency.peerGroup
    ? eq(agencies.peerGroup, agency.peerGroup)
    : and(sql`${agencies.peerGroup} is null`, eq(agencies.type, agency.type));
  return db
    .select({ id: agencies.id, type: agencies.type })
    .from(agencies)
    .where(and(group, ne(agencies.id, agency.id), opts.having(sql`${agencies.id}`)))
    .orderBy(sql`md5(${agencies.id}::text || ${opts.seed})`)
    .limit(opts.limit);
}

export interface AgencyProfile extends AgencyBrief {
  type: AgencyType;
}

/** Code, names, type, province and ministry of the given agencies, by id (unknown ids are absent). One query. */
export async function agencyProfilesByIds(
  db: DbOrTx,
  ids: readonly string[],
): Promise<Map<string, AgencyProfile>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: agencies.id,
      code: agencies.code,
      nameTh: agencies.nameTh,
      nameEn: agencies.nameEn,
      type: agencies.type,
      provinceCode: agencies.provinceCode,
      ministryCode: agencies.ministryCode,
    })
    .from(agencies)
    .where(inArray(agencies.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}
