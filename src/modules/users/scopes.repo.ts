// Supervisor scopes and assessor assignments: read, replace, and check that referenced codes exist.
import { and, asc, desc, eq, inArray, notInArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  agencies,
  assessorAssignments,
  ministries,
  provinces,
  supervisorScopes,
} from '../../db/schema/index.ts';
import type { Scopes, YearAssignments } from './users.schema.ts';

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

export async function listAssignments(db: DbOrTx, userId: string, year?: number): Promise<YearAssignments[]> {
  const rows = await db
    .select({ year: assessorAssignments.year, agencyId: assessorAssignments.agencyId })
    .from(assessorAssignments)
    .where(
      year === undefined
        ? eq(assessorAssignments.userId, userId)
        : and(eq(assessorAssignments.userId, userId), eq(assessorAssignments.year, year)),
    )
    .orderBy(desc(assessorAssignments.year), asc(assessorAssignments.agencyId));
  const byYear = new Map<number, string[]>();
  for (const row of rows) {
    const ids = byYear.get(row.year) ?? [];
    ids.push(row.agencyId);
    byYear.set(row.year, ids);
  }
  return [...byYear].map(([y, agencyIds]) => ({ year: y, agencyIds }));
}

export async function replaceAssignments(
  db: DbOrTx,
  userId: string,
  year: number,
  agencyIds: string[],
  now: Date,
): Promise<void> {
  // Keep the rows that stay (their assignedAt records when the work was handed over).
  await db
    .delete(assessorAssignments)
    .where(
      and(
        eq(assessorAssignments.userId, userId),
        eq(assessorAssignments.year, year),
        agencyIds.length ? notInArray(assessorAssignments.agencyId, agencyIds) : undefined,
      ),
    );
  if (agencyIds.length) {
    await db
      .insert(assessorAssignments)
      .values(agencyIds.map((agencyId) => ({ userId, agencyId, year, assignedAt: now })))
      .onConflictDoNothing();
  }
}
