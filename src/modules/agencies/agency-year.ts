// The first steps of every per-agency use case, written once: load the agency (401 without an actor, 404
// when missing), let the caller authorize (403), and — for an agency-year — check that the agency takes part
// in the year (409) and load the year's framework (404 without one). The authorization step is a required
// callback, so a caller cannot get the agency without deciding who may act on it.
import type { Actor, AgencyRef } from '../../core/authz.ts';
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

export interface AgencyYear<T = void> extends AuthorizedAgency<T> {
  year: number;
  participation: ParticipationRow;
  framework: Framework;
  frameworkVersion: number;
}

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
  const target = await authorizedAgency(db, actor, agencyId, authorize);
  const participation = await selectParticipation(db, agencyId, year);
  if (!participation) throw cycleNotOpen(year);
  const { framework, version } = await frameworkForYear(db, year);
  return { ...target, year, participation, framework, frameworkVersion: version };
}
