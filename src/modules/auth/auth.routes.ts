import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAfterResponse } from '../../app/background.ts';
import { PASSWORD_RESET_TTL_MINUTES } from '../../shared/limits.ts';
import {
  ZChangePasswordBody,
  ZLoginBody,
  ZMe,
  ZMessage,
  ZResetConfirmBody,
  ZResetRequestBody,
} from './auth.schema.ts';
import { changePassword, currentUser, signIn } from './auth.service.ts';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.service.ts';
import { dummyHash } from './passwords.ts';

/** Per client IP. Sign-in also locks an account after repeated failures (auth.service.ts). */
export const LOGIN_RATE_LIMIT = { max: 20, timeWindow: '1 minute' };
export const PASSWORD_CHANGE_RATE_LIMIT = { max: 10, timeWindow: '1 minute' };
export const RESET_REQUEST_RATE_LIMIT = { max: 5, timeWindow: '15 minutes' };
export const RESET_CONFIRM_RATE_LIMIT = { max: 20, timeWindow: '15 minutes' };

async function presentMe(req: FastifyRequest, reply: FastifyReply) {
  const { user, actor } = await currentUser(req.server.deps, req.actor);
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
  // Made now, not on the first refused sign-in, whose answer it would otherwise slow down.
  await dummyHash();
  app.post(
    '/auth/login',
    {
      config: { csrf: false, rateLimit: LOGIN_RATE_LIMIT },
      schema: {
        tags: ['auth'],
        summary: 'Sign in (sets the session cookie)',
        body: ZLoginBody,
        response: { 200: ZMe },
      },
    },
    async (req, reply) => {
      const user = await signIn(app.deps, req.body.username, req.body.password, req.log);
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

  app.post(
    '/auth/password',
    {
      config: { rateLimit: PASSWORD_CHANGE_RATE_LIMIT },
      schema: {
        tags: ['auth'],
        summary: 'Change my password (ends my other sessions)',
        body: ZChangePasswordBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const { passwordChangedAt } = await changePassword(
        app.deps,
        req.actor,
        req.body,
        req.session.sessionId,
      );
      // This session stays valid: it now carries the new timestamp that every request is checked against.
      req.session.set('passwordChangedAt', passwordChangedAt.toISOString());
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/password-reset/request',
    {
      // Not signed in, so there is no session to hold a CSRF secret.
      config: { csrf: false, rateLimit: RESET_REQUEST_RATE_LIMIT },
      schema: {
        tags: ['auth'],
        summary: 'Mail a password-reset link (same answer whether or not the account exists)',
        body: ZResetRequestBody,
        response: { 202: ZMessage },
      },
    },
    async (req, reply) => {
      // Answered before the account is even looked up: the time to answer must not depend on it.
      reply.status(202).send({
        message: {
          th: `หากบัญชีนี้มีอีเมลในระบบ เราได้ส่งลิงก์ตั้งรหัสผ่านใหม่ให้แล้ว ลิงก์ใช้ได้ ${PASSWORD_RESET_TTL_MINUTES} นาที`,
          en: `If this account has an e-mail address, a reset link has been sent; it is valid for ${PASSWORD_RESET_TTL_MINUTES} minutes`,
        },
      });
      const { usernameOrEmail } = req.body;
      runAfterResponse(req.log, 'password reset request', () =>
        requestPasswordReset(app.deps, usernameOrEmail, req.log),
      );
      return reply;
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      config: { csrf: false, rateLimit: RESET_CONFIRM_RATE_LIMIT },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with a reset token (ends every session of the user)',
        body: ZResetConfirmBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await confirmPasswordReset(app.deps, req.body);
      return reply.status(204).send(null);
    },
  );
};
