// Who sees which agencies: a supervisor's scope (provinces, ministries, agencies) and an assessor's
// assigned agencies per fiscal year. Only admins change them; the user themself may read them.
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize } from '../../core/authz.ts';
import { unauthenticated } from '../../core/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { listAssignments, replaceAssessorAssignments } from './assignments.ts';
import {
  getScopes as getScopeRows,
  replaceScopes as replaceScopeRows,
  unknownAgencyIds,
  unknownScopeCodes,
} from './scopes.repo.ts';
import * as errors from './users.errors.ts';
import { findUser } from './users.repo.ts';
import type { Scopes, YearAssignments } from './users.schema.ts';

const unique = <T>(values: T[]) => [...new Set(values)];

async function readableUser(deps: AppDeps, actor: Actor | null, id: string) {
  if (!actor) throw unauthenticated();
  const row = await findUser(deps.db, id);
  if (!row) {
    authorize(actor, 'user.list', null);
    throw errors.userNotFound();
  }
  authorize(actor, 'user.read', { id, agency: row.agency });
  return row.user;
}

async function existingUser(deps: AppDeps, id: string) {
  const row = await findUser(deps.db, id);
  if (!row) throw errors.userNotFound();
  return row.user;
}

export async function getScopes(deps: AppDeps, actor: Actor | null, id: string): Promise<Scopes> {
  await readableUser(deps, actor, id);
  return getScopeRows(deps.db, id);
}

/** Replaces the whole scope at once; nothing changes when a code is unknown. */
export async function replaceScopes(
  deps: AppDeps,
  actor: Actor | null,
  id: string,
  body: Scopes,
): Promise<Scopes> {
  authorize(actor, 'scope.manage', null);
  const user = await existingUser(deps, id);
  if (user.role !== 'supervisor') throw errors.notASupervisor();
  const scope: Scopes = {
    provinces: unique(body.provinces),
    ministries: unique(body.ministries),
    agencies: unique(body.agencies),
  };
  const unknown = await unknownScopeCodes(deps.db, scope);
  if (unknown.provinces.length || unknown.ministries.length || unknown.agencies.length) {
    throw errors.unknownCodes(unknown);
  }
  await deps.db.transaction(async (tx) => {
    const before = await getScopeRows(tx, id);
    await replaceScopeRows(tx, id, scope);
    const after = await getScopeRows(tx, id);
    const event = { entityType: 'supervisor_scope' as const, entityId: id, action: 'replace', before, after };
    await appendAudit(tx, { actor, ...event }, deps.now());
  });
  return getScopeRows(deps.db, id);
}

export async function getAssignments(
  deps: AppDeps,
  actor: Actor | null,
  id: string,
  year?: number,
): Promise<{ assignments: YearAssignments[] }> {
  await readableUser(deps, actor, id);
  return { assignments: await listAssignments(deps.db, id, year) };
}

/** Replaces one fiscal year's assignments; other years stay as they are. */
export async function replaceAssignments(
  deps: AppDeps,
  actor: Actor | null,
  id: string,
  body: YearAssignments,
): Promise<YearAssignments> {
  authorize(actor, 'assignment.manage', null);
  const user = await existingUser(deps, id);
  if (user.role !== 'assessor') throw errors.notAnAssessor();
  const agencyIds = unique(body.agencyIds);
  const unknown = await unknownAgencyIds(deps.db, agencyIds);
  if (unknown.length) throw errors.unknownCodes({ agencies: unknown });
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const [before] = await listAssignments(tx, id, body.year);
    await replaceAssessorAssignments(tx, id, body.year, agencyIds, now);
    const [after] = await listAssignments(tx, id, body.year);
    await appendAudit(
      tx,
      {
        actor,
        entityType: 'assessor_assignment',
        entityId: `${id}:${body.year}`,
        action: 'replace',
        before: before?.agencyIds ?? [],
        after: after?.agencyIds ?? [],
      },
      now,
    );
  });
  const [saved] = await listAssignments(deps.db, id, body.year);
  return saved ?? { year: body.year, agencyIds: [] };
}
