// Resolves the signed-in user's role and scope once per request (authorization itself is pure: core/authz).
// The accounts, scopes and assignments are this module's; the app's session hook (src/app/build.ts) calls it.
// One prepared statement (src/db/prepared.ts) reads the account with its scopes and assignments: every
// signed-in request runs it.
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../core/authz.ts';
import type { Db } from '../../db/client.ts';
import { definePrepared } from '../../db/prepared.ts';
import { assessorAssignments, supervisorScopes, users } from '../../db/schema/index.ts';

type ScopeRow = { provinceCode: string | null; ministryCode: string | null; agencyId: string | null };

const actorRow = definePrepared('users_actor_by_id', (db, name) =>
  db
    .select({
      id: users.id,
      username: users.username,
      role: users.role,
      agencyId: users.agencyId,
      active: users.active,
      awaitingConfirmation: users.awaitingConfirmation,
      passwordChangedAt: users.passwordChangedAt,
      // A supervisor's scopes and an assessor's agencies (empty for the other roles' accounts). Written with
      // qualified names: Drizzle leaves columns unqualified in a one-table select, and here "id" and
      // "user_id" exist on both sides.
      scopes: sql<ScopeRow[]>`(select coalesce(json_agg(json_build_object('provinceCode', s.province_code,
          'ministryCode', s.ministry_code, 'agencyId', s.agency_id) order by s.id), '[]'::json)
        from ${supervisorScopes} s where s.user_id = ${sql.identifier('users')}.${sql.identifier('id')})`,
      assigned: sql<string[]>`(select coalesce(json_agg(distinct a.agency_id), '[]'::json)
        from ${assessorAssignments} a where a.user_id = ${sql.identifier('users')}.${sql.identifier('id')})`,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare(name),
);

export async function loadActor(
  db: Db,
  userId: string,
): Promise<(Actor & { passwordChangedAt: Date }) | null> {
  const [user] = await actorRow(db).execute({ id: userId });
  // A proposed executive has no powers until confirmed (users.awaiting_confirmation).
  if (!user?.active || user.awaitingConfirmation) return null;
  const scope = { provinces: [] as string[], ministries: [] as string[], agencies: [] as string[] };
  if (user.role === 'supervisor') {
    for (const row of user.scopes) {
      if (row.provinceCode) scope.provinces.push(row.provinceCode);
      if (row.ministryCode) scope.ministries.push(row.ministryCode);
      if (row.agencyId) scope.agencies.push(row.agencyId);
    }
  }
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    agencyId: user.agencyId,
    scope,
    assignedAgencies: user.role === 'assessor' ? user.assigned : [],
    passwordChangedAt: user.passwordChangedAt,
  };
}
