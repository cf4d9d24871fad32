// Who may work on an agency's EIT part 2 in a year: the agency and that year's assigned assessors, which
// the authorization rules ('eit2.collect', 'eit2.review') decide on.
import { type Actor, authorize, type Eit2Ref } from '../../core/authz.ts';
import type { DbOrTx } from '../../db/client.ts';
import { agencyRef, loadAgencyFor } from '../agencies/index.ts';
import { assessorsFor } from './interviews.repo.ts';

export type CollectionAgency = Awaited<ReturnType<typeof loadAgencyFor>>;

export async function collectionRef(db: DbOrTx, actor: Actor | null, agencyId: string, year: number) {
  const agency = await loadAgencyFor(db, actor, agencyId);
  const ref: Eit2Ref = {
    agency: agencyRef(agency),
    assessorsThisYear: await assessorsFor(db, agencyId, year),
  };
  return { agency, ref };
}

/** Loads the agency-year and authorizes 'eit2.collect': the first step of every collection use case. */
export async function authorizeCollection(db: DbOrTx, actor: Actor | null, agencyId: string, year: number) {
  const { agency, ref } = await collectionRef(db, actor, agencyId, year);
  authorize(actor, 'eit2.collect', ref);
  return { agency, ref, actor };
}
