// Supervisor scopes: read, replace, check that referenced codes exist (assessor assignments: assignments.ts).
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { agencies, ministries, provinces, supervisorScopes } from '../../db/schema/index.ts';
import type { Scopes } from './users.schema.ts';

export async function getScopes(db: DbOrTx, userId: string): Promise<Scopes> {
  const rows = await db
    .select()
    .from(supervisorScopes)
    .where(eq(supervisorScopes.userId, userId))
    .orderBy(asc(supervisorScopes.provinceCode), asc(supervisorScopes.ministryCode));
  const scope: Scopes = { provinces: [], ministries: [], agencies: [] };
  for (const row of rows) {
    if (row.provinceCode) scope.provinces.push(row.provinceCode);
    if (row.ministryCode) scope.ministries.push(row.ministryCode);
    if (row.agencyId) scope.agencies.push(row.agencyId);
  }
  return scope;
}

export async function replaceScopes(db: DbOrTx, userId: string, scope: Scopes): Promise<void> {
  await db.delete(supervisorScopes).where(eq(supervisorScopes.userId, userId));
  const rows = [
    ...scope.provinces.map((provinceCode) => ({ userId, provinceCode })),
    ...scope.ministries.map((ministryCode) => ({ userId, ministryCode })),
    ...scope.agencies.map((agencyId) => ({ userId, agencyId })),
  ];
  if (rows.length) await db.insert(supervisorScopes).values(rows);
}

/** The codes among `scope` that name no province, ministry or agency. */
export async function unknownScopeCodes(db: DbOrTx, scope: Scopes): Promise<Scopes> {
  const known = async <T extends string>(values: string[], lookup: () => Promise<{ v: T }[]>) => {
    if (!values.length) return [];
    const found = new Set((await lookup()).map((r) => r.v));
    return values.filter((v) => !found.has(v as T));
  };
  return {
    provinces: await known(scope.provinces, () =>
      db.select({ v: provinces.code }).from(provinces).where(inArray(provinces.code, scope.provinces)),
    ),
    ministries: await known(scope.ministries, () =>
      db.select({ v: ministries.code }).from(ministries).where(inArray(ministries.code, scope.ministries)),
    ),
    agencies: await unknownAgencyIds(db, scope.agencies),
  };
}

export async function unknownAgencyIds(db: DbOrTx, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const found = new Set(
    (await db.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, ids))).map((r) => r.id),
  );
  return ids.filter((id) => !found.has(id));
}
