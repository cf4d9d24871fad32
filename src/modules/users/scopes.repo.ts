// Supervisor scopes: read, replace, check that referenced codes exist (assessor assignments: assignments.ts).
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { supervisorScopes } from '../../db/schema/index.ts';
import { existingAgencyIds } from '../agencies/index.ts';
import { ministriesByCodes, provincesByCodes } from '../reference/index.ts';
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
  const [provinces, ministries] = await Promise.all([
    provincesByCodes(db, scope.provinces),
    ministriesByCodes(db, scope.ministries),
  ]);
  return {
    provinces: scope.provinces.filter((c) => !provinces.has(c)),
    ministries: scope.ministries.filter((c) => !ministries.has(c)),
    agencies: await unknownAgencyIds(db, scope.agencies),
  };
}

export async function unknownAgencyIds(db: DbOrTx, ids: string[]): Promise<string[]> {
  const found = await existingAgencyIds(db, ids);
  return ids.filter((id) => !found.has(id));
}
