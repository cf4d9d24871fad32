import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { confirmExecutive, declineExecutive, listExecutivesAwaiting } from './executives.service.ts';
import { getAssignments, getScopes, replaceAssignments, replaceScopes } from './scopes.service.ts';
import {
  ZAssignments,
  ZAssignmentsQuery,
  ZAwaitingList,
  ZCreateUserBody,
  ZListUsersQuery,
  ZScopes,
  ZUpdateUserBody,
  ZUserIdParams,
  ZUserList,
  ZUserView,
  ZYearAssignments,
} from './users.schema.ts';
import { createUser, getUser, listUsers, updateUser } from './users.service.ts';

const tags = ['users'];

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'List users (admins: everyone; agency admins: their agency)',
        querystring: ZListUsersQuery,
        response: { 200: ZUserList },
      },
    },
    async (req) => listUsers(app.deps, req.actor, req.query),
  );

  app.get(
    '/users/awaiting-confirmation',
    {
      schema: {
        tags,
        summary:
          'Executive accounts awaiting confirmation (NACC: all; supervisors: their scope; agency admins: their agency)',
        response: { 200: ZAwaitingList },
      },
    },
    async (req) => listExecutivesAwaiting(app.deps, req.actor),
  );

  app.post(
    '/users/:id/confirm',
    {
      schema: {
        tags,
        summary:
          'Confirm a proposed executive (NACC or a supervisor of the agency); mails a set-password link',
        params: ZUserIdParams,
        response: { 200: ZUserView },
      },
    },
    async (req) => confirmExecutive(app.deps, req.actor, req.params.id, req.log),
  );

  app.post(
    '/users/:id/decline',
    {
      schema: {
        tags,
        summary:
          'Decline a proposed executive (NACC or a supervisor of the agency): the account is deactivated',
        params: ZUserIdParams,
        response: { 200: ZUserView },
      },
    },
    async (req) => declineExecutive(app.deps, req.actor, req.params.id),
  );

  app.get(
    '/users/:id',
    { schema: { tags, summary: 'One user', params: ZUserIdParams, response: { 200: ZUserView } } },
    async (req) => getUser(app.deps, req.actor, req.params.id),
  );

  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Create a user (agency admins: admins and executives of their agency)',
        body: ZCreateUserBody,
        response: { 201: ZUserView },
      },
    },
    async (req, reply) => reply.status(201).send(await createUser(app.deps, req.actor, req.body)),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Change a user; deactivating ends their sessions',
        params: ZUserIdParams,
        body: ZUpdateUserBody,
        response: { 200: ZUserView },
      },
    },
    async (req) => updateUser(app.deps, req.actor, req.params.id, req.body),
  );

  app.get(
    '/users/:id/scopes',
    {
      schema: {
        tags,
        summary: "A supervisor's scope",
        params: ZUserIdParams,
        response: { 200: ZScopes },
      },
    },
    async (req) => getScopes(app.deps, req.actor, req.params.id),
  );

  app.put(
    '/users/:id/scopes',
    {
      schema: {
        tags,
        summary: "Replace a supervisor's scope (admins)",
        params: ZUserIdParams,
        body: ZScopes,
        response: { 200: ZScopes },
      },
    },
    async (req) => replaceScopes(app.deps, req.actor, req.params.id, req.body),
  );

  app.get(
    '/users/:id/assignments',
    {
      schema: {
        tags,
        summary: "An assessor's assigned agencies by fiscal year",
        params: ZUserIdParams,
        querystring: ZAssignmentsQuery,
        response: { 200: ZAssignments },
      },
    },
    async (req) => getAssignments(app.deps, req.actor, req.params.id, req.query.year),
  );

  app.put(
    '/users/:id/assignments',
    {
      schema: {
        tags,
        summary: "Replace an assessor's agencies for one fiscal year (admins)",
        params: ZUserIdParams,
        body: ZYearAssignments,
        response: { 200: ZYearAssignments },
      },
    },
    async (req) => replaceAssignments(app.deps, req.actor, req.params.id, req.body),
  );
};
