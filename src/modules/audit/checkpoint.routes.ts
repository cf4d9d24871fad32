import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicKeyPem } from '../../core/audit/index.ts';
import { presentAuditTrail, presentKey } from './checkpoint.present.ts';
import {
  ZCheckpoint,
  ZCheckpointList,
  ZCheckpointListQuery,
  ZTrailVerification,
} from './checkpoint.schema.ts';
import { listCheckpoints, requestCheckpoint, verifyTrailFor } from './checkpoint.service.ts';

const tags = ['audit'];

export const checkpointRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit/verify',
    {
      schema: {
        tags,
        summary:
          'Verify the audit log against its signed checkpoints and say what is missing or rewritten (admin)',
        description:
          'Recomputes the hash chain and holds it against every stored checkpoint, each checked with the ' +
          'public keys the server trusts. Checkpoints kept outside (e-mails) are checked with ' +
          '`prongsai audit verify --checkpoints <file>`.',
        security: [{ session: [] }],
        response: { 200: ZTrailVerification },
      },
    },
    async (req) => presentAuditTrail(await verifyTrailFor(app.deps, req.actor)),
  );

  app.get(
    '/audit/checkpoints',
    {
      schema: {
        tags,
        summary:
          'Signed checkpoints of the audit log, newest first, and the public keys that verify them (admin)',
        security: [{ session: [] }],
        querystring: ZCheckpointListQuery,
        response: { 200: ZCheckpointList },
      },
    },
    async (req) => {
      const { items, keys } = await listCheckpoints(app.deps, req.actor, req.query.limit);
      return { items, keys: keys.map((k) => ({ ...presentKey(k), publicKeyPem: publicKeyPem(k) })) };
    },
  );

  app.post(
    '/audit/checkpoints',
    {
      schema: {
        tags,
        summary: 'Take a signed checkpoint now and e-mail it to every NACC admin (admin)',
        description: 'Refused (409) when the log fails verification: a tampered chain is never signed.',
        security: [{ session: [] }],
        response: { 201: ZCheckpoint },
      },
    },
    async (req, reply) => reply.code(201).send(await requestCheckpoint(app.deps, req.actor)),
  );
};
