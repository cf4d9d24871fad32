// The one place answers are written. Every collection channel (IIT web, EIT part 1 web, approved EIT part-2
// interviews) records through `recordResponse`, inside the caller's transaction.
import { and, eq, sql } from 'drizzle-orm';
import { conflict } from '../../core/errors.ts';
import type { DbOrTx } from '../../db/client.ts';
import { responseReviews, surveyResponses } from '../../db/schema/index.ts';

export interface NewResponse {
  /** The random UUID the respondent's browser made; a retry with the same id never adds a second row. */
  submissionId: string;
  agencyId: string;
  year: number;
  instrument: string;
  frameworkVersion: number;
  answers: Record<string, unknown>;
  durationSeconds: number;
  channel: 'web' | 'interview';
  now: Date;
}

/** The day in Thailand: responses keep only the day, never the time. */
// Built once: constructing an Intl.DateTimeFormat costs more than the rest of a submission's own CPU.
const BANGKOK_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' });
export function bangkokDay(now: Date): string {
  return BANGKOK_DAY.format(now);
}

export async function recordResponse(
  tx: DbOrTx,
  r: NewResponse,
): Promise<{ id: string; duplicate: boolean }> {
  const inserted = await tx
    .insert(surveyResponses)
    .values({
      submissionId: r.submissionId,
      agencyId: r.agencyId,
      year: r.year,
      instrument: r.instrument,
      frameworkVersion: r.frameworkVersion,
      answers: r.answers,
      durationSeconds: Math.max(0, Math.min(86_400, Math.round(r.durationSeconds))),
      submittedOn: bangkokDay(r.now),
      channel: r.channel,
    })
    .onConflictDoNothing({ target: surveyResponses.submissionId })
    .returning({ id: surveyResponses.id });
  if (inserted[0]) return { id: inserted[0].id, duplicate: false };
  const [existing] = await tx
    .select({
      id: surveyResponses.id,
      agencyId: surveyResponses.agencyId,
      instrument: surveyResponses.instrument,
    })
    .from(surveyResponses)
    .where(eq(surveyResponses.submissionId, r.submissionId));
  if (!existing || existing.agencyId !== r.agencyId || existing.instrument !== r.instrument) {
    throw conflict(
      'submission_id_reused',
      'รหัสการส่งนี้ถูกใช้กับแบบสำรวจอื่นแล้ว กรุณาโหลดหน้าใหม่แล้วส่งอีกครั้ง',
      'This submission id was already used for another survey; reload the page and submit again',
    );
  }
  return { id: existing.id, duplicate: true };
}

/** Responses that count toward minimum and score per instrument (excluded ones never count). */
export async function countedResponses(
  db: DbOrTx,
  agencyId: string,
  year: number,
): Promise<Record<string, number>> {
  const rows = await db
    .select({ instrument: surveyResponses.instrument, n: sql<number>`count(*)::int` })
    .from(surveyResponses)
    .leftJoin(responseReviews, eq(responseReviews.responseId, surveyResponses.id))
    .where(
      and(
        eq(surveyResponses.agencyId, agencyId),
        eq(surveyResponses.year, year),
        sql`coalesce(${responseReviews.decision}, 'keep') <> 'exclude'`,
      ),
    )
    .groupBy(surveyResponses.instrument);
  return Object.fromEntries(rows.map((r) => [r.instrument, r.n]));
}
