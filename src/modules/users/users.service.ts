// Managing accounts: admins manage everyone; an agency admin manages the admins and executives of their agency.
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize, can, type Role } from '../../core/authz.ts';
import { forbidden, unauthenticated } from '../../core/errors.ts';
import { changesAnything } from '../../core/input/patch.ts';
import { appendAudit } from '../audit/index.ts';
import { deleteSessionsOfUser, hashPassword } from '../auth/index.ts';
import { executiveAwaitsConfirmation } from './executives.service.ts';
import * as errors from './users.errors.ts';
import { auditSnapshot, presentUser } from './users.present.ts';
import {
  deleteAssignmentsOfUser,
  deleteScopesOfUser,
  emailTaken,
  findAgency,
  findUser,
  insertUser,
  listUsers as listUserRows,
  type UserWithAgency,
  updateUser as updateUserRow,
  usernameTaken,
  violatedUniqueIndex,
} from './users.repo.ts';
import type { CreateUserBody, ListUsersQuery, UpdateUserBody, UserView } from './users.schema.ts';

/** Roles that belong to an agency (the database enforces: these and only these have an agency). */
export const AGENCY_ROLES: readonly Role[] = ['agency_admin', 'executive', 'agency_staff'];

/**
 * May the actor manage an account attached to `agencyId` (null: an account without agency, which only
 * those who manage every account may touch)? Unknown agencies are reported only to those managers.
 */
async function authorizeAccount(deps: AppDeps, actor: Actor, agencyId: string | null): Promise<void> {
  if (agencyId === null) return authorize(actor, 'user.manage', null);
  const agency = await findAgency(deps.db, agencyId);
  if (!agency) {
    authorize(actor, 'user.manage', null);
    throw errors.unknownAgency();
  }
  authorize(actor, 'user.manageAgencyStaff', agency);
}

function checkRoleMatchesAgency(role: Role, agencyId: string | null) {
  const needsAgency = AGENCY_ROLES.includes(role);
  if (needsAgency && !agencyId) throw errors.agencyRequired();
  if (!needsAgency && agencyId) throw errors.agencyNotAllowed();
}

/** Does an account of `role` at `agencyId`, made so by `actor`, wait for confirmation (executives only)? */
async function awaitsConfirmation(
  deps: AppDeps,
  actor: Actor,
  role: Role,
  agencyId: string | null,
): Promise<boolean> {
  if (role !== 'executive') return false;
  const agency = agencyId ? await findAgency(deps.db, agencyId) : undefined;
  if (!agency) throw errors.agencyRequired();
  return executiveAwaitsConfirmation(actor, agency);
}

/** Loads a user for an actor; the 404 goes only to those who may list users (others learn nothing). */
async function loadUser(deps: AppDeps, actor: Actor, id: string): Promise<UserWithAgency> {
  const row = await findUser(deps.db, id);
  if (!row) {
    authorize(actor, 'user.list', null);
    throw errors.userNotFound();
  }
  return row;
}

/** Maps a unique-index violation (a concurrent insert won the race) to the same 409 as the pre-check. */
function rethrowUnique(err: unknown, username: string): never {
  const index = violatedUniqueIndex(err);
  if (index === 'users_username_unique') throw errors.usernameTaken(username);
  if (index === 'users_email_unique') throw errors.emailTaken();
  throw err;
}

