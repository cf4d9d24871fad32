// Public results (issue 11 §1): no actor — everything here is what anyone may read once a year's publication
// is in effect (results' publishedRunOf: 404 `results_not_published` before, whatever the route). Never
// individual responses: only the stored per-agency results of the published run, with the disclosure rule.
import type { AppDeps } from '../../app/context.ts';
import { notFound } from '../../core/errors.ts';
import type { Framework } from '../../core/framework/schema.ts';
import { AGENCY_TYPE_LABELS } from '../../shared/agency-type-labels.ts';
import type { AgencyType } from '../../shared/agency-types.ts';
import { agencyIdsByCodes, agencyProfilesByIds } from '../agencies/index.ts';
import { checkpointOfEntity } from '../audit/index.ts';
import { ministriesByCodes, provincesByCodes, REGION_LABELS } from '../reference/index.ts';
import {
  type AgencyResultRow,
  type PublicPublication,
  presentReport,
  publishedHistory,
  publishedResultOf,
  publishedResults,
  publishedRunOf,
  publishedTotals,
  publishedYears,
  ratingOf,
} from '../results/index.ts';
import { buildOpenDataFiles, type OpenDataFile } from './open-data.ts';
import type { Memo } from './public-results.memo.ts';
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
  SearchItem,
  SearchQuery,
  SearchResult,
} from './public-results.schema.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

export const SEARCH_PAGE_SIZE = 20;

export const agencyNotPublished = () =>
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

/**
 * The publication in effect of the year before (null when none): the overview compares with it, so its
 * answer and ETag depend on it too (a correction of last year changes this year's overview).
 */
export async function previousPublication(deps: Deps, year: number): Promise<PublicPublication | null> {
  const before = await publishedRunOf(deps, year - 1).catch(() => null);
  return before?.publication ?? null;
}

/** What the overview's answer depends on: this year's publication and checkpoint, and last year's publication. */
export const overviewBasis = (seen: PublishedYear, previous: PublicPublication | null) =>
  `${seen.etagBasis}|previous:${previous?.id ?? 'none'}`;

/** The national overview (the routes keep its answer per publication: public-results.answers.ts). */
export async function overview(
  deps: Deps,
  seen: PublishedYear,
  before: PublicPublication | null,
): Promise<Overview> {
  const { publication, framework, frameworkVersion } = seen;
  const year = publication.year;
  const totals = await publishedTotals(deps, publication.runId);
  const checkpoint = seen.checkpoint;
  const [agencies, previous] = await Promise.all([
    publicAgencies(
      deps,
      totals.map((t) => t.agencyId),
    ),
    previousYear(deps, before),
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

async function previousYear(deps: Deps, before: PublicPublication | null): Promise<Overview['previous']> {
  if (!before) return null;
  const totals = await publishedTotals(deps, before.runId);
  return { year: before.year, agencies: totals.length, mean: meanOf(totals.map((t) => t.total)) };
}

type IndexRow = SearchItem & { haystack: string; ministryCode: string | null; regionCode: string | null };

/** Every agency of the publication with its words, by code: built once per publication. */
function searchIndex(deps: Deps, memo: Memo, seen: PublishedYear): Promise<IndexRow[]> {
  return memo.get(`index|${seen.publication.id}`, async () => {
    const totals = await publishedTotals(deps, seen.publication.runId);
    const agencies = await publicAgencies(
      deps,
      totals.map((t) => t.agencyId),
    );
    return totals
      .flatMap((t): IndexRow[] => {
        const a = agencies.get(t.agencyId);
        if (!a) return [];
        return [
          {
            code: a.code,
            nameTh: a.nameTh,
            nameEn: a.nameEn,
            type: a.type.code,
            typeName: { th: a.type.th, en: a.type.en },
            provinceCode: a.province?.code ?? null,
            province: a.province ? { code: a.province.code, th: a.province.th, en: a.province.en } : null,
            total: t.total,
            ratingCode: t.ratingCode,
            rating: ratingOf(seen.framework, t.ratingCode),
            passes: t.passes,
            haystack: [a.code, a.nameTh, a.nameEn ?? ''].join('\n').toLocaleLowerCase('th'),
            ministryCode: a.ministry?.code ?? null,
            regionCode: a.province?.region.code ?? null,
          },
        ];
      })
      .sort((x, y) => x.code.localeCompare(y.code));
  });
}

/**
 * Agencies of the published year whose name or code contains `q` (any case), within a province, region,
 * ministry or agency type when asked, by code, a page at a time.
 */
export async function searchAgencies(
  deps: Deps,
  memo: Memo,
  seen: PublishedYear,
  query: SearchQuery,
): Promise<SearchResult> {
  const index = await searchIndex(deps, memo, seen);
  const needle = query.q?.toLocaleLowerCase('th') ?? '';
  const found = index.filter(
    (r) =>
      (needle === '' || r.haystack.includes(needle)) &&
      (query.province === undefined || r.provinceCode === query.province) &&
      (query.region === undefined || r.regionCode === query.region) &&
      (query.ministry === undefined || r.ministryCode === query.ministry) &&
      (query.type === undefined || r.type === query.type),
  );
  const start = (query.page - 1) * SEARCH_PAGE_SIZE;
  return {
    items: found
      .slice(start, start + SEARCH_PAGE_SIZE)
      .map(({ haystack: _, ministryCode: __, regionCode: ___, ...item }) => item),
    page: query.page,
    pageSize: SEARCH_PAGE_SIZE,
    total: found.length,
  };
}

/**
 * The public page of one agency (by its code) in the published year, with its line over the years, or null
 * when the publication holds no result of the agency (the routes keep the answer, null too, per publication,
 * checkpoint and the years' publications in effect).
 */
export async function agencyPage(deps: Deps, seen: PublishedYear, code: string): Promise<AgencyPage | null> {
  const built = await buildAgencyPage(deps, seen, code);
  if (!built) return null;
  const { id, page } = built;
  const year = seen.publication.year;
  const history = (await publishedHistory(deps, id)).filter((h) => h.year !== year);
  const line = (h: (typeof history)[number]) => ({ year: h.year, total: h.total, rating: h.rating });
  return {
    ...page,
    history: [
      ...history.filter((h) => h.year < year).map(line),
      { year, total: page.total, rating: page.rating },
      ...history.filter((h) => h.year > year).map(line),
    ],
  };
}

/** The page without its history, or null when the publication holds no result of the agency. */
async function buildAgencyPage(deps: Deps, seen: PublishedYear, code: string) {
  const id = (await agencyIdsByCodes(deps.db, [code])).get(code);
  const result = id ? await publishedResultOf(deps, seen.publication.runId, id) : null;
  if (!id || !result) return null;
  const agency = (await publicAgencies(deps, [id])).get(id);
  if (!agency) return null;
  const report = reportOf(seen, result, agency, id, []);
  return { id, page: presentAgencyPage(report, agency, seen.publication, seen.checkpoint, LICENCE) };
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

/** The open-data files of the publication in effect, built once per publication (the checkpoint is not in them). */
export function openDataFiles(
  deps: Deps,
  memo: Memo,
  seen: PublishedYear,
): Promise<Map<string, OpenDataFile>> {
  return memo.get(
    `files|${seen.publication.id}`,
    async () => buildOpenDataFiles(seen, await agencyPagesOfYear(deps, seen)),
    (files) => [...files.values()].reduce((a, f) => a + f.gzip.length, 0),
  );
}
