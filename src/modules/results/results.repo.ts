// Processing runs and agency results: the only reads and writes of the two tables. A worker's claim (run id
// and attempt number) writes only while it is still current: every write locks the run row and checks the
// attempt, so a worker whose lease ran out and was claimed again by another stops at its next chunk.
import { and, asc, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { RunKind, RunScope } from '../../core/results/runs.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { agencyResults, processingRuns } from '../../db/schema/index.ts';

export type RunRow = typeof processingRuns.$inferSelect;
export type AgencyResultRow = typeof agencyResults.$inferSelect;
export type NewAgencyResult = typeof agencyResults.$inferInsert;

export interface NewRun {
  year: number;
  kind: RunKind;
  scope: RunScope;
  scopeValue: string | null;
  createdBy: string;
  createdAt: Date;
}

/** A queued run; throws the driver's unique violation (23505) when the year has one queued or running. */
export async function insertRun(tx: DbOrTx, run: NewRun): Promise<RunRow> {
  const [row] = await tx.insert(processingRuns).values(run).returning();
  if (!row) throw new Error('insertRun: nothing returned');
  return row;
}

/** The PostgreSQL error code of a failed query on either driver (drizzle wraps the driver's error). */
export function pgErrorCode(e: unknown): string | undefined {
  const err = e as { code?: unknown; cause?: { code?: unknown } };
  const code = err.cause?.code ?? err.code;
  return typeof code === 'string' ? code : undefined;
}

export interface Claim {
  id: string;
  attempts: number;
  year: number;
  kind: RunKind;
  scope: RunScope;
  scopeValue: string | null;
}

/**
 * Claims the oldest due run: a queued one, or a running one whose lease ran out (its worker died). SKIP
 * LOCKED lets workers of several instances claim side by side; the lease is how long the claim holds.
 */
export async function claimRun(db: DbOrTx, now: Date, leaseMs: number): Promise<Claim | null> {
  const due = db
    .select({ id: processingRuns.id })
    .from(processingRuns)
    .where(
      or(
        eq(processingRuns.status, 'queued'),
        and(eq(processingRuns.status, 'running'), lt(processingRuns.leaseUntil, now)),
      ),
    )
    .orderBy(asc(processingRuns.createdAt))
    .limit(1)
    .for('update', { skipLocked: true });
  const [claim] = await db
    .update(processingRuns)
    .set({
      status: 'running',
      attempts: sql`${processingRuns.attempts} + 1`,
      leaseUntil: new Date(now.getTime() + leaseMs),
      startedAt: now,
    })
    .where(inArray(processingRuns.id, due))
    .returning({
      id: processingRuns.id,
      attempts: processingRuns.attempts,
      year: processingRuns.year,
      kind: processingRuns.kind,
      scope: processingRuns.scope,
      scopeValue: processingRuns.scopeValue,
    });
  return claim ?? null;
}

/** Locks the run row if the claim is still current; false when another claim took over (write nothing). */
export async function lockClaim(tx: Tx, claim: Claim): Promise<boolean> {
  const rows = await tx
    .select({ id: processingRuns.id })
    .from(processingRuns)
    .where(
      and(
        eq(processingRuns.id, claim.id),
        eq(processingRuns.status, 'running'),
        eq(processingRuns.attempts, claim.attempts),
      ),
    )
    .for('update');
  return rows.length > 0;
}

/** A fresh start of a (re)claimed run: its partial results from an earlier claim are deleted. */
export async function restartRun(
  tx: Tx,
  claim: Claim,
  set: { frameworkVersion: number; total: number; leaseUntil: Date },
): Promise<void> {
  await tx.delete(agencyResults).where(eq(agencyResults.runId, claim.id));
  await tx
    .update(processingRuns)
    .set({
      frameworkVersion: set.frameworkVersion,
      progressDone: 0,
      progressTotal: set.total,
      leaseUntil: set.leaseUntil,
      error: null,
    })
    .where(eq(processingRuns.id, claim.id));
}

/** Stores one chunk's results and moves the progress and the lease on. */
export async function storeChunk(
  tx: Tx,
  claim: Claim,
  rows: NewAgencyResult[],
  leaseUntil: Date,
): Promise<void> {
  // One jsonb parameter for the whole chunk: PostgreSQL takes its rows apart (jsonb_to_recordset), which
  // costs the worker far less than binding eleven parameters per row (bench:process).
  if (rows.length > 0)
    await tx.execute(sql`insert into ${agencyResults} (run_id, agency_id, total, rating_code, passes, instruments,
        indicators, indicators_by_instrument, questions, sub_indicators, inputs_hash, details)
      select run_id, agency_id, total, rating_code, passes, instruments, indicators, indicators_by_instrument,
        questions, sub_indicators, inputs_hash, details
      from jsonb_to_recordset(${JSON.stringify(rows.map(columnsOf))}::jsonb) as r(run_id uuid, agency_id uuid,
        total numeric, rating_code text, passes boolean, instruments jsonb, indicators jsonb,
        indicators_by_instrument jsonb, questions jsonb, sub_indicators jsonb, inputs_hash text, details jsonb)`);
  await tx
    .update(processingRuns)
    .set({ progressDone: sql`${processingRuns.progressDone} + ${rows.length}`, leaseUntil })
    .where(eq(processingRuns.id, claim.id));
}

const columnsOf = (r: NewAgencyResult) => ({
  run_id: r.runId,
  agency_id: r.agencyId,
  total: r.total,
  rating_code: r.ratingCode,
  passes: r.passes,
  instruments: r.instruments,
  indicators: r.indicators,
  indicators_by_instrument: r.indicatorsByInstrument,
  questions: r.questions,
  sub_indicators: r.subIndicators,
  inputs_hash: r.inputsHash,
  details: r.details ?? null,
});

export async function extendLease(tx: Tx, claim: Claim, leaseUntil: Date): Promise<void> {
  await tx.update(processingRuns).set({ leaseUntil }).where(eq(processingRuns.id, claim.id));
}

/** Every stored agency's inputs hash of the run (for the run's own hash). */
export async function resultHashes(db: DbOrTx, runId: string) {
  return db
    .select({ agencyId: agencyResults.agencyId, inputsHash: agencyResults.inputsHash })
    .from(agencyResults)
    .where(eq(agencyResults.runId, runId));
}

export async function finishRun(
  tx: Tx,
  claim: Claim,
  end: { status: 'done'; inputsHash: string; at: Date } | { status: 'failed'; error: string; at: Date },
): Promise<RunRow> {
  const [row] = await tx
    .update(processingRuns)
    .set({
      status: end.status,
      finishedAt: end.at,
      leaseUntil: null,
      ...(end.status === 'done' ? { inputsHash: end.inputsHash } : { error: end.error.slice(0, 2000) }),
    })
    .where(eq(processingRuns.id, claim.id))
    .returning();
  if (!row) throw new Error('finishRun: the run vanished');
  return row;
}

export async function runsOfYear(db: DbOrTx, year: number): Promise<RunRow[]> {
  return db
    .select()
    .from(processingRuns)
    .where(eq(processingRuns.year, year))
    .orderBy(desc(processingRuns.createdAt));
}

export async function runById(db: DbOrTx, year: number, id: string): Promise<RunRow | null> {
  const [row] = await db
    .select()
    .from(processingRuns)
    .where(and(eq(processingRuns.year, year), eq(processingRuns.id, id)));
  return row ?? null;
}

/** Every agency's total, rating and pass of a run. */
export async function totalsOfRun(db: DbOrTx, runId: string) {
  const rows = await db
    .select({
      agencyId: agencyResults.agencyId,
      total: agencyResults.total,
      ratingCode: agencyResults.ratingCode,
      passes: agencyResults.passes,
    })
    .from(agencyResults)
    .where(eq(agencyResults.runId, runId));
  return rows.map((r) => ({ ...r, total: Number(r.total) }));
}

/** The stored results of a run, by agency id (tests and, later, the report). */
export async function resultsOfRun(db: DbOrTx, runId: string): Promise<AgencyResultRow[]> {
  return db.select().from(agencyResults).where(eq(agencyResults.runId, runId));
}

/** One page of a run's results, highest total first (agency id breaks ties, so pages never overlap). */
export async function resultPageOfRun(db: DbOrTx, runId: string, page: number, pageSize: number) {
  const [rows, [count]] = await Promise.all([
    db
      .select({
        agencyId: agencyResults.agencyId,
        total: agencyResults.total,
        ratingCode: agencyResults.ratingCode,
        passes: agencyResults.passes,
        instruments: agencyResults.instruments,
      })
      .from(agencyResults)
      .where(eq(agencyResults.runId, runId))
      .orderBy(desc(agencyResults.total), asc(agencyResults.agencyId))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(agencyResults).where(eq(agencyResults.runId, runId)),
  ]);
  return { rows: rows.map((r) => ({ ...r, total: Number(r.total) })), total: Number(count?.n ?? 0) };
}

/** The stored figures of a run for the agencies a subquery names (lessons learned over a scope). One query. */
export async function resultsOfRunWithin(db: DbOrTx, runId: string, agencyIds: SQL) {
  const rows = await db
    .select({
      agencyId: agencyResults.agencyId,
      total: agencyResults.total,
      ratingCode: agencyResults.ratingCode,
      passes: agencyResults.passes,
      instruments: agencyResults.instruments,
      indicators: agencyResults.indicators,
      questions: agencyResults.questions,
    })
    .from(agencyResults)
    .where(and(eq(agencyResults.runId, runId), inArray(agencyResults.agencyId, agencyIds)));
  return rows.map((r) => ({ ...r, total: Number(r.total) }));
}
