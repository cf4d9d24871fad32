// Public respondent API: no session, no CSRF token (nothing to forge: the grant is the permission),
// rate-limited per address.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { flushSubmissionTallies } from '../quality/index.ts';
import { ACCESS_RATE_LIMIT, READ_RATE_LIMIT, SUBMIT_RATE_LIMIT } from './respond.limits.ts';
import {
  ZAccessBody,
  ZAgencyParam,
  ZAgencySearchQuery,
  ZAgencySearchResult,
  ZGrantResult,
  ZRespondentPage,
  ZRespondParams,
  ZSubmitBody,
  ZSubmitResult,
} from './respond.schema.ts';
import { iitAccessGrant, respondentPage, searchAgencies, submitResponse } from './respond.service.ts';

const tags = ['respond'];

export const respondRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  // Burst counts noted in the last second reach the database before it closes.
  app.addHook('onClose', async () => flushSubmissionTallies(deps.db));

  app.get(
    '/respond/agencies',
    {
      config: { rateLimit: READ_RATE_LIMIT },
      schema: {
        tags,
        summary: 'Public: agencies registered in the cycle being collected (EIT entry search)',
        querystring: ZAgencySearchQuery,
        response: { 200: ZAgencySearchResult },
      },
    },
    async (req) => searchAgencies(deps, req.query),
  );

  app.get(
    '/respond/:agencyId/:instrument',
    {
      config: { rateLimit: READ_RATE_LIMIT },
      schema: {
        tags,
        summary: 'Public: the questionnaire, collection window and access needs of an agency’s survey',
        params: ZRespondParams,
        response: { 200: ZRespondentPage },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return respondentPage(deps, req.params.agencyId, req.params.instrument);
    },
  );

  app.post(
    '/respond/:agencyId/IIT/access',
    {
      config: { rateLimit: ACCESS_RATE_LIMIT },
      schema: {
        tags,
        summary: 'Public: exchange the IIT access code (and single-use token) for a short-lived grant',
        params: ZAgencyParam,
        body: ZAccessBody,
        response: { 200: ZGrantResult },
      },
    },
    async (req) => iitAccessGrant(deps, req.params.agencyId, req.body, req.ip),
  );

  app.post(
    '/respond/:agencyId/:instrument/submit',
    {
      config: { rateLimit: SUBMIT_RATE_LIMIT },
      schema: {
        tags,
        summary: 'Public: submit one response with a grant (idempotent on submissionId)',
        params: ZRespondParams,
        body: ZSubmitBody,
        response: { 200: ZSubmitResult },
      },
    },
    async (req) => submitResponse(deps, req.params.agencyId, req.params.instrument, req.body, req.ip),
  );
};
