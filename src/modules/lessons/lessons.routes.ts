// Lessons learned after publication (issue 11 §4): the figures of a scope, its XLSX, its target.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx } from '../../app/xlsx-stream.ts';
import { ZLessons, ZLessonsQuery, ZScopeList, ZTarget, ZTargetBody, ZYearParams } from './lessons.schema.ts';
import { lessonsOf, lessonsScopes, lessonsXlsx, setTarget } from './lessons.service.ts';

const tags = ['lessons'];
const who =
  'NACC admins for the nation, any province or ministry; a supervisor for a province or ministry of its own ' +
  'scope. Only the year’s publication in effect counts (404 `results_not_published` before it takes effect, ' +
  'NACC included: an embargoed publication is not yet a result to learn from). Figures of an instrument ' +
  'under 5 responses (and those withheld with it) are never shown or counted.';

export const lessonsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/lessons/scopes',
    {
      schema: {
        tags,
        summary: 'The scopes the signed-in supervisor or NACC admin may read lessons learned for',
        security: [{ session: [] }],
        response: { 200: ZScopeList },
      },
    },
    async (req) => lessonsScopes(app.deps, req.actor),
  );

  app.get(
    '/lessons/:year',
    {
      schema: {
        tags,
        summary: 'Lessons learned over a scope: target, ratings against last year, heatmap, weakest items',
        description:
          `${who} Last year's figures of each agency follow the agency report's rule (that year's published ` +
          'run, else its imported past result).',
        security: [{ session: [] }],
        params: ZYearParams,
        querystring: ZLessonsQuery,
        response: { 200: ZLessons },
      },
    },
    async (req) => lessonsOf(app.deps, req.actor, req.params.year, req.query.scope),
  );

  app.get(
    '/lessons/:year/xlsx',
    {
      schema: {
        tags,
        summary:
          'Lessons learned as one streamed XLSX workbook: a sheet per table, Thai headers, Buddhist-Era dates',
        description: who,
        security: [{ session: [] }],
        params: ZYearParams,
        querystring: ZLessonsQuery,
        response: { 200: z.any().describe('XLSX workbook, streamed') },
      },
    },
    async (req, reply) =>
      sendXlsx(reply, await lessonsXlsx(app.deps, req.actor, req.params.year, req.query.scope)),
  );

  app.put(
    '/lessons/:year/target',
    {
      schema: {
        tags,
        summary: 'Set the target of a scope for the year: a score and the share of agencies to reach it',
        description:
          'The scope’s supervisor (a province or ministry of its scope) or a NACC admin; replaces the target ' +
          'set before. Audited (`lessons_target`, with the figures replaced).',
        security: [{ session: [] }],
        params: ZYearParams,
        body: ZTargetBody,
        response: { 200: ZTarget },
      },
    },
    async (req) => setTarget(app.deps, req.actor, req.params.year, req.body),
  );
};
