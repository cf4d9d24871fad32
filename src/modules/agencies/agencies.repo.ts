// Drizzle queries of the agency registry.
import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { definePrepared } from '../../db/prepared.ts';
import { agencies, participations } from '../../db/schema/index.ts';
import { ministriesByCodes, provincesByCodes } from '../reference/index.ts';
import type { AgencyListQuery } from './agencies.schema.ts';

export type AgencyRow = typeof agencies.$inferSelect;
export type AgencyInsert = typeof agencies.$inferInsert;
export type ParticipationRow = typeof participations.$inferSelect;

/** Escapes LIKE wildcards so a search for "50%" or "a_b" matches those characters literally. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function listConditions(query: AgencyListQuery, scope: SQL): SQL | undefined {
  const q = query.q?.trim();
  return and(
    scope,
    q
      ? or(
          ilike(agencies.nameTh, likePattern(q)),
          ilike(agencies.nameEn, likePattern(q)),
          ilike(agencies.code, likePattern(q)),
        )
      : undefined,
    query.province ? eq(agencies.provinceCode, query.province) : undefined,
    query.type ? eq(agencies.type, query.type) : undefined,
    query.ministry ? eq(agencies.ministryCode, query.ministry) : undefined,
    query.active === undefined ? undefined : eq(agencies.active, query.active),
    query.registered === undefined ? undefined : eq(participations.registered, query.registered),
  );
}

const participationJoin = (year: number | undefined) =>
  year === undefined
    ? sql`false`
    : and(eq(participations.agencyId, agencies.id), eq(participations.year, year));

export async function selectAgencyPage(db: DbOrTx, query: AgencyListQuery, scope: SQL) {
  const where = listConditions(query, scope);
  const page = await db
    .select({ agency: agencies, participation: participations })
    .from(agencies)
    .leftJoin(participations, participationJoin(query.year))
    .where(where)
    .orderBy(asc(agencies.nameTh), asc(agencies.code))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const rows = await withProvinces(db, page);
  const [total] = await db
    .select({ n: count() })
    .from(agencies)
    .leftJoin(participations, participationJoin(query.year))
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

/** Rows with their agency's province (from the reference module: one query for the page). */
export async function withProvinces<R extends { agency: AgencyRow }>(db: DbOrTx, rows: R[]) {
  const provinces = await provincesByCodes(
    db,
    rows.map((r) => r.agency.provinceCode),
  );
  return rows.map((r) => ({
    ...r,
    province: (r.agency.provinceCode && provinces.get(r.agency.provinceCode)) || null,
  }));
}

export async function selectAgencyDetail(db: DbOrTx, id: string) {
  const parent = alias(agencies, 'parent');
  const [row] = await db
    .select({
      agency: agencies,
      parent: { id: parent.id, code: parent.code, nameTh: parent.nameTh, nameEn: parent.nameEn },
    })
    .from(agencies)
    .leftJoin(parent, eq(parent.id, agencies.parentId))
    .where(eq(agencies.id, id));
  if (!row) return undefined;
  const [provinces, ministries] = await Promise.all([
    provincesByCodes(db, [row.agency.provinceCode]),
    ministriesByCodes(db, [row.agency.ministryCode]),
  ]);
  return {
    ...row,
    province: (row.agency.provinceCode && provinces.get(row.agency.provinceCode)) || null,
    ministry: (row.agency.ministryCode && ministries.get(row.agency.ministryCode)) || null,
  };
}

/** Every agency-scoped request reads its agency (authorizedAgency): prepared (src/db/prepared.ts). */
const agencyById = definePrepared('agencies_by_id', (db, name) =>
  db
    .select()
    .from(agencies)
    .where(eq(agencies.id, sql.placeholder('id')))
    .prepare(name),
);

export async function selectAgency(db: DbOrTx, id: string): Promise<AgencyRow | undefined> {
  const [row] = await agencyById(db).execute({ id });
  return row;
}

export async function selectAgencyByCode(db: DbOrTx, code: string): Promise<AgencyRow | undefined> {
  const [row] = await db.select().from(agencies).where(eq(agencies.code, code));
  return row;
}

export const selectParticipations = (db: DbOrTx, agencyId: string) =>
  db
    .select()
    .from(participations)
    .where(eq(participations.agencyId, agencyId))
    .orderBy(desc(participations.year));

export async function insertAgency(db: DbOrTx, values: AgencyInsert): Promise<AgencyRow> {
  const [row] = await db.insert(agencies).values(values).returning();
  if (!row) throw new Error('the write returned no row');
  return row;
}

/** Holds the agency's row until the transaction ends (storing a result of it waits meanwhile). */
export async function lockAgency(tx: Tx, id: string): Promise<void> {
  await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, id)).for('update');
}

export async function updateAgency(
  db: DbOrTx,
  id: string,
  values: Partial<AgencyInsert>,
): Promise<AgencyRow> {
  const [row] = await db.update(agencies).set(values).where(eq(agencies.id, id)).returning();
  if (!row) throw new Error('the write returned no row');
  return row;
}

export async function provinceExists(db: DbOrTx, code: string) {
  return (await provincesByCodes(db, [code])).has(code);
}

export async function ministryExists(db: DbOrTx, code: string) {
  return (await ministriesByCodes(db, [code])).has(code);
}

/** True when `agencyId` is `parentId` or one of its ancestors (making it the parent would close a loop). */
export async function isAncestorOrSelf(db: DbOrTx, agencyId: string, parentId: string): Promise<boolean> {
  const result = await db.execute<{ found: number }>(sql`
    with recursive chain(id, parent_id) as (
      select id, parent_id from agencies where id = ${parentId}
      union
      select a.id, a.parent_id from agencies a join chain c on a.id = c.parent_id
    )
    select 1 as found from chain where id = ${agencyId} limit 1`);
  return result.rows.length > 0;
}
