// Published results over a scope (lessons learned, issue 11 §4): the year's publication in effect only — the
// rule of core/results/visibility.ts with the public reader, as publishedRunOf applies it (no embargoed,
// cancelled or provisional run, whoever asks) — and last year's figures of the same agencies by the agency
// report's rule (core/results/previous-year.ts: the published run of that year, else its imported result).
// The caller has authorized the scope and names its agencies as a subquery; everything is set-based.
import type { SQL } from 'drizzle-orm';
import type { AppDeps } from '../../app/context.ts';
import { DomainError } from '../../core/errors.ts';
import { type EarlierSource, earlierResultsByYear } from '../../core/results/previous-year.ts';
import { frameworksForYears } from '../frameworks/index.ts';
import { importedTotalsOfYear } from '../past-results/index.ts';
import { publishedRunOf } from './public.ts';
import { resultsOfRunWithin } from './results.repo.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

export type ScopeResult = Awaited<ReturnType<typeof resultsOfRunWithin>>[number];

/** The year's publication in effect (404 `results_not_published` before) and its results over the scope. */
export async function publishedResultsWithin(deps: Deps, year: number, agencyIds: SQL) {
  const run = await publishedRunOf(deps, year);
  const rows = await resultsOfRunWithin(deps.db, run.publication.runId, agencyIds);
  return { ...run, rows };
}

export interface LastYearFigures {
  total: number;
  ratingCode: string;
  /** Whether the rating passed in that year's framework (null when that framework is not loaded). */
  passes: boolean | null;
  source: EarlierSource;
}

/** Each agency's figures of `year − 1` (the report's rule), by agency id; agencies without any are absent. */
export async function lastYearWithin(
  deps: Deps,
  year: number,
  agencyIds: SQL,
): Promise<Map<string, LastYearFigures>> {
  const last = year - 1;
  const published = await publishedRunOf(deps, last).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === 'results_not_published') return null;
    throw e;
  });
  const [runRows, imported, frameworks] = await Promise.all([
    published ? resultsOfRunWithin(deps.db, published.publication.runId, agencyIds) : Promise.resolve([]),
    importedTotalsOfYear(deps.db, last, agencyIds),
    frameworksForYears(deps.db, [last]),
  ]);
  const rules = published?.framework.rating.rules ?? frameworks.get(last)?.rating.rules ?? null;
  const byAgency = new Map<string, { runs: typeof runRows; imported: typeof imported }>();
  const entry = (id: string) => {
    const e = byAgency.get(id) ?? { runs: [], imported: [] };
    byAgency.set(id, e);
    return e;
  };
  for (const r of runRows) entry(r.agencyId).runs.push(r);
  for (const r of imported) entry(r.agencyId).imported.push(r);
  const out = new Map<string, LastYearFigures>();
  for (const [agencyId, e] of byAgency) {
    const figures = earlierResultsByYear(
      e.runs.map((r) => ({ year: last, total: r.total, ratingCode: r.ratingCode })),
      e.imported,
    ).get(last);
    if (!figures) continue;
    const rule = rules?.find((r) => r.code === figures.ratingCode);
    out.set(agencyId, {
      total: figures.total,
      ratingCode: figures.ratingCode,
      passes: rules === null ? null : (rule?.passes ?? null),
      source: figures.source,
    });
  }
  return out;
}
