// The stakeholder data of many agencies at once, for monitoring over a scope: whether the numbers are
// entered and approved, and the populations the minimum samples follow from. One query for any number.
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Populations } from './minimums.ts';
import { selectScopeStakeholders } from './progress.repo.ts';
import { stakeholderStatus } from './stakeholders.present.ts';

export interface StakeholderFacts extends Populations {
  entered: boolean;
  approved: boolean;
}

/** By agency id, for the agencies in `agencyIds` (a subquery); agencies without data are absent. */
export async function stakeholderFactsIn(
  db: DbOrTx,
  year: number,
  agencyIds: SQL,
): Promise<Map<string, StakeholderFacts>> {
  const rows = await selectScopeStakeholders(db, year, agencyIds);
  const out = new Map<string, StakeholderFacts>();
  for (const [id, r] of rows) {
    const { entered, approved } = stakeholderStatus(r);
    out.set(id, { entered, approved, iitPopulation: r.iitPopulation, eitPopulation: r.eitPopulation });
  }
  return out;
}
