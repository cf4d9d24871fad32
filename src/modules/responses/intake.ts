// The intake, this module's API: the one place answers are written, and the counts over them. Every
// collection channel (IIT web, EIT part 1 web, approved EIT part-2 interviews) *holds* its answers through `holdResponse`, inside the caller's transaction, next to whatever
// marks the respondent; only the release (release.ts) writes `survey_responses`, in transactions of its own.
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { keyedHash } from '../../app/secrets.ts';
import type { Config } from '../../config.ts';
import { durationBand } from '../../core/surveys/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import { inIdsOf } from '../../db/id-set.ts';
import {
  heldResponses,
  responseReviews,
  submissionReceipts,
  surveyResponses,
} from '../../db/schema/index.ts';

export interface NewResponse {
  agencyId: string;
  year: number;
  instrument: string;
  frameworkVersion: number;
  answers: Record<string, unknown>;
  /** Seconds the respondent took, kept only as a band; null when not measured. */
  durationSeconds: number | null;
  channel: 'web' | 'interview';
}

/** The day in Thailand: responses keep only the day, never the time. */
// Built once: constructing an Intl.DateTimeFormat costs more than the rest of a submission's own CPU.
const BANGKOK_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' });
export function bangkokDay(now: Date): string {
  return BANGKOK_DAY.format(now);
}

/**
 * Holds one accepted response until its release. Call it inside the transaction that marks the respondent:
 * once that commits, the answers are durably stored (the respondent may be thanked).
 */
export async function holdResponse(tx: DbOrTx, r: NewResponse): Promise<void> {
  await tx.insert(heldResponses).values({
    agencyId: r.agencyId,
    year: r.year,
    instrument: r.instrument,
    frameworkVersion: r.frameworkVersion,
    answers: r.answers,
    durationBand: r.durationSeconds === null ? null : durationBand(Math.min(r.durationSeconds, 86_400)),
    channel: r.channel,
  });
}

/**
 * Records that a submission was accepted; false when it had been (a retry). The receipt is a keyed hash of
 * agency, instrument and the browser's random submission id, and lives apart from the answers, so the id a
 * respondent's browser keeps leads to no answer row.
 */
type Submission = { agencyId: string; instrument: string; submissionId: string };
const receiptHashOf = (config: Pick<Config, 'sessionSecret'>, s: Submission) =>
  keyedHash(config, 'submission-receipt', `${s.agencyId}|${s.instrument}|${s.submissionId}`);

export async function claimReceipt(
  tx: DbOrTx,
  config: Pick<Config, 'sessionSecret'>,
  s: Submission,
): Promise<boolean> {
  const receiptHash = receiptHashOf(config, s);
  const rows = await tx
    .insert(submissionReceipts)
    .values({ receiptHash })
    .onConflictDoNothing()
    .returning({ receiptHash: submissionReceipts.receiptHash });
  return rows.length > 0;
}

/** Whether this submission was accepted before (to tell a retry from a second response). */
export async function hasReceipt(
  db: DbOrTx,
  config: Pick<Config, 'sessionSecret'>,
  s: Submission,
): Promise<boolean> {
  const receiptHash = receiptHashOf(config, s);
  const rows = await db
    .select({ one: sql`1` })
    .from(submissionReceipts)
    .where(eq(submissionReceipts.receiptHash, receiptHash));
  return rows.length > 0;
}

/**
 * Serializes the intake of one agency-year-instrument until the transaction ends, so that a count taken
 * after it (receivedCount) stays true until the caller commits. An advisory lock leaves no trace in any row.
 */
export async function lockIntake(tx: DbOrTx, agencyId: string, year: number, instrument: string) {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext('prongsai:intake'), hashtext(${`${agencyId}|${year}|${instrument}`}))`,
  );
}

/** Every response received for an instrument (held or released, excluded or not): what a cap counts. */
export async function receivedCount(
  db: DbOrTx,
  agencyId: string,
  year: number,
  instrument: string,
): Promise<number> {
  const rows = await db.execute<{ n: number }>(sql`select
      (select count(*) from ${heldResponses} where ${heldResponses.agencyId} = ${agencyId}
         and ${heldResponses.year} = ${year} and ${heldResponses.instrument} = ${instrument})
    + (select count(*) from ${surveyResponses} where ${surveyResponses.agencyId} = ${agencyId}
         and ${surveyResponses.year} = ${year} and ${surveyResponses.instrument} = ${instrument}) as n`);
  return Number(rows.rows[0]?.n ?? 0);
}

/** Held responses per instrument (accepted, waiting for their release). */
export async function heldCounts(
  db: DbOrTx,
  agencyId: string,
  year: number,
): Promise<Record<string, number>> {
  const rows = await db
    .select({ instrument: heldResponses.instrument, n: sql<number>`count(*)::int` })
    .from(heldResponses)
    .where(and(eq(heldResponses.agencyId, agencyId), eq(heldResponses.year, year)))
    .groupBy(heldResponses.instrument);
  return Object.fromEntries(rows.map((r) => [r.instrument, r.n]));
}

/**
 * Responses that count toward minimum and progress per instrument: released ones not excluded, plus held
 * ones (accepted and durably stored; nobody has judged them yet, so none is excluded).
 */
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
  const counts: Record<string, number> = Object.fromEntries(rows.map((r) => [r.instrument, r.n]));
  for (const [instrument, n] of Object.entries(await heldCounts(db, agencyId, year)))
    counts[instrument] = (counts[instrument] ?? 0) + n;
  return counts;
}

/**
 * Counted responses (released and not excluded, plus held) per agency and instrument of every agency in
 * `agencyIds` (a subquery of ids, e.g. the agencies module's participantIdsIn): two queries for any number
 * of agencies.
 */
export async function countedResponsesIn(
  db: DbOrTx,
  year: number,
  agencyIds: SQL,
): Promise<Map<string, Record<string, number>>> {
  const rows = await db
    .select({
      agencyId: surveyResponses.agencyId,
      instrument: surveyResponses.instrument,
      n: sql<number>`count(*)::int`,
    })
    .from(surveyResponses)
    .leftJoin(responseReviews, eq(responseReviews.responseId, surveyResponses.id))
    .where(
      and(
        eq(surveyResponses.year, year),
        inIdsOf(surveyResponses.agencyId, agencyIds),
        sql`coalesce(${responseReviews.decision}, 'keep') <> 'exclude'`,
      ),
    )
    .groupBy(surveyResponses.agencyId, surveyResponses.instrument);
  // Held answers (accepted, waiting for their shuffled release) count too: nobody has excluded them.
  const held = await db
    .select({
      agencyId: heldResponses.agencyId,
      instrument: heldResponses.instrument,
      n: sql<number>`count(*)::int`,
    })
    .from(heldResponses)
    .where(and(eq(heldResponses.year, year), inIdsOf(heldResponses.agencyId, agencyIds)))
    .groupBy(heldResponses.agencyId, heldResponses.instrument);
  const out = new Map<string, Record<string, number>>();
  for (const r of held) out.set(r.agencyId, { ...out.get(r.agencyId), [r.instrument]: r.n });
  for (const r of rows) {
    const counts = out.get(r.agencyId) ?? {};
    counts[r.instrument] = (counts[r.instrument] ?? 0) + r.n;
    out.set(r.agencyId, counts);
  }
  return out;
}
