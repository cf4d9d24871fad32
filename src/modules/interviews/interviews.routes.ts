// EIT part 2 routes: the sample, the interviewer's entries and the supervising assessor's review.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAgencyYearParams } from '../agencies/index.ts';
import {
  ZDrawBody,
  ZEnterInterviewBody,
  ZInterview,
  ZInterviewIdParams,
  ZInterviewList,
  ZInterviewListQuery,
  ZQuestionnaire,
  ZRejectBody,
  ZSampleVerification,
  ZSampleView,
} from './interviews.schema.ts';
import {
  approveInterview,
  enterInterview,
  interviewQuestionnaire,
  listInterviews,
  rejectInterview,
} from './interviews.service.ts';
import { drawAgencySample, verifySample, viewSample } from './sample.service.ts';

const tags = ['eit2'];
const security = [{ session: [] }];

export const interviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/agencies/:id/eit2/:year/sample',
    {
      schema: {
        tags,
        security,
        summary: 'Draw the EIT part-2 sample from the contact list (assigned assessor or admin; once a year)',
        params: ZAgencyYearParams,
        body: ZDrawBody,
        response: { 200: ZSampleView },
      },
    },
    async (req) => drawAgencySample(app.deps, req.actor, req.params.id, req.params.year, req.body),
  );

  app.get(
    '/agencies/:id/eit2/:year/sample',
    {
      schema: {
        tags,
        security,
        summary: 'The sample with contact details, each contact’s status and the released reserves',
        params: ZAgencyYearParams,
        response: { 200: ZSampleView },
      },
    },
    async (req) => viewSample(app.deps, req.actor, req.params.id, req.params.year),
  );

  app.get(
    '/agencies/:id/eit2/:year/sample/verify',
    {
      schema: {
        tags,
        security,
        summary: 'Re-draw from the recorded seed and the current contact list, and compare',
        params: ZAgencyYearParams,
        response: { 200: ZSampleVerification },
      },
    },
    async (req) => verifySample(app.deps, req.actor, req.params.id, req.params.year),
  );

  app.get(
    '/interviews/:id/:year/questionnaire',
    {
      schema: {
        tags,
        security,
        summary: 'The EIT part-2 questionnaire for the agency :id (for the interviewer)',
        // `:id` (the agency), not `:agencyId`: it shares a path position with /interviews/:id/approve.
        params: ZAgencyYearParams,
        response: { 200: ZQuestionnaire },
      },
    },
    async (req) => interviewQuestionnaire(app.deps, req.actor, req.params.id, req.params.year),
  );

  app.post(
    '/agencies/:id/eit2/:year/interviews',
    {
      schema: {
        tags,
        security,
        summary: 'Enter an interview: the call outcome, paradata and (when completed) the answers',
        params: ZAgencyYearParams,
        body: ZEnterInterviewBody,
        response: { 200: ZInterview },
      },
    },
    async (req) => enterInterview(app.deps, req.actor, req.params.id, req.params.year, req.body),
  );

  app.get(
    '/agencies/:id/eit2/:year/interviews',
    {
      schema: {
        tags,
        security,
        summary: 'Interviews of the agency-year, optionally by status (the approval queue: status=entered)',
        params: ZAgencyYearParams,
        querystring: ZInterviewListQuery,
        response: { 200: ZInterviewList },
      },
    },
    async (req) => ({
      items: await listInterviews(app.deps, req.actor, req.params.id, req.params.year, req.query.status),
    }),
  );

  app.post(
    '/interviews/:id/approve',
    {
      schema: {
        tags,
        security,
        summary: 'Approve an interview (another assigned assessor than the interviewer, or admin)',
        params: ZInterviewIdParams,
        response: { 200: ZInterview },
      },
    },
    async (req) => approveInterview(app.deps, req.actor, req.params.id),
  );

  app.post(
    '/interviews/:id/reject',
    {
      schema: {
        tags,
        security,
        summary:
          'Reject an interview with a reason (another assigned assessor than the interviewer, or admin)',
        params: ZInterviewIdParams,
        body: ZRejectBody,
        response: { 200: ZInterview },
      },
    },
    async (req) => rejectInterview(app.deps, req.actor, req.params.id, req.body.reason),
  );
};
