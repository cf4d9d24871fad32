// Resolves the signed-in user's role and scope once per request (authorization itself is pure: core/authz).
// The accounts, scopes and assignments are this module's; the app's session hook (src/app/build.ts) calls it.
import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/authz.ts';
import type { Db } from '../../db/client.ts';
import { assessorAssignments, supervisorScopes, users } from '../../db/schema/index.ts';

export async function loadActor(
  db: Db,
  userId: string,
): Promise<(Actor & { passwordChangedAt: Date }) | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  // A proposed executive has no powers until confirmed (users.awaiting_confirmation).
  if (!user?.active || user.awaitingConfirmation) return null;
  const scope = { provinces: [] as string[], ministries: [] as string[], agencies: [] as string[] };
  let assignedAgencies: string[] = [];
  if (user.role === 'supervisor') {
    for (const row of await db.select().from(supervisorScopes).where(eq(supervisorScopes.userId, user.id))) {
      if (row.provinceCode) scope.provinces.push(row.provinceCode);
      if (row.ministryCode) scope.ministries.push(row.ministryCode);
      if (row.agencyId) scope.agencies.push(row.agencyId);
    }
  }
  if (user.role === 'assessor') {
    const rows = await db
      .selectDistinct({ agencyId: assessorAssignments.agencyId })
      .from(assessorAssignments)
      .where(eq(assessorAssignments.userId, user.id));
    assignedAgencies = rows.map((r) => r.agencyId);
  }
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    agencyId: user.agencyId,
    scope,
    assignedAgencies,
    passwordChangedAt: user.passwordChangedAt,
  };
}
