import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkpointAudit } from '../audit/index.ts';
import {
  ZCompare,
  ZFrameworkDetail,
  ZFrameworkSummary,
  ZImportBody,
  ZImportResult,
  ZMinSampleOutput,
  ZMinSampleQuery,
  ZScoreBody,
  ZScoreOutput,
  ZYearParams,
} from './frameworks.schema.ts';
import {
  compareFrameworks,
  exportFramework,
  frameworkForYear,
  importFramework,
  listFrameworks,
  minimumSampleForYear,
  scoreYear,
} from './frameworks.service.ts';

const tags = ['frameworks'];

export const frameworksRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/frameworks',
    {
      schema: {
        tags,
        summary: 'Every fiscal year with a framework: its version in force, origin and size (public)',
        response: { 200: z.array(ZFrameworkSummary) },
      },
    },
    async () => listFrameworks(db),
  );

  app.get(
    '/frameworks/:year',
    {
      schema: {
        tags,
        summary: "A year's framework in force, normalized (public: the methodology is public)",
        params: ZYearParams,
        response: { 200: ZFrameworkDetail },
      },
    },
    async (req) => frameworkForYear(db, req.params.year),
  );

  app.get(
    '/frameworks/:year/compare',
    {
      schema: {
        tags,
        summary: "A year's framework beside the previous year's, items matched by crosswalk or code (public)",
        params: ZYearParams,
        response: { 200: ZCompare },
      },
    },
    async (req) => compareFrameworks(db, req.params.year),
  );

  app.get(
    '/frameworks/:year/export',
    {
      schema: {
        tags,
        summary: "Download the year's framework in force exactly as stored (fy<year>.json, public)",
        params: ZYearParams,
      },
    },
    async (req, reply) => {
      const { year, definition } = await exportFramework(db, req.params.year);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="fy${year}.json"`)
        .send(`${JSON.stringify(definition, null, 2)}\n`);
    },
  );

  app.post(
    '/frameworks',
    {
      schema: {
        tags,
        summary: "Import a year's framework as its new version (admin)",
        description: 'Every problem is listed in `error.details.problems` as { path, th, en }.',
        security: [{ session: [] }],
        body: ZImportBody,
        response: { 201: ZImportResult },
      },
    },
    async (req, reply) => {
      const imported = await importFramework(app.deps, req.actor, req.body);
      // New official texts are a moment to pin the audit trail outside the database.
      await checkpointAudit(app.deps, 'framework.import', req.log);
      return reply.status(201).send(imported);
    },
  );

  app.post(
    '/frameworks/:year/score',
    {
      // A public calculator: no session, so no CSRF token to check, and it changes nothing.
      config: { csrf: false, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Calculator: indicator or instrument scores → instrument scores, total and rating (public)',
        params: ZYearParams,
        body: ZScoreBody,
        response: { 200: ZScoreOutput },
      },
    },
    async (req) => scoreYear(db, req.params.year, req.body),
  );

  app.get(
    '/frameworks/:year/min-sample',
    {
      schema: {
        tags,
        summary:
          "Minimum number of respondents for an instrument and population, by the year's rule (public)",
        params: ZYearParams,
        querystring: ZMinSampleQuery,
        response: { 200: ZMinSampleOutput },
      },
    },
    async (req) => minimumSampleForYear(db, req.params.year, req.query),
  );
};
