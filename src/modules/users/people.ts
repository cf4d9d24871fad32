// Accounts as other modules see them: names and roles of given accounts, the active accounts of an agency,
// and who is assigned to assess which agencies in a year (the OIT workflow and its queue read these).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Role } from '../../core/authz.ts';
import type { DbOrTx } from '../../db/client.ts';
import { assessorAssignments, users } from '../../db/schema/index.ts';

export interface Person {
  id: string;
  displayName: string;
  role: Role;
  agencyId: string | null;
  active: boolean;
}

/** The accounts with these ids (unknown ids are left out; repeats and nulls are ignored). */
export async function peopleByIds(
  db: DbOrTx,
  ids: readonly (string | null | undefined)[],
): Promise<Person[]> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return [];
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      role: users.role,
      agencyId: users.agencyId,
      active: users.active,
    })
    .from(users)
    .where(inArray(users.id, wanted));
}

/** Active accounts of the agency with one of these roles, by display name. */
export function activeAgencyAccounts(db: DbOrTx, agencyId: string, roles: readonly Role[]) {
  return db
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(and(eq(users.agencyId, agencyId), eq(users.active, true), inArray(users.role, [...roles])))
    .orderBy(users.displayName);
}

/** The assessors assigned to each of these agencies for the year, by display name. */
export function assessorsOfAgencies(db: DbOrTx, agencyIds: readonly string[], year: number) {
  if (agencyIds.length === 0) return Promise.resolve([]);
  return db
    .select({ agencyId: assessorAssignments.agencyId, id: users.id, displayName: users.displayName })
    .from(assessorAssignments)
    .innerJoin(users, eq(users.id, assessorAssignments.userId))
    .where(and(inArray(assessorAssignments.agencyId, [...agencyIds]), eq(assessorAssignments.year, year)))
    .orderBy(asc(users.displayName));
}
