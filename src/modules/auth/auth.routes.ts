import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { unauthenticated } from '../../core/errors.ts';
import { users } from '../../db/schema/index.ts';
import { ZLoginBody, ZMe } from './auth.schema.ts';
import { signIn } from './auth.service.ts';

async function presentMe(req: FastifyRequest, reply: FastifyReply) {
  const actor = req.actor;
  if (!actor) throw unauthenticated();
  const [user] = await req.server.deps.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw unauthenticated();
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: actor.role,
      agencyId: actor.agencyId,
      scope: actor.scope,
      assignedAgencies: actor.assignedAgencies,
    },
    csrfToken: reply.generateCsrf(),
  };
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/login',
    {
      config: { csrf: false, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in (sets the session cookie)',
        body: ZLoginBody,
        response: { 200: ZMe },
      },
    },
    async (req, reply) => {
      const user = await signIn(app.deps, req.body.username, req.body.password);
      // A new session id on sign-in prevents session fixation.
      await req.session.regenerate();
      req.session.set('userId', user.id);
      req.session.set('passwordChangedAt', user.passwordChangedAt.toISOString());
      req.actor = await req.server.resolveActor(user.id);
      return presentMe(req, reply);
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } } },
    async (req, reply) => {
      await req.session.destroy();
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, their scope and a CSRF token',
        response: { 200: ZMe },
      },
    },
    async (req, reply) => presentMe(req, reply),
  );
};
