// Drizzle queries for stakeholder data and the EIT part-2 contact list.
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { eitContacts, stakeholderData } from '../../db/schema/index.ts';

export type StakeholderDataRow = typeof stakeholderData.$inferSelect;
/** The row with the names of who entered and who approved it (from the users module). */
export type StakeholderRow = StakeholderDataRow & {
  updatedByName: string | null;
  approvedByName: string | null;
};

const key = (agencyId: string, year: number) =>
  and(eq(stakeholderData.agencyId, agencyId), eq(stakeholderData.year, year));

export async function selectStakeholder(
  db: DbOrTx,
  agencyId: string,
  year: number,
): Promise<StakeholderDataRow | undefined> {
  const [row] = await db.select().from(stakeholderData).where(key(agencyId, year));
  return row;
}

/** Locks the agency-year's row (creating it if missing) so concurrent changes bump the revision in turn. */
export async function lockStakeholder(db: DbOrTx, agencyId: string, year: number, by: string, now: Date) {
  await db
    .insert(stakeholderData)
    .values({ agencyId, year, revision: 0, updatedBy: by, updatedAt: now })
    .onConflictDoNothing();
  const [row] = await db.select().from(stakeholderData).where(key(agencyId, year)).for('update');
  if (!row) throw new Error('stakeholder row vanished inside its transaction');
  return row;
}

/** Writes a change: new numbers (when given) and the next revision. */
export async function writeRevision(
  db: DbOrTx,
  agencyId: string,
  year: number,
  change: { iitPopulation?: number | null; eitPopulation?: number | null; by: string; now: Date },
) {
  const [row] = await db
    .update(stakeholderData)
    .set({
      ...(change.iitPopulation === undefined ? {} : { iitPopulation: change.iitPopulation }),
      ...(change.eitPopulation === undefined ? {} : { eitPopulation: change.eitPopulation }),
      revision: sql`${stakeholderData.revision} + 1`,
      updatedBy: change.by,
      updatedAt: change.now,
    })
    .where(key(agencyId, year))
    .returning();
  if (!row) throw new Error('stakeholder row vanished inside its transaction');
  return row;
}

export async function writeApproval(
  db: DbOrTx,
  agencyId: string,
  year: number,
  revision: number,
  by: string,
  now: Date,
) {
  const [row] = await db
    .update(stakeholderData)
    .set({
      approvedRevision: revision,
      // The cap on IIT responses follows what the executive approved, not later unapproved edits.
      approvedIitPopulation: sql`${stakeholderData.iitPopulation}`,
      approvedBy: by,
      approvedAt: now,
    })
    .where(key(agencyId, year))
    .returning();
  return row;
}

/** Removes the placeholder `lockStakeholder` made when the request turned out to change nothing. */
export async function dropEmptyRow(db: DbOrTx, agencyId: string, year: number) {
  await db.delete(stakeholderData).where(and(key(agencyId, year), eq(stakeholderData.revision, 0)));
}

export async function contactCount(db: DbOrTx, agencyId: string, year: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(eitContacts)
    .where(and(eq(eitContacts.agencyId, agencyId), eq(eitContacts.year, year)));
  return row?.n ?? 0;
}

export interface NewContact {
  name: string;
  phone: string | null;
  email: string | null;
  relation: string;
}

const BATCH = 1000;

export async function replaceContacts(
  db: DbOrTx,
  agencyId: string,
  year: number,
  contacts: readonly NewContact[],
  now: Date,
) {
  await db.delete(eitContacts).where(and(eq(eitContacts.agencyId, agencyId), eq(eitContacts.year, year)));
  for (let i = 0; i < contacts.length; i += BATCH)
    await db
      .insert(eitContacts)
      .values(contacts.slice(i, i + BATCH).map((c) => ({ ...c, agencyId, year, createdAt: now })));
}

export async function selectContactPage(
  db: DbOrTx,
  agencyId: string,
  year: number,
  page: { page: number; pageSize: number },
) {
  const where = and(eq(eitContacts.agencyId, agencyId), eq(eitContacts.year, year));
  const [rows, total] = await Promise.all([
    db
      .select({
        id: eitContacts.id,
        name: eitContacts.name,
        phone: eitContacts.phone,
        email: eitContacts.email,
        relation: eitContacts.relation,
      })
      .from(eitContacts)
      .where(where)
      // Ids are random: name then id gives a stable page order.
      .orderBy(asc(eitContacts.name), asc(eitContacts.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    contactCount(db, agencyId, year),
  ]);
  return { rows, total };
}
