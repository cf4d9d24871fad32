// Read-only queries other modules may use (stakeholder data and EIT contacts are this module's): EIT part 2
// samples from the contacts against the EIT population.
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { eitContacts, stakeholderData } from '../../db/schema/index.ts';

export type ContactRow = typeof eitContacts.$inferSelect;

/** The agency-year's EIT population as entered (null without stakeholder data). */
export async function eitPopulationOf(db: DbOrTx, agencyId: string, year: number): Promise<number | null> {
  const [row] = await db
    .select({ eitPopulation: stakeholderData.eitPopulation })
    .from(stakeholderData)
    .where(and(eq(stakeholderData.agencyId, agencyId), eq(stakeholderData.year, year)));
  return row?.eitPopulation ?? null;
}

/** Every EIT contact of the agency-year. */
export function contactsOf(db: DbOrTx, agencyId: string, year: number): Promise<ContactRow[]> {
  return db
    .select()
    .from(eitContacts)
    .where(and(eq(eitContacts.agencyId, agencyId), eq(eitContacts.year, year)));
}

/** The given contacts, by id (unknown ids are absent). One query. */
export async function contactsByIds(db: DbOrTx, ids: readonly string[]): Promise<Map<string, ContactRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(eitContacts)
    .where(inArray(eitContacts.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}
