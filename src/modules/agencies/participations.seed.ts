// Opening a cycle without a request, for the demo seed (a system task at start-up).
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { agencies } from '../../db/schema/index.ts';
import { openCycle } from './participations.repo.ts';

/**
 * Opens a cycle for the given agencies with no actor and no audit entry: for the demo seed only (a system
 * task at start-up, never a request). Rows are only ever added.
 */
export async function openCycleForSeed(
  db: DbOrTx,
  year: number,
  agencyIds: string[],
  now: Date,
  registered: boolean,
): Promise<void> {
  await openCycle(db, year, inArray(agencies.id, agencyIds), now, registered);
}
