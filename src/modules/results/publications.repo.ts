// Publications: the only reads and writes of the table. Rows are inserted, cancelled once or marked notified
// once; the migration's trigger refuses anything else (and a run that is not a finished `run`).
import { and, asc, desc, eq, getTableColumns, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import { effectivePublication, type PublicationFact } from '../../core/results/visibility.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { definePrepared } from '../../db/prepared.ts';
import { agencyResults, processingRuns, publications } from '../../db/schema/index.ts';
import type { AgencyResultRow } from './results.repo.ts';

export type PublicationRow = typeof publications.$inferSelect;
export type NewPublication = typeof publications.$inferInsert;

/** Serialises publishing and cancelling within one year (held until the transaction ends). */
export async function lockYear(tx: Tx, year: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('publications'), ${year})`);
}

// The reads of every result and report request are prepared (src/db/prepared.ts).
const publicationsOfYearQuery = definePrepared('results_publications_of_year', (db, name) =>
  db
    .select()
    .from(publications)
    .where(eq(publications.year, sql.placeholder('year')))
    .orderBy(desc(publications.publishAt), desc(publications.createdAt))
    .prepare(name),
);

export async function publicationsOfYear(db: DbOrTx, year: number): Promise<PublicationRow[]> {
  return publicationsOfYearQuery(db).execute({ year });
}

export const factOf = (p: PublicationRow): PublicationFact => ({
  id: p.id,
  runId: p.runId,
  publishAt: p.publishAt,
  createdAt: p.createdAt,
  cancelled: p.cancelledAt !== null,
});

export async function insertPublication(tx: DbOrTx, row: NewPublication): Promise<PublicationRow> {
  const [inserted] = await tx.insert(publications).values(row).returning();
  if (!inserted) throw new Error('insertPublication: nothing returned');
  return inserted;
}

export async function publicationForUpdate(tx: Tx, year: number, id: string): Promise<PublicationRow | null> {
  const [row] = await tx
    .select()
    .from(publications)
    .where(and(eq(publications.year, year), eq(publications.id, id)))
    .for('update');
  return row ?? null;
}

export async function markCancelled(tx: Tx, id: string, by: string, at: Date): Promise<PublicationRow> {
  const [row] = await tx
    .update(publications)
    .set({ cancelledAt: at, cancelledBy: by })
    .where(eq(publications.id, id))
    .returning();
  if (!row) throw new Error('markCancelled: the publication vanished');
  return row;
}

/**
 * Claims the oldest publication whose time has come and whose notice has not gone out. SKIP LOCKED: a
 * second instance passes over the row another holds, and finds it notified once that one commits.
 */
export async function claimDueNotice(tx: Tx, now: Date): Promise<PublicationRow | null> {
  const [row] = await tx
    .select()
    .from(publications)
    .where(
      and(
        isNull(publications.notifiedAt),
        isNull(publications.cancelledAt),
        lte(publications.publishAt, now),
      ),
    )
    .orderBy(asc(publications.publishAt))
    .limit(1)
    .for('update', { skipLocked: true });
  return row ?? null;
}

export async function markNotified(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.update(publications).set({ notifiedAt: at }).where(eq(publications.id, id));
}

/** The agencies with a stored result in the run. */
export async function agenciesOfRun(db: DbOrTx, runId: string): Promise<string[]> {
  const rows = await db
    .select({ agencyId: agencyResults.agencyId })
    .from(agencyResults)
    .where(eq(agencyResults.runId, runId));
  return rows.map((r) => r.agencyId);
}

const agencyResultQuery = definePrepared('results_agency_result', (db, name) =>
  db
    .select({
      ...getTableColumns(agencyResults),
      runFrameworkVersion: processingRuns.frameworkVersion,
      runStatus: processingRuns.status,
    })
    .from(agencyResults)
    .innerJoin(processingRuns, eq(processingRuns.id, agencyResults.runId))
    .where(
      and(
        eq(agencyResults.runId, sql.placeholder('runId')),
        eq(agencyResults.agencyId, sql.placeholder('agencyId')),
      ),
    )
    .prepare(name),
);

type StoredAgencyResult = AgencyResultRow & { runFrameworkVersion: number | null };

/**
 * The most read results of finished runs, per database handle: they never change (migration 0013's triggers
 * refuse an update, and a delete unless the run is still running), so a copy cannot go stale, on any
 * instance. Rows of a running run and rows not found are never kept. Callers must not change what they get.
 */
const finishedResults = new WeakMap<DbOrTx, LRUCache<string, StoredAgencyResult>>();
const FINISHED_RESULTS_KEPT = 500;

export async function agencyResultOf(
  db: DbOrTx,
  runId: string,
  agencyId: string,
): Promise<StoredAgencyResult | null> {
  let kept = finishedResults.get(db);
  if (!kept) {
    kept = new LRUCache({ max: FINISHED_RESULTS_KEPT });
    finishedResults.set(db, kept);
  }
  const key = `${runId}/${agencyId}`;
  const cached = kept.get(key);
  if (cached) return cached;
  const [row] = await agencyResultQuery(db).execute({ runId, agencyId });
  if (!row) return null;
  const { runStatus, ...result } = row;
  if (runStatus === 'done') kept.set(key, result);
  return result;
}

/** The newest finished run of kind `run` of the year (the provisional figures, when the framework shows them). */
export async function latestDoneRunId(db: DbOrTx, year: number): Promise<string | null> {
  const [row] = await db
    .select({ id: processingRuns.id })
    .from(processingRuns)
    .where(
      and(eq(processingRuns.year, year), eq(processingRuns.kind, 'run'), eq(processingRuns.status, 'done')),
    )
    .orderBy(desc(processingRuns.finishedAt))
    .limit(1);
  return row?.id ?? null;
}

const publishedBeforeQuery = definePrepared('results_publications_before', (db, name) =>
  db
    .select()
    .from(publications)
    .where(
      and(
        lt(publications.year, sql.placeholder('beforeYear')),
        isNull(publications.cancelledAt),
        lte(publications.publishAt, sql.placeholder('now')),
      ),
    )
    .prepare(name),
);

/**
 * The agency's results of the years before `beforeYear` from the publications in effect at `now` (the
 * newest not cancelled whose time has come, per year: core/results/visibility.ts `effectivePublication`),
 * oldest first. Two queries: the publications, then the agency's rows of their runs.
 */
export async function publishedEarlierResults(
  db: DbOrTx,
  agencyId: string,
  beforeYear: number,
  now: Date,
): Promise<{ year: number; total: number; ratingCode: string }[]> {
  const rows = await publishedBeforeQuery(db).execute({ beforeYear, now: now.toISOString() });
  const byYear = new Map<number, PublicationRow[]>();
  for (const p of rows) byYear.set(p.year, [...(byYear.get(p.year) ?? []), p]);
  const runYear = new Map<string, number>();
  for (const [year, list] of byYear) {
    const effective = effectivePublication(list.map(factOf), now);
    if (effective) runYear.set(effective.runId, year);
  }
  if (runYear.size === 0) return [];
  const results = await db
    .select({ runId: agencyResults.runId, total: agencyResults.total, ratingCode: agencyResults.ratingCode })
    .from(agencyResults)
    .where(and(eq(agencyResults.agencyId, agencyId), inArray(agencyResults.runId, [...runYear.keys()])));
  return results
    .map((r) => ({ year: runYear.get(r.runId) as number, total: Number(r.total), ratingCode: r.ratingCode }))
    .sort((a, b) => a.year - b.year);
}

/** Every publication not cancelled whose time has come (all years): the public picks the effective ones. */
export async function publicationsTakenEffect(db: DbOrTx, now: Date): Promise<PublicationRow[]> {
  return db
    .select()
    .from(publications)
    .where(and(isNull(publications.cancelledAt), lte(publications.publishAt, now)));
}

/** How many agencies each run has a result for. */
export async function agencyCountsOfRuns(
  db: DbOrTx,
  runIds: readonly string[],
): Promise<Map<string, number>> {
  if (runIds.length === 0) return new Map();
  const rows = await db
    .select({ runId: agencyResults.runId, n: sql<number>`count(*)::int` })
    .from(agencyResults)
    .where(inArray(agencyResults.runId, [...runIds]))
    .groupBy(agencyResults.runId);
  return new Map(rows.map((r) => [r.runId, Number(r.n)]));
}

/**
 * Whether a result of the agency was ever published: a run holding one has a publication that is not
 * cancelled — in effect, superseded (it was public) or under embargo (it takes effect by itself).
 */
export async function agencyResultPublished(db: DbOrTx, agencyId: string): Promise<boolean> {
  const [row] = await db
    .select({ runId: agencyResults.runId })
    .from(agencyResults)
    .innerJoin(
      publications,
      and(eq(publications.runId, agencyResults.runId), isNull(publications.cancelledAt)),
    )
    .where(eq(agencyResults.agencyId, agencyId))
    .limit(1);
  return row !== undefined;
}

/** The years of the runs (any kind, any state) holding a result of the agency, in ascending order. */
export async function yearsWithResultOf(db: DbOrTx, agencyId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: processingRuns.year })
    .from(agencyResults)
    .innerJoin(processingRuns, eq(processingRuns.id, agencyResults.runId))
    .where(eq(agencyResults.agencyId, agencyId))
    .orderBy(asc(processingRuns.year));
  return rows.map((r) => r.year);
}
