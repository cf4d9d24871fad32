// The agency's results report (issue 10 §3): the run its reader may see (visibleResult — the one rule of the
// agency's result route: 404 before publication, NACC admins see it marked embargoed), the framework's texts,
// and the year before: the previous year's published run if any, else its imported past result.
import type { AppDeps } from '../../app/context.ts';
import type { Actor } from '../../core/authz.ts';
import { earlierResultsByYear } from '../../core/results/previous-year.ts';
import { frameworksForYears, frameworkVersionOf } from '../frameworks/index.ts';
import { importedTotals } from '../past-results/index.ts';
import { publishedEarlierResults } from './publications.repo.ts';
import { visibleResult } from './publications.service.ts';
import { presentReport, ratingOf } from './report.present.ts';
import type { AgencyReport, PreviousYear } from './report.schema.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

export async function agencyReport(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
): Promise<AgencyReport> {
  const seen = await visibleResult(deps, actor, agencyId, year);
  const { visible, publication, result, agency } = seen;
  const history = await earlierYears(deps, agencyId, year);
  // Texts, weights and ratings of the framework version the run was computed under, not of a newer one.
  const runVersion = seen.runFrameworkVersion;
  const framework =
    runVersion && runVersion !== seen.frameworkVersion
      ? await frameworkVersionOf(deps.db, year, runVersion)
      : seen.framework;
  return presentReport({
    agency,
    year,
    framework,
    frameworkVersion: runVersion,
    result,
    basis: visible.basis,
    publication: publication
      ? { id: publication.id, publishAt: publication.publishAt.toISOString(), reason: publication.reason }
      : null,
    history,
  });
}

/**
 * Every earlier year known of the agency, oldest first: a year's published run (in effect now) wins over
 * its imported result. Ratings read in their own year's framework when it is loaded.
 */
async function earlierYears(deps: Deps, agencyId: string, year: number): Promise<PreviousYear[]> {
  const [runs, imported] = await Promise.all([
    publishedEarlierResults(deps.db, agencyId, year, deps.now()),
    importedTotals(deps.db, agencyId, year),
  ]);
  const byYear = earlierResultsByYear(runs, imported);
  const years = [...byYear.keys()].sort((a, b) => a - b);
  // The frameworks in force of all those years in one look (parsed ones are cached by version).
  const frameworks = await frameworksForYears(deps.db, years);
  return years.map((y) => {
    const r = byYear.get(y) as NonNullable<ReturnType<typeof byYear.get>>;
    const f = frameworks.get(y);
    return {
      year: y,
      total: r.total,
      rating: f ? ratingOf(f, r.ratingCode) : { code: r.ratingCode, th: r.ratingCode, en: null },
      source: r.source,
    };
  });
}
