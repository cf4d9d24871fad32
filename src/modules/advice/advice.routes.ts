// The assessors' advice on an agency's IIT and EIT and their overall comment (issue 10 §3).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAgencyYearParams } from '../agencies/index.ts';
import { ZAdvice, ZAdviceBody } from './advice.schema.ts';
import { getAdvice, putAdvice } from './advice.service.ts';

const tags = ['advice'];
const who =
  'NACC admins and the assessors assigned to the agency for the year. Agencies and supervisors read the ' +
  'advice in the published report (GET …/results/:year/report), as the processing run snapshotted it.';

export const adviceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/agencies/:id/advice/:year',
    {
      schema: {
        tags,
        summary: 'The assessors’ advice on the agency’s IIT and EIT and their overall comment',
        description: `${who} Also lists the questions each survey may cite (codes as ITAS shows them).`,
        security: [{ session: [] }],
        params: ZAgencyYearParams,
        response: { 200: ZAdvice },
      },
    },
    async (req) => getAdvice(app.deps, req.actor, req.params.id, req.params.year),
  );

  app.put(
    '/agencies/:id/advice/:year',
    {
      schema: {
        tags,
        summary: 'Replace the assessors’ advice of the agency-year (the whole list and the overall comment)',
        description:
          `${who} Every cited question must be asked of the agency by that survey in the year’s framework ` +
          '(400 `advice_question_unknown`, with the lines in `details`). With `version`, a save over a newer ' +
          'one answers 409 `advice_changed`. Audited. A processing run reads the advice as it stands then.',
        security: [{ session: [] }],
        params: ZAgencyYearParams,
        body: ZAdviceBody,
        response: { 200: ZAdvice },
      },
    },
    async (req) => putAdvice(app.deps, req.actor, req.params.id, req.params.year, req.body),
  );
};
