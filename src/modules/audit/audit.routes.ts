import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAuditPage, ZAuditQuery, ZChainVerification } from './audit.schema.ts';
import { listAudit, verifyAuditLog } from './audit.service.ts';

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

  app.get(
    '/audit/verify',
    {
      schema: {
        tags,
        summary: 'Recompute the audit log’s hash chain and report the first broken entry (admin)',
        security: [{ session: [] }],
        response: { 200: ZChainVerification },
      },
    },
    async (req) => verifyAuditLog(app.deps, req.actor),
  );
};
