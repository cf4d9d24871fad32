// The first steps of every per-agency use case, written once: load the agency (401 without an actor, 404
// when missing), let the caller authorize (403), and — for an agency-year — check that the agency takes part
// in the year (409) and load the year's framework (404 without one). The authorization step is a required
// callback, so a caller cannot get the agency without deciding who may act on it.
import { type Action, type Actor, type AgencyRef, authorize, type can } from '../../core/authz.ts';
import { unauthenticated } from '../../core/errors.ts';
import type { Framework } from '../../core/framework/schema.ts';
import type { DbOrTx } from '../../db/client.ts';
import { frameworkForYear } from '../frameworks/index.ts';
import { agencyNotFound, cycleNotOpen } from './agencies.errors.ts';
import { type AgencyRow, type ParticipationRow, selectAgency } from './agencies.repo.ts';
import { selectParticipation } from './participations.repo.ts';

export const agencyRef = (a: AgencyRow): AgencyRef => ({
  id: a.id,
  provinceCode: a.provinceCode,
  ministryCode: a.ministryCode,
});

/** What the authorization callback is given: the agency, its reference and the signed-in actor. */
export interface AgencyTarget {
  agency: AgencyRow;
  ref: AgencyRef;
  actor: Actor;
}

/**
 * Decides whether the actor may act on the agency: throws (403) to refuse. What it returns is kept in the
 * context as `authorized` (e.g. the OIT reference with this year's assessors, to reuse after the check).
 */
export type AuthorizeAgency<T = void> = (target: AgencyTarget) => T | Promise<T>;

export interface AuthorizedAgency<T = void> extends AgencyTarget {
  authorized: T;
}

export interface ParticipatingAgency<T = void> extends AuthorizedAgency<T> {
  year: number;
  participation: ParticipationRow;
}

export interface AgencyYear<T = void> extends ParticipatingAgency<T> {
  framework: Framework;
  frameworkVersion: number;
}

/**
 * Loads an agency for a per-agency action: 401 without an actor, 404 when missing (checked before 403).
 * Kept for the OIT modules until they move to `agencyYear`; new code uses `authorizedAgency`/`agencyYear`.
 */
export async function loadAgencyFor(db: DbOrTx, actor: Actor | null, id: string): Promise<AgencyRow> {
  if (!actor) throw unauthenticated();
  const agency = await selectAgency(db, id);
  if (!agency) throw agencyNotFound();
  return agency;
}

/** The actions whose rule takes a plain agency reference. */
export type AgencyAction = {
  [A in Action]: AgencyRef extends Parameters<typeof can<A>>[2] ? A : never;
}[Action];

/** The usual authorization: the actor may do `action` on the agency (its plain reference). */
export const allow =
  (action: AgencyAction): AuthorizeAgency =>
  ({ actor, ref }) =>
    authorize(actor, action, ref);

/** Loads an agency and authorizes the actor on it: 401, then 404, then whatever `authorize` refuses. */
export async function authorizedAgency<T = void>(
  db: DbOrTx,
  actor: Actor | null,
  agencyId: string,
  authorize: AuthorizeAgency<T>,
): Promise<AuthorizedAgency<T>> {
  if (!actor) throw unauthenticated();
  const agency = await selectAgency(db, agencyId);
  if (!agency) throw agencyNotFound();
  const target = { agency, ref: agencyRef(agency), actor };
  const authorized = await authorize(target);
  return { ...target, authorized };
}

/** The agency's participation in the year; 409 `cycle_not_open` when its cycle was not opened. */
export async function requireParticipation(
  db: DbOrTx,
  agencyId: string,
  year: number,
): Promise<ParticipationRow> {
  const participation = await selectParticipation(db, agencyId, year);
  if (!participation) throw cycleNotOpen(year);
  return participation;
}

/**
 * The authorized agency (401/404/403 as `authorizedAgency`) that takes part in the year (409
 * `cycle_not_open` otherwise), for the few use cases that work without the year's framework.
 */
export async function participatingAgency<T = void>(
  db: DbOrTx,
  actor: Actor | null,
  agencyId: string,
  year: number,
  authorize: AuthorizeAgency<T>,
): Promise<ParticipatingAgency<T>> {
  const target = await authorizedAgency(db, actor, agencyId, authorize);
  return { ...target, year, participation: await requireParticipation(db, agencyId, year) };
}

/**
 * The agency-year every per-agency-year use case starts from: the authorized agency (401/404/403 as
 * `authorizedAgency`), its participation in the year (409 `cycle_not_open` without one) and the year's
 * framework in force (404 without one).
 */
export async function agencyYear<T = void>(
  db: DbOrTx,
  actor: Actor | null,
  agencyId: string,
  year: number,
  authorize: AuthorizeAgency<T>,
): Promise<AgencyYear<T>> {
  const ctx = await participatingAgency(db, actor, agencyId, year, authorize);
  const { framework, version } = await frameworkForYear(db, year);
  return { ...ctx, framework, frameworkVersion: version };
}