export async function listUsers(deps: AppDeps, actor: Actor | null, query: ListUsersQuery) {
  authorize(actor, 'user.list', null);
  let agencyId = query.agencyId;
  if (!can(actor, 'user.manage', null)) {
    // Everyone else sees the staff of one agency they manage (their own, unless they name another).
    agencyId = query.agencyId ?? actor.agencyId ?? undefined;
    const agency = agencyId ? await findAgency(deps.db, agencyId) : undefined;
    if (!agency) throw forbidden();
    authorize(actor, 'user.manageAgencyStaff', agency);
  }
  const { rows, total } = await listUserRows(
    deps.db,
    { q: query.q || undefined, role: query.role, agencyId },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const now = deps.now();
  return {
    items: rows.map((row) => presentUser(row, actor, now)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getUser(deps: AppDeps, actor: Actor | null, id: string): Promise<UserView> {
  if (!actor) throw unauthenticated();
  const row = await loadUser(deps, actor, id);
  authorize(actor, 'user.read', { id, agency: row.agency });
  return presentUser(row, actor, deps.now());
}

export async function createUser(
  deps: AppDeps,
  actor: Actor | null,
  body: CreateUserBody,
): Promise<UserView> {
  if (!actor) throw unauthenticated();
  // An agency admin who names no agency means their own.
  const agencyId =
    body.agencyId !== undefined ? body.agencyId : can(actor, 'user.manage', null) ? null : actor.agencyId;
  await authorizeAccount(deps, actor, agencyId);
  checkRoleMatchesAgency(body.role, agencyId);
  const awaitingConfirmation = await awaitsConfirmation(deps, actor, body.role, agencyId);
  if (awaitingConfirmation && !body.email) throw errors.executiveEmailRequired();
  if (await usernameTaken(deps.db, body.username)) throw errors.usernameTaken(body.username);
  if (body.email && (await emailTaken(deps.db, body.email))) throw errors.emailTaken();

  const passwordHash = await hashPassword(body.password);
  const user = await deps.db
    .transaction(async (tx) => {
      const created = await insertUser(tx, {
        username: body.username,
        displayName: body.displayName,
        email: body.email ?? null,
        role: body.role,
        agencyId,
        passwordHash,
        awaitingConfirmation,
      });
      await appendAudit(
        tx,
        {
          actor,
          agencyId,
          entityType: 'user',
          entityId: created.id,
          action: awaitingConfirmation ? 'propose_executive' : 'create',
          after: auditSnapshot(created),
        },
        deps.now(),
      );
      return created;
    })
    .catch((err) => rethrowUnique(err, body.username));
  return getUser(deps, actor, user.id);
}

export async function updateUser(
  deps: AppDeps,
  actor: Actor | null,
  id: string,
  patch: UpdateUserBody,
): Promise<UserView> {
  if (!actor) throw unauthenticated();
  const { user: before } = await loadUser(deps, actor, id);
  await authorizeAccount(deps, actor, before.agencyId);
  const role = patch.role ?? before.role;
  const agencyId = patch.agencyId !== undefined ? patch.agencyId : before.agencyId;
  if (agencyId !== before.agencyId) await authorizeAccount(deps, actor, agencyId);
  checkRoleMatchesAgency(role, agencyId);
  if (actor.userId === id) {
    if (role !== before.role || agencyId !== before.agencyId) throw errors.cannotChangeOwnRole();
    if (patch.active === false) throw errors.cannotDeactivateSelf();
  }
  // The e-mail receives password-reset links: letting an agency admin change a colleague's would let them
  // take over that account (e.g. the executive who approves their work).
  const emailChanges = patch.email !== undefined && (patch.email ?? null) !== before.email;
  if (emailChanges && actor.userId !== id && !can(actor, 'user.manage', null))
    throw errors.emailChangeNotAllowed();
  if (patch.email && (await emailTaken(deps.db, patch.email, id))) throw errors.emailTaken();
  // Nothing would change: no write, no audit entry (a repeated request must not fill the trail).
  if (!changesAnything({ ...patch, role, agencyId }, before)) return getUser(deps, actor, id);
  // Becoming an executive (or one of another agency) is a new approver: confirmed as when created.
  const newApprover = role === 'executive' && (before.role !== 'executive' || agencyId !== before.agencyId);
  const awaitingConfirmation = newApprover
    ? await awaitsConfirmation(deps, actor, role, agencyId)
    : role === 'executive' && before.awaitingConfirmation;
  const email = patch.email !== undefined ? patch.email : before.email;
  if (awaitingConfirmation && !email) throw errors.executiveEmailRequired();

  const deactivated = before.active && patch.active === false;
  await deps.db
    .transaction(async (tx) => {
      await updateUserRow(tx, id, {
        ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}),
        ...(patch.email !== undefined ? { email: patch.email } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        role,
        agencyId,
        awaitingConfirmation,
      });
      // A proposed executive's open sessions end: the account may not act until confirmed.
      if (awaitingConfirmation && !before.awaitingConfirmation) await deleteSessionsOfUser(tx, id);
      // A changed role must not keep the powers of the old one (they would return if the role came back).
      if (before.role === 'supervisor' && role !== 'supervisor') await deleteScopesOfUser(tx, id);
      if (before.role === 'assessor' && role !== 'assessor') await deleteAssignmentsOfUser(tx, id);
      if (deactivated) await deleteSessionsOfUser(tx, id);
      const after = await findUser(tx, id);
      await appendAudit(
        tx,
        {
          actor,
          agencyId: agencyId ?? before.agencyId,
          entityType: 'user',
          entityId: id,
          action: deactivated
            ? 'deactivate'
            : awaitingConfirmation && !before.awaitingConfirmation
              ? 'propose_executive'
              : 'update',
          before: auditSnapshot(before),
          after: after ? auditSnapshot(after.user) : null,
        },
        deps.now(),
      );
    })
    .catch((err) => rethrowUnique(err, before.username));
  return getUser(deps, actor, id);
}
