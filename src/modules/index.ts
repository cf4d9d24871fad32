// Every module's API routes, registered under /api by src/app/build.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { agencyRoutes, dashboardRoutes, participationRoutes } from './agencies/index.ts';
import { auditRoutes } from './audit/index.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { frameworksRoutes } from './frameworks/index.ts';
import { qualityRoutes } from './quality/index.ts';
import { referenceRoutes } from './reference/index.ts';
import { usersRoutes } from './users/index.ts';

export const apiModules: FastifyPluginAsyncZod[] = [
  authRoutes,
  frameworksRoutes,
  referenceRoutes,
  agencyRoutes,
  participationRoutes,
  dashboardRoutes,
  usersRoutes,
  auditRoutes,
  qualityRoutes,
];
