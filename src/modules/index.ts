// Every module's API routes, registered under /api by src/app/build.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authRoutes } from './auth/auth.routes.ts';
import { usersRoutes } from './users/index.ts';

export const apiModules: FastifyPluginAsyncZod[] = [authRoutes, usersRoutes];
