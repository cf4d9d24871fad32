// Public results (issue 11 §1): no actor — everything here is what anyone may read once a year's publication
// is in effect (results' publishedRunOf: 404 `results_not_published` before, whatever the route). Never
// individual responses: only the stored per-agency results of the published run, with the disclosure rule.
import type { AppDeps } from '../../app/context.ts';
import { notFound } from '../../core/errors.ts';
import type { Framework } from '../../core/framework/schema.ts';
import { AGENCY_TYPE_LABELS } from '../../shared/agency-type-labels.ts';
import type { AgencyType } from '../../shared/agency-types.ts';
import { type AgencyProfile, agencyIdsByCodes, agencyProfilesByIds } from '../agencies/index.ts';
import { checkpointOfEntity } from '../audit/index.ts';
import { ministriesByCodes, provincesByCodes, REGION_LABELS } from '../reference/index.ts';
import {
  type AgencyResultRow,
  presentReport,
  publishedHistory,
  publishedResultOf,
  publishedResults,
  publishedRunOf,
  publishedTotals,
  publishedYears,
  ratingOf,
} from '../results/index.ts';
import {
  groupOf,
  LICENCE,
  meanOf,
  presentAgencyPage,
  publicationInfo,
  type Scored,
  share,
} from './public-results.present.ts';
import type {
  AgencyPage,
  Checkpoint,
  Group,
  Overview,
  PublicAgency,
  SearchResult,
} from './public-results.schema.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

export const SEARCH_PAGE_SIZE = 20;

const agencyNotPublished = () =>
  notFound(
    'agency_not_published',
    'ไม่พบผลการประเมินที่เผยแพร่ของหน่วยงานนี้ในปีนี้',
    'No published result of this agency for the year',
  );

export async function listYears(deps: Deps) {
  const years = await publishedYears(deps);
  return {
    items: years.map((p) => ({ year: p.year, publication: publicationInfo(p), agencies: p.agencies })),
    licence: LICENCE,
    /** What the answer depends on: the publications in effect. */
    etagKey: years.map((p) => p.id).join(','),
  };
}

/**
 * The year's publication in effect (404 before) and its audit checkpoint (null until taken, moments after
 * the publication takes effect): what every year route's answer and ETag depend on.
 */
export async function publishedYear(deps: Deps, year: number) {
  const run = await publishedRunOf(deps, year);
  const checkpoint: Checkpoint = await checkpointOfEntity(deps, 'publication', run.publication.id);
  return { ...run, checkpoint, etagBasis: `${run.publication.id}|${checkpoint?.seq ?? 'none'}` };
}
export type PublishedYear = Awaited<ReturnType<typeof publishedYear>>;

/** The public description of agencies: type, ministry and province (with region) in words. */
export async function publicAgencies(deps: Deps, ids: readonly string[]): Promise<Map<string, PublicAgency>> {
  const profiles = await agencyProfilesByIds(deps.db, ids);
  const list = [...profiles.values()];
  const [provinces, ministries] = await Promise.all([
    provincesByCodes(
      deps.db,
      list.map((a) => a.provinceCode),
    ),
    ministriesByCodes(
      deps.db,
      list.map((a) => a.ministryCode),
    ),
  ]);
  const out = new Map<string, PublicAgency>();
  for (const a of list) {
    const province = a.provinceCode ? provinces.get(a.provinceCode) : undefined;
    const ministry = a.ministryCode ? ministries.get(a.ministryCode) : undefined;
    out.set(a.id, {
      code: a.code,
      nameTh: a.nameTh,
      nameEn: a.nameEn,
      type: { code: a.type, ...AGENCY_TYPE_LABELS[a.type] },
      ministry: ministry ? { code: ministry.code, th: ministry.nameTh, en: ministry.nameEn } : null,
      province: province
        ? {
            code: province.code,
            th: province.nameTh,
            en: province.nameEn,
            region: { code: province.region, ...REGION_LABELS[province.region] },
          }
        : null,
    });
  }
  return out;
}

type GroupKey = { code: string | null; th: string; en: string | null };
const NONE: GroupKey = { code: null, th: 'ไม่ระบุ', en: 'Not stated' };

function breakdown(
  members: readonly (Scored & { agency: PublicAgency })[],
  keyOf: (a: PublicAgency) => { code: string; th: string; en: string | null } | null,
): Group[] {
  const groups = new Map<string | null, { key: GroupKey; members: Scored[] }>();
  for (const m of members) {
    const key = keyOf(m.agency) ?? NONE;
    const g = groups.get(key.code) ?? { key, members: [] };
    g.members.push(m);
    groups.set(key.code, g);
  }
  return [...groups.values()]
    .map((g) => groupOf(g.key, g.members))
    .sort((a, b) => (a.code === null ? 1 : b.code === null ? -1 : a.code.localeCompare(b.code)));
}

export async function overview(deps: Deps, year: number, seen: PublishedYear): Promise<Overview> {
  const { publication, framework, frameworkVersion } = seen;
  const totals = await publishedTotals(deps, publication.runId);
  const checkpoint = seen.checkpoint;
  const [agencies, previous] = await Promise.all([
    publicAgencies(
      deps,
      totals.map((t) => t.agencyId),
    ),
    previousYear(deps, year),
  ]);
  const members = totals.flatMap((t) => {
    const agency = agencies.get(t.agencyId);
    return agency ? [{ ...t, agency }] : [];
  });
  const passing = totals.filter((t) => t.passes).length;
  const sharePassing = share(passing, totals.length);
  const target = framework.rating.nationalTargetShare ?? null;
  const mean = meanOf(totals.map((t) => t.total));
  return {
    year,
    publication: publicationInfo(publication),
    checkpoint,
    licence: LICENCE,
    framework: {
      year: framework.year,
      version: frameworkVersion,
      passThreshold: framework.rating.passThreshold,
      nationalTargetShare: target,
    },
    agencies: totals.length,
    mean,
    passing,
    sharePassing,
    meetsNationalTarget: target === null || sharePassing === null ? null : sharePassing >= target,
    ratings: ratingsOf(framework, totals),
    previous,
    meanChange:
      previous?.mean == null || mean === null ? null : Math.round((mean - previous.mean) * 100) / 100,
    breakdowns: {
      ministry: breakdown(members, (a) => a.ministry),
      agencyType: breakdown(members, (a) => a.type),
      region: breakdown(members, (a) => a.province?.region ?? null),
      province: breakdown(members, (a) => a.province),
    },
  };
}

