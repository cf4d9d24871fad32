// Public results and open data (issue 11 §1): no login, registered in the public API scope (no cookies,
// session or CSRF), rate-limited per address like the respondent reads, cached (ETag, Cache-Control, 304).
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptsGzip } from '../../app/prebuilt.ts';
import { DATASETS, type DatasetName, DICTIONARY, FORMATS, type Format, fileName } from './open-data.ts';
import { sendPrebuilt } from './public-results.answers.ts';
import { cacheHeaders, notModifiedReply } from './public-results.cache.ts';
import { freshness } from './public-results.fresh.ts';
import { createMemo, type MemoOptions } from './public-results.memo.ts';
import {
  ZAgencyPage,
  ZAgencyPageParams,
  ZDictionary,
  ZOpenDataJson,
  ZOverview,
  ZPublishedYears,
  ZSearchQuery,
  ZSearchResult,
  ZYearParams,
} from './public-results.schema.ts';
import {
  agencyNotPublished,
  agencyPage,
  openDataFiles,
  overview,
  overviewBasis,
  searchAgencies,
} from './public-results.service.ts';

const tags = ['public-results'];
/**
 * Per address, as the respondent reads (respond.limits.ts READ_RATE_LIMIT); counted in this process and
 * shared with the other instances in batches (rate-limits/batched-counts.ts: a coarse flood guard, no
 * account or code behind it).
 */
export const PUBLIC_READ_RATE_LIMIT = { max: 300, timeWindow: 60_000 } as const;
/** The dictionary's ETag basis: change it whenever DATASETS or the licence change. */
const DICTIONARY_VERSION = 'dictionary-2';

