// Read-only queries other modules may use (the users table is this module's): batched by ids, so a list
// never asks once per row.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
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

/** The e-mail addresses of the active NACC admins (who hear of alarms). */
export async function activeAdminEmails(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), isNotNull(users.email)));
  return rows.map((r) => r.email as string);
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