/** Every rating of the framework in its order (zero counts included), then any code it does not know. */
function ratingsOf(framework: Framework, totals: readonly { ratingCode: string }[]): Overview['ratings'] {
  const counts = new Map<string, number>();
  for (const t of totals) counts.set(t.ratingCode, (counts.get(t.ratingCode) ?? 0) + 1);
  const codes = [...new Set([...framework.rating.rules.map((r) => r.code), ...counts.keys()])];
  return codes.map((code) => {
    const count = counts.get(code) ?? 0;
    return { ...ratingOf(framework, code), count, share: share(count, totals.length) };
  });
}

async function previousYear(deps: Deps, year: number): Promise<Overview['previous']> {
  const before = await publishedRunOf(deps, year - 1).catch(() => null);
  if (!before) return null;
  const totals = await publishedTotals(deps, before.publication.runId);
  return { year: year - 1, agencies: totals.length, mean: meanOf(totals.map((t) => t.total)) };
}

/** Agencies of the published year whose name or code contains `q` (any case), by code, a page at a time. */
export async function searchAgencies(
  deps: Deps,
  seen: PublishedYear,
  query: { q?: string | undefined; page: number },
): Promise<SearchResult> {
  const totals = await publishedTotals(deps, seen.publication.runId);
  const profiles = await agencyProfilesByIds(
    deps.db,
    totals.map((t) => t.agencyId),
  );
  const needle = query.q?.toLocaleLowerCase('th') ?? '';
  const matches = (a: AgencyProfile) =>
    needle === '' ||
    [a.code, a.nameTh, a.nameEn ?? ''].some((s) => s.toLocaleLowerCase('th').includes(needle));
  const found = totals
    .flatMap((t) => {
      const a = profiles.get(t.agencyId);
      return a && matches(a) ? [{ t, a }] : [];
    })
    .sort((x, y) => x.a.code.localeCompare(y.a.code));
  const start = (query.page - 1) * SEARCH_PAGE_SIZE;
  return {
    items: found.slice(start, start + SEARCH_PAGE_SIZE).map(({ t, a }) => ({
      code: a.code,
      nameTh: a.nameTh,
      nameEn: a.nameEn,
      type: a.type,
      provinceCode: a.provinceCode,
      total: t.total,
      ratingCode: t.ratingCode,
    })),
    page: query.page,
    pageSize: SEARCH_PAGE_SIZE,
    total: found.length,
  };
}

/** The public page of one agency (by its code) in the published year. */
export async function agencyPage(deps: Deps, seen: PublishedYear, code: string): Promise<AgencyPage> {
  const id = (await agencyIdsByCodes(deps.db, [code])).get(code);
  const result = id ? await publishedResultOf(deps, seen.publication.runId, id) : null;
  if (!id || !result) throw agencyNotPublished();
  const checkpoint = seen.checkpoint;
  const [agencies, history] = await Promise.all([publicAgencies(deps, [id]), publishedHistory(deps, id)]);
  const agency = agencies.get(id);
  if (!agency) throw agencyNotPublished();
  const year = seen.publication.year;
  const report = reportOf(
    seen,
    result,
    agency,
    id,
    history.filter((h) => h.year < year),
  );
  const page = presentAgencyPage(report, agency, seen.publication, checkpoint, LICENCE);
  // Later years too: the page of an older year still shows the whole line.
  const later = history
    .filter((h) => h.year > year)
    .map((h) => ({ year: h.year, total: h.total, rating: h.rating }));
  return { ...page, history: [...page.history, ...later] };
}

/** The agency report of a published result (results' presentReport), as the agency itself reads it. */
export function reportOf(
  seen: PublishedYear,
  result: AgencyResultRow,
  agency: PublicAgency,
  agencyId: string,
  history: Parameters<typeof presentReport>[0]['history'],
) {
  return presentReport({
    agency: {
      id: agencyId,
      code: agency.code,
      nameTh: agency.nameTh,
      nameEn: agency.nameEn,
      provinceCode: agency.province?.code ?? null,
      type: agency.type.code as AgencyType,
    },
    year: seen.publication.year,
    framework: seen.framework,
    frameworkVersion: seen.frameworkVersion,
    result,
    basis: 'published',
    publication: {
      id: seen.publication.id,
      publishAt: seen.publication.publishAt.toISOString(),
      reason: seen.publication.reason,
    },
    history,
  });
}

/** Every agency's public page of the published year (no history: the open-data rows need none). */
export async function agencyPagesOfYear(deps: Deps, seen: PublishedYear): Promise<AgencyPage[]> {
  const results = await publishedResults(deps, seen.publication.runId);
  const agencies = await publicAgencies(
    deps,
    results.map((r) => r.agencyId),
  );
  return results.flatMap((result) => {
    const agency = agencies.get(result.agencyId);
    if (!agency) return [];
    const report = reportOf(seen, result, agency, result.agencyId, []);
    return [presentAgencyPage(report, agency, seen.publication, null, LICENCE)];
  });
}
