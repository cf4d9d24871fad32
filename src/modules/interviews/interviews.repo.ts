// Drizzle queries of EIT part 2: samples and interviews (contacts and stakeholder data are read through the
// stakeholders module).
import { and, asc, eq } from 'drizzle-orm';
import type { InterviewStatus } from '../../core/surveys/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import { eit2Interviews, eit2Samples } from '../../db/schema/index.ts';
import { type ContactRow, contactsByIds } from '../stakeholders/index.ts';

export type SampleRow = typeof eit2Samples.$inferSelect;
export type InterviewRow = typeof eit2Interviews.$inferSelect;
export type { ContactRow };
export type PersonRow = { id: string; displayName: string } | null;
export interface InterviewDetailRow {
  interview: InterviewRow;
  contact: ContactRow;
  interviewer: PersonRow;
  reviewer: PersonRow;
}

export async function sampleOf(
  db: DbOrTx,
  agencyId: string,
  year: number,
  opts: { lock?: boolean } = {},
): Promise<SampleRow | undefined> {
  const q = db
    .select()
    .from(eit2Samples)
    .where(and(eq(eit2Samples.agencyId, agencyId), eq(eit2Samples.year, year)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row;
}

/** Undefined when the agency-year already has a sample (one draw per year, enforced by a unique index). */
export async function insertSample(
  db: DbOrTx,
  values: typeof eit2Samples.$inferInsert,
): Promise<SampleRow | undefined> {
  const [row] = await db
    .insert(eit2Samples)
    .values(values)
    .onConflictDoNothing({ target: [eit2Samples.agencyId, eit2Samples.year] })
    .returning();
  return row;
}

/** Interviews with their contact, oldest first (the people involved: `withPeople` in the service). */
export async function interviewDetails(
  db: DbOrTx,
  where: { agencyId: string; year: number; status?: InterviewStatus } | { id: string },
): Promise<Omit<InterviewDetailRow, 'interviewer' | 'reviewer'>[]> {
  const condition =
    'id' in where
      ? eq(eit2Interviews.id, where.id)
      : and(
          eq(eit2Interviews.agencyId, where.agencyId),
          eq(eit2Interviews.year, where.year),
          where.status ? eq(eit2Interviews.status, where.status) : undefined,
        );
  const interviews = await db
    .select()
    .from(eit2Interviews)
    .where(condition)
    .orderBy(asc(eit2Interviews.startedAt), asc(eit2Interviews.id));
  const contacts = await contactsByIds(
    db,
    interviews.map((i) => i.contactId),
  );
  return interviews.flatMap((interview) => {
    const contact = contacts.get(interview.contactId);
    return contact ? [{ interview, contact }] : [];
  });
}

/** Outcome and status of every interview of the agency-year (for sample statuses and released reserves). */
export function interviewOutcomes(db: DbOrTx, agencyId: string, year: number) {
  return db
    .select({
      id: eit2Interviews.id,
      contactId: eit2Interviews.contactId,
      outcome: eit2Interviews.outcome,
      status: eit2Interviews.status,
    })
    .from(eit2Interviews)
    .where(and(eq(eit2Interviews.agencyId, agencyId), eq(eit2Interviews.year, year)))
    .orderBy(asc(eit2Interviews.startedAt), asc(eit2Interviews.id));
}

export async function interviewById(
  db: DbOrTx,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<InterviewRow | undefined> {
  const q = db.select().from(eit2Interviews).where(eq(eit2Interviews.id, id));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row;
}

export async function insertInterview(
  db: DbOrTx,
  values: typeof eit2Interviews.$inferInsert,
): Promise<InterviewRow> {
  const [row] = await db.insert(eit2Interviews).values(values).returning();
  if (!row) throw new Error('insertInterview: no row returned');
  return row;
}

export async function updateInterview(
  db: DbOrTx,
  id: string,
  values: Partial<typeof eit2Interviews.$inferInsert>,
): Promise<InterviewRow> {
  const [row] = await db.update(eit2Interviews).set(values).where(eq(eit2Interviews.id, id)).returning();
  if (!row) throw new Error('updateInterview: no row updated');
  return row;
}
