// Separation of duties for approvers: an agency admin may propose an executive (the account that approves the
// agency's stakeholder numbers and OIT answers), but only a NACC admin or a supervisor whose scope covers the
// agency confirms it. Until then the account cannot sign in (credentials.ts, actor.ts), so it cannot approve.
// On confirmation the password the proposer chose is discarded and the executive sets their own by e-mail.
import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../../app/context.ts';
import { type Actor, type AgencyRef, authorize, can } from '../../core/authz.ts';
import { unauthenticated } from '../../core/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { deleteSessionsOfUser, hashPassword, issuePasswordLink } from '../auth/index.ts';
import { EXECUTIVE_LINK_TTL_HOURS, executiveConfirmedMail } from './executives.mail.ts';
import * as errors from './users.errors.ts';
import { auditSnapshot, presentUser } from './users.present.ts';
import { findUser, listAwaitingConfirmation, type UserWithAgency, updateUser } from './users.repo.ts';
import type { AwaitingList, UserView } from './users.schema.ts';

interface ErrorLog {
  error(obj: unknown, msg: string): void;
}

/**
 * Should an executive account of `agency`, created or re-roled by `actor`, wait for confirmation? Refuses
 * actors who may not even propose one. Everyone who may confirm makes a confirmed account directly.
 */
export function executiveAwaitsConfirmation(actor: Actor, agency: AgencyRef): boolean {
  authorize(actor, 'user.proposeExecutive', agency);
  return !can(actor, 'user.confirmExecutive', agency);
}

/** The proposals the actor may see: those they may confirm, and those of an agency they manage. */
export async function listExecutivesAwaiting(deps: AppDeps, actor: Actor | null): Promise<AwaitingList> {
  authorize(actor, 'user.listAwaitingConfirmation', null);
  const rows = await listAwaitingConfirmation(deps.db);
  const now = deps.now();
  const items = rows.flatMap((row) => {
    const agency = row.agency;
    if (!agency) return [];
    const canConfirm = can(actor, 'user.confirmExecutive', agency);
    if (!canConfirm && !can(actor, 'user.manageAgencyStaff', agency)) return [];
    return [{ ...presentUser(row, actor, now), canConfirm }];
  });
  return { items };
}

/** Loads a proposal the actor may decide on (404 for those who could not see it, 409 when not awaiting). */
async function loadProposal(deps: AppDeps, actor: Actor, id: string): Promise<UserWithAgency> {
  const row = await findUser(deps.db, id);
  if (!row?.agency) {
    authorize(actor, 'user.listAwaitingConfirmation', null);
    throw errors.userNotFound();
  }
  authorize(actor, 'user.confirmExecutive', row.agency);
  if (!row.user.awaitingConfirmation || !row.user.active) throw errors.notAwaitingConfirmation();
  return row;
}

/**
 * Confirms a proposed executive: the account can sign in once its owner has chosen a password through the
 * link mailed to them (the proposer's password stops working).
 */
export async function confirmExecutive(
  deps: AppDeps,
  actor: Actor | null,
  id: string,
  log: ErrorLog,
): Promise<UserView> {
  if (!actor) throw unauthenticated();
  const before = await loadProposal(deps, actor, id);
  const email = before.user.email;
  if (!email) throw errors.executiveEmailRequired();
  const now = deps.now();
  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
  const link = await deps.db.transaction(async (tx) => {
    await updateUser(tx, id, { awaitingConfirmation: false, passwordHash, passwordChangedAt: now });
    await deleteSessionsOfUser(tx, id);
    const issued = await issuePasswordLink(tx, deps.config, id, now, EXECUTIVE_LINK_TTL_HOURS * 60);
    const after = await findUser(tx, id);
    await appendAudit(
      tx,
      {
        actor,
        agencyId: before.user.agencyId,
        entityType: 'user',
        entityId: id,
        action: 'confirm_executive',
        before: auditSnapshot(before.user),
        after: after ? auditSnapshot(after.user) : null,
      },
      now,
    );
    return issued;
  });
  try {
    await deps.mailer.send(executiveConfirmedMail({ to: email, username: before.user.username, link }));
  } catch (err) {
    // The confirmation stands; the executive can ask for a new link on the "forgot password" page.
    log.error({ err, userId: id }, 'executive confirmation mail failed');
  }
  const row = await findUser(deps.db, id);
  if (!row) throw errors.userNotFound();
  return presentUser(row, actor, deps.now());
}

/** Declines a proposed executive: the account is deactivated (kept, as the audit log refers to it). */
export async function declineExecutive(deps: AppDeps, actor: Actor | null, id: string): Promise<UserView> {
  if (!actor) throw unauthenticated();
  const before = await loadProposal(deps, actor, id);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await updateUser(tx, id, { active: false });
    await deleteSessionsOfUser(tx, id);
    const after = await findUser(tx, id);
    await appendAudit(
      tx,
      {
        actor,
        agencyId: before.user.agencyId,
        entityType: 'user',
        entityId: id,
        action: 'decline_executive',
        before: auditSnapshot(before.user),
        after: after ? auditSnapshot(after.user) : null,
      },
      now,
    );
  });
  const row = await findUser(deps.db, id);
  if (!row) throw errors.userNotFound();
  return presentUser(row, actor, now);
}
