// OIT routes of the assessor side: bulk assignments, the queue, the assessment of an agency, item
// scores, submitting, clarifications and decisions, confirmation and reopening.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAgencyYearParams } from '../agencies/index.ts';
import { checkpointAudit } from '../audit/index.ts';
import {
  ZAssessment,
  ZAssessmentItemParams,
  ZBulkAssignBody,
  ZBulkAssignResult,
  ZClarificationBody,
  ZDecisionBody,
  ZItemResult,
  ZQueue,
  ZQueueQuery,
  ZReopenBody,
  ZReviewResult,
  ZScoreBody,
} from './assessment.schema.ts';
import { scoreItem, submitAssessment } from './assessment.service.ts';
import { getAssessment } from './assessment.view.ts';
import { bulkAssign } from './assignments.service.ts';
import { decideOnClarification, fileClarification } from './clarifications.service.ts';
import { ZYearParams } from './oit.schema.ts';
import { oitQueue } from './queue.service.ts';
import { confirmResult, reopenResult } from './review.service.ts';

const tags = ['oit-assessment'];
const security = [{ session: [] }];
const item = (p: { id: string; year: number; code: string }) => ({
  agencyId: p.id,
  year: p.year,
  code: p.code,
});

export const oitAssessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/assignments/:year/bulk',
    {
      schema: {
        tags,
        security,
        summary: 'Assign many agencies taking part in the year to an assessor (admins); adds, never removes',
        description:
          'By `filter` (province, type, ministry; combined with AND) or an explicit `agencyIds` list. An ' +
          'explicit list naming an agency that does not take part in the year is refused (409) and nothing ' +
          'changes. One audit entry (assessor_assignment, action bulk_assign) with the lists.',
        params: ZYearParams,
        body: ZBulkAssignBody,
        response: { 200: ZBulkAssignResult },
      },
    },
    async (req) => bulkAssign(app.deps, req.actor, req.params.year, req.body),
  );

  app.get(
    '/oit/queue/:year',
    {
      schema: {
        tags,
        security,
        summary: 'The OIT queue: agencies with status, counts, current stage and deadline',
        description:
          'Assessors see the agencies assigned to them for the year; admins every participating one.',
        params: ZYearParams,
        querystring: ZQueueQuery,
        response: { 200: ZQueue },
      },
    },
    async (req) => oitQueue(app.deps, req.actor, req.params.year, req.query),
  );

  app.get(
    '/agencies/:id/oit/:year/assessment',
    {
      schema: {
        tags,
        security,
        summary: 'An agency’s OIT assessment: answers, original and latest evidence, scores, clarifications',
        description:
          'Readable by anyone with the agency in scope. Scores, advice, clarifications and the OIT score are ' +
          'hidden (null, `scoresVisible: false`) from the agency and supervisors until the assessment is ' +
          'submitted.',
        params: ZAgencyYearParams,
        response: { 200: ZAssessment },
      },
    },
    async (req) => getAssessment(app.deps, req.actor, req.params.id, req.params.year),
  );

  app.put(
    '/agencies/:id/oit/:year/items/:code/score',
    {
      schema: {
        tags,
        security,
        summary: 'Score an item 0 or 100 against its components (assigned assessor; scoring stage); audited',
        description:
          '100 needs every component ticked; 0 needs advice. Only approved items not yet confirmed.',
        params: ZAssessmentItemParams,
        body: ZScoreBody,
        response: { 200: ZItemResult },
      },
    },
    async (req) => scoreItem(app.deps, req.actor, item(req.params), req.body),
  );

  app.post(
    '/agencies/:id/oit/:year/assessment/submit',
    {
      schema: {
        tags,
        security,
        summary: 'Submit the agency’s assessment: every approved item scored → assessed; audited',
        params: ZAgencyYearParams,
        response: { 200: ZReviewResult },
      },
    },
    async (req) => submitAssessment(app.deps, req.actor, req.params.id, req.params.year),
  );

  app.post(
    '/agencies/:id/oit/:year/items/:code/clarification',
    {
      schema: {
        tags,
        security,
        summary: 'File a clarification of an item scored 0 (agency admin; clarification stage; one per item)',
        params: ZAssessmentItemParams,
        body: ZClarificationBody,
        response: { 200: ZItemResult },
      },
    },
    async (req) => fileClarification(app.deps, req.actor, item(req.params), req.body),
  );

  app.post(
    '/agencies/:id/oit/:year/items/:code/clarification/decision',
    {
      schema: {
        tags,
        security,
        summary: 'Accept (the item scores 100) or reject (with a reason) a clarification; confirmation stage',
        params: ZAssessmentItemParams,
        body: ZDecisionBody,
        response: { 200: ZItemResult },
      },
    },
    async (req) => decideOnClarification(app.deps, req.actor, item(req.params), req.body),
  );

  app.post(
    '/agencies/:id/oit/:year/confirm',
    {
      schema: {
        tags,
        security,
        summary: 'Confirm the agency’s OIT result (every clarification decided); locks it until reopened',
        params: ZAgencyYearParams,
        response: { 200: ZReviewResult },
      },
    },
    async (req) => {
      const result = await confirmResult(app.deps, req.actor, req.params.id, req.params.year);
      // A confirmed OIT score is a result: the audit trail is pinned outside the database right after it.
      await checkpointAudit(app.deps, 'oit.confirm', req.log);
      return result;
    },
  );

  app.post(
    '/agencies/:id/oit/:year/reopen',
    {
      schema: {
        tags,
        security,
        summary: 'Reopen a confirmed OIT result (NACC admins, with a reason); recorded',
        params: ZAgencyYearParams,
        body: ZReopenBody,
        response: { 200: ZReviewResult },
      },
    },
    async (req) => {
      const result = await reopenResult(app.deps, req.actor, req.params.id, req.params.year, req.body);
      await checkpointAudit(app.deps, 'oit.reopen', req.log);
      return result;
    },
  );
};
