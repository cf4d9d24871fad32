// The agency side of OIT: the checklist, answers, delegation, submission, the executive's approval or
// return, readiness and an item's history. Each route makes one service call.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAgencyYearParams } from '../agencies/index.ts';
import { ZRefetchResult } from '../evidence/index.ts';
import { approveAnswers, returnItems, submitForApproval } from './approval.service.ts';
import { getChecklist, refetchItemEvidence, saveAnswer, setAssignee } from './checklist.service.ts';
import {
  ZAssigneeBody,
  ZChecklist,
  ZItemHistory,
  ZItemParams,
  ZReadiness,
  ZReturnBody,
  ZSaveAnswerBody,
} from './oit.schema.ts';
import { getItemHistory, getReadiness } from './readiness.service.ts';

const tags = ['oit'];
const security = [{ session: [] }];
const itemKey = (p: { id: string; year: number; code: string }) => ({
  agencyId: p.id,
  year: p.year,
  itemCode: p.code,
});

export const oitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/agencies/:id/oit/:year',
    {
      schema: {
        tags,
        security,
        summary:
          'The OIT checklist: review status, the oit_answering window, items by indicator and sub-indicator with answers, URL warnings, latest evidence, progress, and what the viewer may do',
        params: ZAgencyYearParams,
        response: { 200: ZChecklist },
      },
    },
    async (req) => getChecklist(app.deps, req.actor, req.params.id, req.params.year),
  );

  app.put(
    '/agencies/:id/oit/:year/items/:code',
    {
      schema: {
        tags,
        security,
        summary:
          'Save an item’s answer as a draft (agency admin; staff on items delegated to them; while oit_answering is open; idempotent)',
        params: ZItemParams,
        body: ZSaveAnswerBody,
        response: { 200: ZChecklist },
      },
    },
    async (req) => saveAnswer(app.deps, req.actor, itemKey(req.params), req.body),
  );

  app.put(
    '/agencies/:id/oit/:year/items/:code/assignee',
    {
      schema: {
        tags,
        security,
        summary: 'Delegate an item to a staff account of the agency, or take it back (agency admin)',
        params: ZItemParams,
        body: ZAssigneeBody,
        response: { 200: ZChecklist },
      },
    },
    async (req) => setAssignee(app.deps, req.actor, itemKey(req.params), req.body),
  );

  app.post(
    '/agencies/:id/oit/:year/submit',
    {
      schema: {
        tags,
        security,
        summary:
          'Submit every answered draft or returned item for the executive’s approval (agency admin); 409 oit_unanswered lists the items still unanswered',
        params: ZAgencyYearParams,
        response: { 200: ZChecklist },
      },
    },
    async (req) => submitForApproval(app.deps, req.actor, req.params.id, req.params.year),
  );

  app.post(
    '/agencies/:id/oit/:year/approve',
    {
      schema: {
        tags,
        security,
        summary:
          'Approve every submitted item (executive); the answers lock and their URLs are snapshotted as the original evidence',
        params: ZAgencyYearParams,
        response: { 200: ZChecklist },
      },
    },
    async (req) => approveAnswers(app.deps, req.actor, req.params.id, req.params.year),
  );

  app.post(
    '/agencies/:id/oit/:year/return',
    {
      schema: {
        tags,
        security,
        summary:
          'Return submitted or approved items with a comment each (executive); they become editable again',
        params: ZAgencyYearParams,
        body: ZReturnBody,
        response: { 200: ZChecklist },
      },
    },
    async (req) => returnItems(app.deps, req.actor, req.params.id, req.params.year, req.body),
  );

  app.get(
    '/agencies/:id/oit/:year/readiness',
    {
      schema: {
        tags,
        security,
        summary:
          'Readiness: items answered, approved and with reachable evidence, per sub-indicator, and the OIT score if every "has" item with reachable evidence passed',
        params: ZAgencyYearParams,
        response: { 200: ZReadiness },
      },
    },
    async (req) => getReadiness(app.deps, req.actor, req.params.id, req.params.year),
  );

  app.get(
    '/agencies/:id/oit/:year/items/:code/history',
    {
      schema: {
        tags,
        security,
        summary:
          'The item’s history from the audit log (answer, score and clarification entries), newest first',
        params: ZItemParams,
        response: { 200: ZItemHistory },
      },
    },
    async (req) => getItemHistory(app.deps, req.actor, itemKey(req.params)),
  );

  app.post(
    '/agencies/:id/oit/:year/items/:code/evidence/refetch',
    {
      schema: {
        tags: ['evidence'],
        summary: 'Check the item’s URLs again now (a URL with a check already waiting is not queued twice)',
        security,
        params: ZItemParams,
        response: { 200: ZRefetchResult },
      },
    },
    async (req) => refetchItemEvidence(app.deps, req.actor, itemKey(req.params)),
  );
};
