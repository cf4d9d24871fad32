import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAuditPage, ZAuditQuery } from './audit.schema.ts';
import { listAudit } from './audit.service.ts';

const tags = ['audit'];

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags,
        summary: 'History of changes, newest first, within the signed-in user’s scope',
        description:
          'Filter by entity (entityType, entityId) and agency. Admins see everything; supervisors, ' +
          'assessors and agency users see the entries of agencies in their scope; entries not tied to an ' +
          'agency are for admins only.',
        security: [{ session: [] }],
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage },
      },
    },
    async (req) => listAudit(app.deps, req.actor, req.query),
  );
};
