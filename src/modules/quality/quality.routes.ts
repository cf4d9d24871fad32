// Quality review routes: flags per agency and year, the assessor's decision on a response, breakdowns.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { QUALITY_BULK_MAX } from '../../shared/limits.ts';
import { ZAgencyYearParams } from '../agencies/index.ts';
import {
  ZBreakdown,
  ZBreakdownQuery,
  ZBulkReviewBody,
  ZBulkReviewResult,
  ZQualityReport,
  ZResponseParams,
  ZReview,
  ZReviewBody,
  ZReviewUndone,
} from './quality.schema.ts';
import {
  qualityReport,
  responseBreakdown,
  reviewResponse,
  reviewResponses,
  undoReview,
} from './quality.service.ts';

const tags = ['quality'];

export const qualityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/agencies/:id/quality/:year',
    {
      schema: {
        tags,
        summary: 'Response-quality flags of an agency’s year, with explanations and evidence',
        description:
          'Assessors assigned to the agency and admins see each flagged or reviewed response (opaque id, ' +
          'instrument, day, duration, flags, option positions, decision). Supervisors see agency-level ' +
          'flags and counts only (`detail: false`, `responses: null`).',
        security: [{ session: [] }],
        params: ZAgencyYearParams,
        response: { 200: ZQualityReport },
      },
    },
    async (req) => qualityReport(app.deps, req.actor, req.params.id, req.params.year),
  );

  app.put(
    '/responses/:id/review',
    {
      schema: {
        tags,
        summary: 'Keep or exclude a response (exclusion needs a reason); audited',
        description: 'Excluded responses count toward neither the minimum sample nor the score.',
        security: [{ session: [] }],
        params: ZResponseParams,
        body: ZReviewBody,
        response: { 200: ZReview },
      },
    },
    async (req) => reviewResponse(app.deps, req.actor, req.params.id, req.body),
  );

  app.post(
    '/agencies/:id/quality/:year/reviews',
    {
      schema: {
        tags,
        summary: 'Keep or exclude many responses of the agency-year at once, with one reason; each audited',
        description:
          'All or nothing: every response must be of this agency and year, at most ' +
          `${QUALITY_BULK_MAX}. Responses that already have this decision and reason are left as they are.`,
        security: [{ session: [] }],
        params: ZAgencyYearParams,
        body: ZBulkReviewBody,
        response: { 200: ZBulkReviewResult },
      },
    },
    async (req) => reviewResponses(app.deps, req.actor, req.params.id, req.params.year, req.body),
  );

  app.delete(
    '/responses/:id/review',
    {
      schema: {
        tags,
        summary: 'Withdraw the decision on a response (it counts again); audited',
        security: [{ session: [] }],
        params: ZResponseParams,
        response: { 200: ZReviewUndone },
      },
    },
    async (req) => undoReview(app.deps, req.actor, req.params.id),
  );

  app.get(
    '/agencies/:id/breakdown/:year',
    {
      schema: {
        tags,
        summary: 'Counted responses per day, channel or instrument; groups under 5 are hidden',
        description:
          'The same suppression for every viewer: groups smaller than five responses have their count ' +
          'removed, and when only one group is small a second one is hidden so it cannot be subtracted back.',
        security: [{ session: [] }],
        params: ZAgencyYearParams,
        querystring: ZBreakdownQuery,
        response: { 200: ZBreakdown },
      },
    },
    async (req) => responseBreakdown(app.deps, req.actor, req.params.id, req.params.year, req.query.by),
  );
};
