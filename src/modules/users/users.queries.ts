// Read-only queries other modules may use (the users table is this module's): batched by ids, so a list
// never asks once per row.
import { and, count, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { assessorAssignments, users } from '../../db/schema/index.ts';

export interface UserName {
  id: string;
  username: string;
  displayName: string;
}

/** The names of the given users, by id (unknown ids are absent). One query. */
export async function userNamesByIds(
  db: DbOrTx,
  ids: readonly (string | null)[],
): Promise<Map<string, UserName>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The assessors assigned to an agency for a year (what the per-year assessor rules decide on). */
export async function assessorIdsFor(db: DbOrTx, agencyId: string, year: number): Promise<string[]> {
  const rows = await db
    .select({ userId: assessorAssignments.userId })
    .from(assessorAssignments)
    .where(and(eq(assessorAssignments.agencyId, agencyId), eq(assessorAssignments.year, year)));
  return rows.map((r) => r.userId);
}

/** The (agency id, year) pairs the user is assigned to as an assessor, as a subquery (for `(a, y) in …`). */
export function assignedAgencyYears(userId: string): SQL {
  const a = assessorAssignments;
  return sql`(select ${a.agencyId}, ${a.year} from ${a} where ${a.userId} = ${userId})`;
}

/** The ids of the agencies the user is assigned to for the year, as a subquery (for `inArray`). */
export function agencyIdsAssignedTo(userId: string, year: number): SQL {
  const a = assessorAssignments;
  return sql`(select ${a.agencyId} from ${a} where ${a.userId} = ${userId} and ${a.year} = ${year})`;
}

/** The agencies the user is assigned to for the year. */
export async function agenciesAssignedTo(db: DbOrTx, userId: string, year: number): Promise<Set<string>> {
  const a = assessorAssignments;
  const rows = await db
    .select({ agencyId: a.agencyId })
    .from(a)
    .where(and(eq(a.userId, userId), eq(a.year, year)));
  return new Set(rows.map((r) => r.agencyId));
}

/** How many accounts there are, and how many of them are active. */
export async function userTotals(db: DbOrTx): Promise<{ total: number; active: number }> {
  const [row] = await db
    .select({ total: count(), active: sql<number>`count(*) filter (where ${users.active})::int` })
    .from(users);
  return { total: Number(row?.total ?? 0), active: Number(row?.active ?? 0) };
}

/** The e-mail addresses of the active NACC admins (who hear of alarms). */
export async function activeAdminEmails(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), isNotNull(users.email)));
  return rows.map((r) => r.email as string);
}

/**
 * The addresses of who hears about an agency-year's collection: the agency's active admins and the year's
 * active assessors, each address once.
 */
export async function agencyYearContactEmails(tx: DbOrTx, agencyId: string, year: number): Promise<string[]> {
  const admins = await tx
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.agencyId, agencyId), eq(users.role, 'agency_admin'), eq(users.active, true)));
  const assigned = await tx
    .select({ userId: assessorAssignments.userId })
    .from(assessorAssignments)
    .where(and(eq(assessorAssignments.agencyId, agencyId), eq(assessorAssignments.year, year)));
  const assessors =
    assigned.length === 0
      ? []
      : await tx
          .select({ email: users.email })
          .from(users)
          .where(
            and(
              inArray(
                users.id,
                assigned.map((a) => a.userId),
              ),
              eq(users.active, true),
            ),
          );
  return [...new Set([...admins, ...assessors].flatMap((u) => (u.email ? [u.email] : [])))];
}

/**
 * The e-mail addresses of the active agency admins and executives of these agencies (who hear of their
 * agency's results); executives still awaiting confirmation cannot sign in and are left out.
 */
export async function agencyContactEmails(
  db: DbOrTx,
  agencyIds: readonly string[],
): Promise<{ agencyId: string; email: string }[]> {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .select({ agencyId: users.agencyId, email: users.email })
    .from(users)
    .where(
      and(
        inArray(users.agencyId, [...agencyIds]),
        inArray(users.role, ['agency_admin', 'executive']),
        eq(users.active, true),
        eq(users.awaitingConfirmation, false),
        isNotNull(users.email),
      ),
    )
    .orderBy(users.agencyId, users.email);
  return rows.map((r) => ({ agencyId: r.agencyId as string, email: r.email as string }));
}
