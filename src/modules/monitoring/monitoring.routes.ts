// Monitoring the cycle (issue 11 §2): the progress matrix over the actor's scope, NACC's roll-up, their XLSX
// downloads (streamed) and the home page's to-do list. Each route makes one service call.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendPrebuiltJson } from '../../app/prebuilt.ts';
import { sendXlsx } from '../../app/xlsx-stream.ts';
import {
  ZMatrix,
  ZMatrixQuery,
  ZRollup,
  ZRollupQuery,
  ZTodo,
  ZTodoQuery,
  ZWaiting,
  ZWaitingParams,
  ZWaitingQuery,
  ZYearParams,
} from './monitoring.schema.ts';
import {
  progressMatrixAnswer,
  progressMatrixXlsx,
  progressRollup,
  progressRollupXlsx,
} from './monitoring.service.ts';
import { todoList } from './todo.service.ts';
import { WAITING_MAX, workWaiting } from './waiting.service.ts';

const tags = ['monitoring'];
const who =
  'NACC admins, supervisors and assessors; every list holds only the agencies in your scope (a supervisor’s ' +
  'provinces, ministries and agencies; an assessor’s assigned agencies).';
const rules =
  'Per stage: state, the deadline for the agency (extensions applied) and the days left in Asia/Bangkok; ' +
  '"behind" counts only the work the agency itself must do (EIT part 2, OIT scoring and confirmation are the ' +
  'assessors’ work).';

export const monitoringRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/monitoring/:year/agencies',
    {
      schema: {
        tags,
        summary:
          'The progress matrix: every agency in your scope through the year’s stages, sortable and filterable',
        description: `${who} ${rules}`,
        security: [{ session: [] }],
        params: ZYearParams,
        querystring: ZMatrixQuery,
        response: { 200: ZMatrix },
      },
    },
    // The answer is bytes already (JSON and gzip), checked against ZMatrix when it was made and shared
    // between requests of the same scope and query for a few seconds.
    async (req, reply) =>
      sendPrebuiltJson(
        req,
        reply,
        await progressMatrixAnswer(app.deps, req.actor, req.params.year, req.query),
      ) as never,
  );

  app.get(
    '/monitoring/:year/agencies.xlsx',
    {
      schema: {
        tags,
        summary:
          'The whole progress matrix (filters and sort as the list) as XLSX: Thai headers, Buddhist-Era dates',
        description: who,
        security: [{ session: [] }],
        params: ZYearParams,
        querystring: ZMatrixQuery.omit({ page: true, pageSize: true }),
        response: { 200: z.any().describe('XLSX workbook, streamed') },
      },
    },
    async (req, reply) =>
      sendXlsx(reply, await progressMatrixXlsx(app.deps, req.actor, req.params.year, req.query)),
  );

  app.get(
    '/monitoring/:year/rollup',
    {
      schema: {
        tags,
        summary: 'Progress rolled up by ministry, agency type or province (national for NACC admins)',
        description: `${who} Each group counts its agencies by what is done; drill down with the matrix filters.`,
        security: [{ session: [] }],
        params: ZYearParams,
        querystring: ZRollupQuery,
        response: { 200: ZRollup },
      },
    },
    async (req) => progressRollup(app.deps, req.actor, req.params.year, req.query),
  );

  app.get(
    '/monitoring/:year/rollup.xlsx',
    {
      schema: {
        tags,
        summary: 'The roll-up as XLSX: Thai headers, Buddhist-Era date',
        description: who,
        security: [{ session: [] }],
        params: ZYearParams,
        querystring: ZRollupQuery,
        response: { 200: z.any().describe('XLSX workbook, streamed') },
      },
    },
    async (req, reply) =>
      sendXlsx(reply, await progressRollupXlsx(app.deps, req.actor, req.params.year, req.query)),
  );

  app.get(
    '/monitoring/todo',
    {
      schema: {
        tags,
        summary: 'Your to-do list for the year (the latest framework year by default), each item a link',
        description:
          'Executives: approvals waiting; agency admins: next steps and returned OIT items; assessors: OIT to ' +
          'score, clarifications to decide, results to confirm, interviews to collect and review; supervisors: ' +
          'the agencies furthest behind; NACC admins: agencies behind and stages overdue.',
        security: [{ session: [] }],
        querystring: ZTodoQuery,
        response: { 200: ZTodo },
      },
    },
    async (req) => todoList(app.deps, req.actor, req.query.year),
  );

  app.get(
    '/monitoring/waiting/:page',
    {
      schema: {
        tags,
        summary:
          'The agencies in your scope with work waiting on a page (quality, eit2, iit), most waiting first',
        description:
          'What an agency picker opens with: `quality` — flagged responses without a keep/exclude decision ' +
          '(NACC, assessors, supervisors); `eit2` — interviews to review, interviews still needed, a sample ' +
          'to draw (NACC, the assessors assigned for the year); `iit` — access never set up, responses short ' +
          'of the minimum while collection is open (NACC). The latest framework year unless `year` is given; ' +
          `at most ${WAITING_MAX} agencies, \`more\` counts the others.`,
        security: [{ session: [] }],
        params: ZWaitingParams,
        querystring: ZWaitingQuery,
        response: { 200: ZWaiting },
      },
    },
    async (req) => workWaiting(app.deps, req.actor, req.params.page, req.query.year),
  );
};
