// Processing runs (NACC admin): queue a run or preview (202, processed in the background), list and follow
// them, and compare two finished runs.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZChangesQuery,
  ZRun,
  ZRunBody,
  ZRunChanges,
  ZRunList,
  ZRunParams,
  ZYearParams,
} from './results.schema.ts';
import { createRun, getRun, listRuns, runChanges } from './results.service.ts';

const tags = ['results'];

export const resultsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/results/:year/runs',
    {
      schema: {
        tags,
        summary: 'Queue a processing run or a preview of the year (admin); processed in the background',
        description:
          'Answers 202 with the queued run; follow it with GET …/runs/:id. One queued or running run per ' +
          'year, across every instance: a second request answers 409 `run_in_progress`. A run covers all ' +
          'agencies; a preview (dry run) all, a province or one agency, and is never publishable.',
        security: [{ session: [] }],
        params: ZYearParams,
        body: ZRunBody,
        response: { 202: ZRun },
      },
    },
    async (req, reply) =>
      reply.status(202).send(await createRun(app.deps, req.actor, req.params.year, req.body)),
  );

  app.get(
    '/results/:year/runs',
    {
      schema: {
        tags,
        summary: 'Processing runs and previews of the year, newest first, with status and progress (admin)',
        security: [{ session: [] }],
        params: ZYearParams,
        response: { 200: ZRunList },
      },
    },
    async (req) => listRuns(app.deps, req.actor, req.params.year),
  );

  app.get(
    '/results/:year/runs/:id',
    {
      schema: {
        tags,
        summary: 'One processing run: status, progress, framework version, inputs hash (admin)',
        security: [{ session: [] }],
        params: ZRunParams,
        response: { 200: ZRun },
      },
    },
    async (req) => getRun(app.deps, req.actor, req.params.year, req.params.id),
  );

  app.get(
    '/results/:year/runs/:id/changes',
    {
      schema: {
        tags,
        summary: 'Agencies whose total or rating differs from another finished run of the year (admin)',
        security: [{ session: [] }],
        params: ZRunParams,
        querystring: ZChangesQuery,
        response: { 200: ZRunChanges },
      },
    },
    async (req) => runChanges(app.deps, req.actor, req.params.year, req.params.id, req.query.against),
  );
};
