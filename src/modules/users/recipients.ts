// Who receives reminders and notices (the notices module asks here; the accounts are this module's): the
// people of an agency who act on its work, the supervisors, and a recipient's address at sending time.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Role } from '../../core/authz.ts';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';

export interface Recipient {
  id: string;
  agencyId: string;
  displayName: string;
  role: Role;
}

/**
 * The accounts reminded of an agency's work: its active admins (who do it) and executives (who approve it);
 * an executive still awaiting confirmation cannot sign in and is left out. One query, by agency then name.
 */
export async function agencyReminderRecipients(
  db: DbOrTx,
  agencyIds: readonly string[],
): Promise<Recipient[]> {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .select({ id: users.id, agencyId: users.agencyId, displayName: users.displayName, role: users.role })
    .from(users)
    .where(
      and(
        inArray(users.agencyId, [...new Set(agencyIds)]),
        inArray(users.role, ['agency_admin', 'executive']),
        eq(users.active, true),
        eq(users.awaitingConfirmation, false),
      ),
    )
    .orderBy(asc(users.agencyId), asc(users.displayName), asc(users.id));
  return rows.map((r) => ({ ...r, agencyId: r.agencyId as string }));
}

/** The ids of the active supervisors (who get the weekly digest of their scope). */
export async function activeSupervisorIds(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'supervisor'), eq(users.active, true)))
    .orderBy(asc(users.id));
  return rows.map((r) => r.id);
}

/** A recipient as the sender needs them when a notice goes out: still able to sign in, and their address now. */
export async function recipientNow(
  db: DbOrTx,
  userId: string,
): Promise<{ email: string | null; canSignIn: boolean; displayName: string } | null> {
  const [row] = await db
    .select({
      email: users.email,
      active: users.active,
      awaiting: users.awaitingConfirmation,
      displayName: users.displayName,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) return null;
  return { email: row.email, canSignIn: row.active && !row.awaiting, displayName: row.displayName };
}
