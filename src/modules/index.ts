// Every module's API routes, registered under /api by src/app/build.ts: the staff API (sessions, CSRF, the
// signed-in actor) and the public respondent API (no session: a grant in the body is the permission).
// Routes are imported from each module's routes file, never through its index.ts: a module's index.ts is
// what other modules may use (domain functions and types), and importing routes through it would make
// every module load every other module's routes (an import cycle waiting to happen).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adviceRoutes } from './advice/advice.routes.ts';
import { agencyRoutes } from './agencies/agencies.routes.ts';
import { dashboardRoutes } from './agencies/dashboard.routes.ts';
import { participationRoutes } from './agencies/participations.routes.ts';
import { checkpointRoutes } from './audit/checkpoint.routes.ts';
import { auditRoutes } from './audit-trail/audit-trail.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { calendarRoutes } from './calendar/calendar.routes.ts';
import { cycleRoutes } from './calendar/cycles.routes.ts';
import { evidenceRoutes } from './evidence/evidence.routes.ts';
import { frameworkDraftsRoutes } from './frameworks/drafts.routes.ts';
import { frameworksRoutes } from './frameworks/frameworks.routes.ts';
import { iitAccessRoutes } from './iit-access/iit-access.routes.ts';
import { interviewRoutes } from './interviews/interviews.routes.ts';
import { lessonsRoutes } from './lessons/lessons.routes.ts';
import { publicMeasuresRoutes } from './measures/measures.public.routes.ts';
import { measuresRoutes } from './measures/measures.routes.ts';
import { microdataRoutes } from './microdata/microdata.routes.ts';
import { monitoringRoutes } from './monitoring/monitoring.routes.ts';
import { noticesRoutes } from './notices/notices.routes.ts';
import { oitAssessmentRoutes } from './oit/assessment.routes.ts';
import { oitRoutes } from './oit/oit.routes.ts';
import { otpRespondentRoutes, otpUsageRoutes } from './otp/otp.routes.ts';
import { pastResultsRoutes } from './past-results/past-results.routes.ts';
import { planRoutes } from './plans/plans.routes.ts';
import { publicResultsRoutes } from './public-results/public-results.routes.ts';
import { qualityRoutes } from './quality/quality.routes.ts';
import { referenceRoutes } from './reference/reference.routes.ts';
import { respondRoutes } from './respond/respond.routes.ts';
import { resultsRoutes } from './results/results.routes.ts';
import { stakeholderRoutes } from './stakeholders/stakeholders.routes.ts';
import { usersRoutes } from './users/users.routes.ts';

/** The demo agencies' websites (the evidence checker's targets), served only in demo mode. */
export { demoSitesRoutes } from './demo/demo.sites.ts';

export const apiModules: FastifyPluginAsyncZod[] = [
  authRoutes,
  frameworksRoutes,
  frameworkDraftsRoutes,
  referenceRoutes,
  agencyRoutes,
  participationRoutes,
  dashboardRoutes,
  usersRoutes,
  auditRoutes,
  checkpointRoutes,
  calendarRoutes,
  cycleRoutes,
  stakeholderRoutes,
  qualityRoutes,
  otpUsageRoutes,
  interviewRoutes,
  iitAccessRoutes,
  evidenceRoutes,
  oitRoutes,
  oitAssessmentRoutes,
  pastResultsRoutes,
  resultsRoutes,
  adviceRoutes,
  planRoutes,
  monitoringRoutes,
  lessonsRoutes,
  noticesRoutes,
  measuresRoutes,
  microdataRoutes,
];

export const publicApiModules: FastifyPluginAsyncZod[] = [
  respondRoutes,
  otpRespondentRoutes,
  publicResultsRoutes,
  publicMeasuresRoutes,
];
