// Framework authoring (NACC admins): drafts copied from a year's framework, edited, published as a version.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkpointAudit } from '../audit/index.ts';
import {
  ZCreateDraftBody,
  ZDraft,
  ZDraftHead,
  ZDraftParams,
  ZPublishDraftBody,
  ZPublished,
  ZSaveDraftBody,
} from './drafts.schema.ts';
import {
  createDraft,
  discardDraft,
  getDraft,
  listDrafts,
  publishDraft,
  saveDraft,
} from './drafts.service.ts';

const tags = ['frameworks'];
const security = [{ session: [] }];

export const frameworkDraftsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/framework-drafts',
    {
      schema: {
        tags,
        summary: 'Framework drafts, newest first: open, published and discarded (NACC admin)',
        security,
        response: { 200: z.array(ZDraftHead) },
      },
    },
    async (req) => listDrafts(app.deps, req.actor),
  );

  app.post(
    '/framework-drafts',
    {
      schema: {
        tags,
        summary: "Start a year's framework as a draft copied from a year's framework in force (NACC admin)",
        description:
          'Another year: the name, the calendar moved by the years between, and a crosswalk pairing equal codes. ' +
          'One open draft per year (409 `draft_exists`, its id in `details`).',
        security,
        body: ZCreateDraftBody,
        response: { 201: ZDraft },
      },
    },
    async (req, reply) => reply.status(201).send(await createDraft(app.deps, req.actor, req.body)),
  );

  app.get(
    '/framework-drafts/:id',
    {
      schema: {
        tags,
        summary: 'A draft with every problem its definition has ({ path, th, en }) (NACC admin)',
        security,
        params: ZDraftParams,
        response: { 200: ZDraft },
      },
    },
    async (req) => getDraft(app.deps, req.actor, req.params.id),
  );

  app.put(
    '/framework-drafts/:id',
    {
      schema: {
        tags,
        summary: "Save a draft's definition (NACC admin; audited); answered with its problems",
        description:
          'A `revision` other than the stored one is 409 `draft_changed`; a published draft is 409 `draft_closed`.',
        security,
        params: ZDraftParams,
        body: ZSaveDraftBody,
        response: { 200: ZDraft },
      },
    },
    async (req) => saveDraft(app.deps, req.actor, req.params.id, req.body),
  );

  app.post(
    '/framework-drafts/:id/publish',
    {
      schema: {
        tags,
        summary: "Publish a valid draft as the year's next framework version (NACC admin; audited)",
        description: 'Every problem is listed in `error.details.problems` as { path, th, en }.',
        security,
        params: ZDraftParams,
        body: ZPublishDraftBody,
        response: { 201: ZPublished },
      },
    },
    async (req, reply) => {
      const published = await publishDraft(app.deps, req.actor, req.params.id, req.body.revision);
      // New official texts are a moment to pin the audit trail outside the database.
      await checkpointAudit(app.deps, 'framework.publish', req.log);
      return reply.status(201).send(published);
    },
  );

  app.delete(
    '/framework-drafts/:id',
    {
      schema: {
        tags,
        summary: 'Discard an open draft (NACC admin; audited)',
        security,
        params: ZDraftParams,
        response: { 200: ZDraftHead },
      },
    },
    async (req) => discardDraft(app.deps, req.actor, req.params.id),
  );
};
