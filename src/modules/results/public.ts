// What the public may read of results (issue 11 §1): only the publication in effect of a year (visibleRun with
// the public reader: no embargoed, cancelled, superseded or provisional run, no preview), and the stored rows
// of its run. No actor: the public routes have no session; everything here is public once published.
import type { AppDeps } from '../../app/context.ts';
import { notFound } from '../../core/errors.ts';
import type { Framework } from '../../core/framework/schema.ts';
import { effectivePublication, visibleRun } from '../../core/results/visibility.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { frameworkForYear, frameworkLoaded, frameworkVersionOf } from '../frameworks/index.ts';
import {
  agencyCountsOfRuns,
  agencyResultOf,
  agencyResultPublished,
  factOf,
  lockYear,
  type PublicationRow,
  publicationsOfYear,
  publicationsTakenEffect,
  publishedEarlierResults,
  yearsWithResultOf,
} from './publications.repo.ts';
import { ratingOf } from './report.present.ts';
import type { PreviousYear } from './report.schema.ts';
import { type AgencyResultRow, resultsOfRun, runById, totalsOfRun } from './results.repo.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

/** A year after every fiscal year a framework may have (frameworks stop at 2700): "all years". */
const AFTER_EVERY_YEAR = 10_000;

export const noPublishedResults = () =>
  notFound(
    'results_not_published',
    'ยังไม่มีผลการประเมินที่เผยแพร่สำหรับปีนี้',
    'No results of this year have been published',
  );

export interface PublicPublication {
  id: string;
  year: number;
  runId: string;
  publishAt: Date;
  /** The public reason of a correction (a publication superseding another); null for the first one. */
  reason: string | null;
  supersedes: string | null;
}

const publicOf = (p: PublicationRow): PublicPublication => ({
  id: p.id,
  year: p.year,
  runId: p.runId,
  publishAt: p.publishAt,
  reason: p.reason,
  supersedes: p.supersedes,
});

/** The years with a publication in effect at `now`, newest first, with the number of agencies in each. */
export async function publishedYears(deps: Deps): Promise<(PublicPublication & { agencies: number })[]> {
  const now = deps.now();
  const rows = await publicationsTakenEffect(deps.db, now);
  const byYear = new Map<number, PublicationRow[]>();
  for (const p of rows) byYear.set(p.year, [...(byYear.get(p.year) ?? []), p]);
  const effective: PublicationRow[] = [];
  for (const list of byYear.values()) {
    const e = effectivePublication(list.map(factOf), now);
    const row = e && list.find((p) => p.id === e.id);
    if (row) effective.push(row);
  }
  const counts = await agencyCountsOfRuns(
    deps.db,
    effective.map((p) => p.runId),
  );
  return effective
    .sort((a, b) => b.year - a.year)
    .map((p) => ({ ...publicOf(p), agencies: counts.get(p.runId) ?? 0 }));
}

/** The year's publication in effect and the framework (version) its run was computed under; 404 before. */
export async function publishedRunOf(
  deps: Deps,
  year: number,
): Promise<{ publication: PublicPublication; framework: Framework; frameworkVersion: number | null }> {
  const rows = await publicationsOfYear(deps.db, year);
  const visible = visibleRun({
    reader: { kind: 'public' },
    showScoresDuringCollection: false,
    publications: rows.map(factOf),
    latestDoneRunId: null,
    now: deps.now(),
  });
  const row = visible && rows.find((p) => p.id === visible.publicationId);
  if (!row) throw noPublishedResults();
  const run = await runById(deps.db, year, row.runId);
  const framework = run?.frameworkVersion
    ? await frameworkVersionOf(deps.db, year, run.frameworkVersion)
    : (await frameworkForYear(deps.db, year)).framework;
  return { publication: publicOf(row), framework, frameworkVersion: run?.frameworkVersion ?? null };
}

/** Every agency's total, rating and pass of a published run (the national overview). */
export async function publishedTotals(deps: Deps, runId: string) {
  return totalsOfRun(deps.db, runId);
}

/** Every agency's stored result of a published run (open data). */
export async function publishedResults(deps: Deps, runId: string): Promise<AgencyResultRow[]> {
  return resultsOfRun(deps.db, runId);
}

/** One agency's stored result of a published run, or null when the run holds none. */
export async function publishedResultOf(
  deps: Deps,
  runId: string,
  agencyId: string,
): Promise<AgencyResultRow | null> {
  const found = await agencyResultOf(deps.db, runId, agencyId);
  if (!found) return null;
  const { runFrameworkVersion: _, ...result } = found;
  return result;
}

/**
 * The agency's results over the years from publications in effect now (published runs only, never imported
 * past results), oldest first; ratings read in their own year's framework when it is loaded.
 */
export async function publishedHistory(deps: Deps, agencyId: string): Promise<PreviousYear[]> {
  const rows = await publishedEarlierResults(deps.db, agencyId, AFTER_EVERY_YEAR, deps.now());
  const out: PreviousYear[] = [];
  for (const r of rows) {
    const f = (await frameworkLoaded(deps.db, r.year))
      ? (await frameworkForYear(deps.db, r.year)).framework
      : null;
    out.push({
      year: r.year,
      total: r.total,
      rating: f ? ratingOf(f, r.ratingCode) : { code: r.ratingCode, th: r.ratingCode, en: null },
      source: 'run',
    });
  }
  return out;
}

/**
 * Whether a result of the agency was ever published (a publication not cancelled — in effect, superseded or
 * under embargo — of a run holding one). Its code has then been the open data's identifier of the agency, so
 * the agency registry no longer lets it change.
 */
export async function resultEverPublished(db: DbOrTx, agencyId: string): Promise<boolean> {
  return agencyResultPublished(db, agencyId);
}

/**
 * The same, read in the caller's transaction so that the answer holds until it ends: under the publication
 * lock of every year with a result of the agency (publishing and cancelling take it), so no publication of
 * those years is made or cancelled meanwhile. The caller must hold the agency's row (`FOR UPDATE`): storing a result
 * takes a key-share lock on it, so no result of another year can appear either.
 */
export async function resultEverPublishedLocked(tx: Tx, agencyId: string): Promise<boolean> {
  for (const year of await yearsWithResultOf(tx, agencyId)) await lockYear(tx, year);
  return agencyResultPublished(tx, agencyId);
}