export const publicResultsRoutes: FastifyPluginAsyncZod<{ memo?: Partial<MemoOptions> }> = async (
  app,
  opts,
) => {
  const deps = app.deps;
  const config = { batchedRateLimit: PUBLIC_READ_RATE_LIMIT };
  // Built once per publication (public-results.memo.ts): per app, so each server (and test app) has its own.
  const memo = createMemo(opts.memo);
  // Which publication is in effect, kept for a moment (config.publicResults.freshMs; public-results.fresh.ts).
  const fresh = freshness(deps, deps.config.publicResults.freshMs);

  app.get(
    '/public/results',
    {
      config,
      schema: {
        tags,
        summary: 'Public: the years with published results (the publication in effect of each)',
        response: { 200: ZPublishedYears },
      },
    },
    async (req, reply) => {
      const { etagKey, ...body } = fresh.now.years()?.value ?? (await fresh.years());
      return sendPrebuilt(req, reply, memo, {
        basis: `years|${etagKey}`,
        key: `years|${etagKey}`,
        schema: ZPublishedYears,
        build: async () => body,
      });
    },
  );

  app.get(
    '/public/results/:year',
    {
      config,
      schema: {
        tags,
        summary: 'Public: national overview of the year’s published results (404 before publication)',
        params: ZYearParams,
        response: { 200: ZOverview },
      },
    },
    async (req, reply) => {
      // What is held answers at once (most requests); else both are read together.
      const year = req.params.year;
      const [held, heldBefore] = [fresh.now.publishedYear(year), fresh.now.previousPublication(year)];
      const [seen, previous] =
        held && heldBefore
          ? [held.value, heldBefore.value]
          : await Promise.all([fresh.publishedYear(year), fresh.previousPublication(year)]);
      const basis = overviewBasis(seen, previous);
      return sendPrebuilt(req, reply, memo, {
        basis,
        key: `overview|${basis}`,
        schema: ZOverview,
        build: () => overview(deps, seen, previous),
      });
    },
  );

  app.get(
    '/public/results/:year/agencies',
    {
      config,
      schema: {
        tags,
        summary: 'Public: search the year’s published agencies by name or code (20 a page)',
        params: ZYearParams,
        querystring: ZSearchQuery,
        response: { 200: ZSearchResult },
      },
    },
    async (req, reply) => {
      const seen =
        fresh.now.publishedYear(req.params.year)?.value ?? (await fresh.publishedYear(req.params.year));
      // Kept per query as the client wrote it (the LRU bounds how many).
      return sendPrebuilt(req, reply, memo, {
        basis: seen.etagBasis,
        key: `search|${seen.etagBasis}|${req.url}`,
        schema: ZSearchResult,
        build: () => searchAgencies(deps, memo, seen, req.query),
      });
    },
  );

  app.get(
    '/public/results/:year/agencies/:code',
    {
      config,
      schema: {
        tags,
        summary:
          'Public: one agency’s published result (instruments with n and margin of error, indicators, OIT items, history); groups under 5 responses withheld',
        params: ZAgencyPageParams,
        response: { 200: ZAgencyPage },
      },
    },
    async (req, reply) => {
      // The page's line over the years depends on every year's publication in effect: so do its ETag and
      // the key of its answer.
      const year = req.params.year;
      const [held, heldYears] = [fresh.now.publishedYear(year), fresh.now.years()];
      const [seen, years] =
        held && heldYears
          ? [held.value, heldYears.value]
          : await Promise.all([fresh.publishedYear(year), fresh.years()]);
      const basis = `${seen.etagBasis}|years:${years.etagKey}`;
      return sendPrebuilt(req, reply, memo, {
        basis,
        key: `agency|${basis}|${req.params.code}`,
        schema: ZAgencyPage,
        build: () => agencyPage(deps, seen, req.params.code),
        missing: agencyNotPublished,
      });
    },
  );

  app.get(
    '/public/open-data/dictionary',
    {
      config,
      schema: {
        tags,
        summary: 'Public: the open-data dictionary (every column in Thai and English) and the licence',
        response: { 200: ZDictionary },
      },
    },
    async (req, reply) => {
      return sendPrebuilt(req, reply, memo, {
        basis: DICTIONARY_VERSION,
        key: DICTIONARY_VERSION,
        schema: ZDictionary,
        build: async () => DICTIONARY,
      });
    },
  );

  for (const dataset of DATASETS) for (const format of FORMATS) openDataRoute(dataset, format);

  function openDataRoute(dataset: (typeof DATASETS)[number], format: Format) {
    const name: DatasetName = dataset.name;
    app.get(
      `/public/open-data/:year/${name}.${format}`,
      {
        config,
        schema: {
          tags,
          summary: `Public open data: ${dataset.rows.en.toLowerCase()} of the published year, ${format.toUpperCase()} (CC BY 4.0)`,
          params: ZYearParams,
          ...(format === 'csv'
            ? {
                produces: ['text/csv'],
                response: {
                  200: z
                    .string()
                    .describe('UTF-8 CSV with a BOM; columns: see /api/public/open-data/dictionary'),
                },
              }
            : { response: { 200: ZOpenDataJson } }),
        },
      },
      async (req, reply) => {
        const seen = await fresh.publishedYear(req.params.year);
        // Sent gzip-compressed to those who take it (every browser and curl --compressed), else unpacked on
        // the way out; the two are different representations, so they have different ETags.
        const gz = acceptsGzip(req.headers['accept-encoding']);
        reply.header('vary', 'accept-encoding');
        if (cacheHeaders(req, reply, `${seen.etagBasis}|${gz ? 'gzip' : 'identity'}`))
          return notModifiedReply(reply);
        const file = (await openDataFiles(deps, memo, seen)).get(fileName(name, format));
        if (!file) throw new Error(`open data: no file ${fileName(name, format)}`);
        reply
          .header('content-disposition', `attachment; filename="ita-${req.params.year}-${name}.${format}"`)
          .type(file.contentType);
        if (gz) return reply.header('content-encoding', 'gzip').send(file.gzip as never);
        return reply.send(Readable.from([file.gzip]).pipe(createGunzip()) as never);
      },
    );
  }
};
