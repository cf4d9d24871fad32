import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listAudit, ZAuditPage, ZAuditQuery } from '../audit/index.ts';
import { oitStatuses } from '../oit/index.ts';
import { auditReaders } from './audit-trail.readers.ts';

const readers = auditReaders(oitStatuses);

const tags = ['audit'];

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags,
        summary: 'History of changes, newest first, within the signed-in user’s scope',
        description:
          'Filter by entity (entityType, entityId), agency, action, who made the change (part of the ' +
          'username) and days (from/to, Bangkok time, both included); pages of pageSize. Each entry carries ' +
          "its agency's names. Admins see everything; supervisors, " +
          'assessors and agency users see the entries of agencies in their scope; entries not tied to an ' +
          'agency are for admins only.',
        security: [{ session: [] }],
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage },
      },
    },
    async (req) => listAudit(app.deps, req.actor, req.query, readers),
  );
};
