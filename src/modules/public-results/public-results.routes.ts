// Public results and open data (issue 11 §1): no login, registered in the public API scope (no cookies,
// session or CSRF), rate-limited per address like the respondent reads, cached (ETag, Cache-Control, 304).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DATASETS,
  type DatasetName,
  DICTIONARY,
  datasetCsv,
  datasetJson,
  datasetRows,
  FORMATS,
  type Format,
} from './open-data.ts';
import { cacheHeaders, notModifiedReply } from './public-results.cache.ts';
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
  agencyPage,
  agencyPagesOfYear,
  listYears,
  overview,
  publishedYear,
  searchAgencies,
} from './public-results.service.ts';

const tags = ['public-results'];
/** Per address, as the respondent reads (respond.limits.ts READ_RATE_LIMIT). */
export const PUBLIC_READ_RATE_LIMIT = { max: 300, timeWindow: '1 minute' } as const;
/** The dictionary's ETag basis: change it whenever DATASETS or the licence change. */
const DICTIONARY_VERSION = 'dictionary-1';

export const publicResultsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const config = { rateLimit: PUBLIC_READ_RATE_LIMIT };

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
      const { etagKey, ...body } = await listYears(deps);
      if (cacheHeaders(req, reply, `years|${etagKey}`)) return notModifiedReply(reply);
      return body;
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
      const seen = await publishedYear(deps, req.params.year);
      if (cacheHeaders(req, reply, seen.etagBasis)) return notModifiedReply(reply);
      return overview(deps, req.params.year, seen);
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
      const seen = await publishedYear(deps, req.params.year);
      if (cacheHeaders(req, reply, seen.etagBasis)) return notModifiedReply(reply);
      return searchAgencies(deps, seen, req.query);
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
      const seen = await publishedYear(deps, req.params.year);
      if (cacheHeaders(req, reply, seen.etagBasis)) return notModifiedReply(reply);
      return agencyPage(deps, seen, req.params.code);
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
      if (cacheHeaders(req, reply, DICTIONARY_VERSION)) return notModifiedReply(reply);
      return DICTIONARY;
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
        const seen = await publishedYear(deps, req.params.year);
        if (cacheHeaders(req, reply, seen.etagBasis)) return notModifiedReply(reply);
        const rows = datasetRows(name, await agencyPagesOfYear(deps, seen));
        const file = `ita-${req.params.year}-${name}.${format}`;
        reply.header('content-disposition', `attachment; filename="${file}"`);
        if (format === 'json') return datasetJson(name, seen, rows);
        return reply.type('text/csv; charset=utf-8').send(datasetCsv(name, rows));
      },
    );
  }
};
