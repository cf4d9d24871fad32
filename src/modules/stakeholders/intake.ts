// How full an agency's IIT is: received responses (held or released, excluded or not, counted by the
// responses module) against the population its executive approved (this module's stakeholder data). The
// respondent pages, the agency's progress and the quality view all read it here; the atomic check at
// submit is respond.capacity.ts.
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { stakeholderData } from '../../db/schema/index.ts';
import { receivedCount } from '../responses/index.ts';

export type IitIntakeState = 'open' | 'full' | 'awaiting_population';

export interface IitIntake {
  state: IitIntakeState;
  /** The IIT population the executive approved; null before any approval (the IIT does not open). */
  approvedPopulation: number | null;
  received: number;
}

/** The approved IIT population of the agency-year, or null when none was ever approved. */
export async function approvedPopulation(db: DbOrTx, agencyId: string, year: number): Promise<number | null> {
  const [row] = await db
    .select({ population: stakeholderData.approvedIitPopulation })
    .from(stakeholderData)
    .where(and(eq(stakeholderData.agencyId, agencyId), eq(stakeholderData.year, year)));
  return row?.population ?? null;
}

export async function iitIntake(db: DbOrTx, agencyId: string, year: number): Promise<IitIntake> {
  const [population, received] = await Promise.all([
    approvedPopulation(db, agencyId, year),
    receivedCount(db, agencyId, year, 'IIT'),
  ]);
  const state: IitIntakeState =
    population === null ? 'awaiting_population' : received >= population ? 'full' : 'open';
  return { state, approvedPopulation: population, received };
}
