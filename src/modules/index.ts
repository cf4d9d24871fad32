// Every module's API routes, registered under /api by src/app/build.ts: the staff API (sessions, CSRF, the
// signed-in actor) and the public respondent API (no session: a grant in the body is the permission).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { agencyRoutes, dashboardRoutes, participationRoutes } from './agencies/index.ts';
import { auditRoutes, checkpointRoutes } from './audit/index.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { calendarRoutes } from './calendar/calendar.routes.ts';
import { evidenceRoutes } from './evidence/index.ts';
import { frameworksRoutes } from './frameworks/index.ts';
import { iitAccessRoutes } from './iit-access/index.ts';
import { interviewRoutes } from './interviews/index.ts';
import { oitRoutes } from './oit/index.ts';
import { oitAssessmentRoutes } from './oit-assessment/index.ts';
import { otpRespondentRoutes, otpUsageRoutes } from './otp/index.ts';
import { qualityRoutes } from './quality/index.ts';
import { referenceRoutes } from './reference/index.ts';
import { respondRoutes } from './respond/index.ts';
import { stakeholderRoutes } from './stakeholders/index.ts';
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
  checkpointRoutes,
  calendarRoutes,
  stakeholderRoutes,
  qualityRoutes,
  otpUsageRoutes,
  interviewRoutes,
  iitAccessRoutes,
  evidenceRoutes,
  oitRoutes,
  oitAssessmentRoutes,
];

export const publicApiModules: FastifyPluginAsyncZod[] = [respondRoutes, otpRespondentRoutes];
