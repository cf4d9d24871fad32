// Routes. Pages load lazily so the first paint carries only the shell and the login page.
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { ensureFeatures } from './i18n/index.ts';
import { PublicLayout } from './layout/PublicLayout.tsx';
import { RequireAuth } from './layout/RequireAuth.tsx';
import { RouteError } from './pages/RouteError.tsx';

type PageModule = { default: React.ComponentType };
/**
 * A page of the app: its code, the feature strings of the language in use (i18n/index.ts) and every
 * component's styles (styles/full.ts).
 */
const page = (load: () => Promise<PageModule>): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => {
    const [module] = await Promise.all([load(), ensureFeatures(), import('./styles/full.ts')]);
    return { Component: module.default };
  },
});
/** A sign-in page: the core strings and main.tsx's styles are enough for it (the first visit's weight). */
const signInPage = (load: () => Promise<PageModule>): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => ({ Component: (await load()).default }),
});

export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: '/login', ...signInPage(() => import('./pages/auth/LoginPage.tsx')) },
          { path: '/forgot-password', ...signInPage(() => import('./pages/auth/ForgotPasswordPage.tsx')) },
          { path: '/reset-password', ...signInPage(() => import('./pages/auth/ResetPasswordPage.tsx')) },
        ],
      },
      // The public results site (issue 11 §1): no login, nothing of the signed-in app loaded.
      {
        path: '/public',
        ...page(() => import('./pages/public/PublicSiteLayout.tsx')),
        children: [
          { index: true, ...page(() => import('./pages/public/OverviewPage.tsx')) },
          { path: 'open-data', ...page(() => import('./pages/public/OpenDataPage.tsx')) },
          { path: ':year', ...page(() => import('./pages/public/OverviewPage.tsx')) },
          { path: ':year/search', ...page(() => import('./pages/public/SearchPage.tsx')) },
          { path: ':year/agencies/:code', ...page(() => import('./pages/public/AgencyPage.tsx')) },
          { path: ':year/provinces/:code', ...page(() => import('./pages/public/ProvincePage.tsx')) },
          { path: '*', ...page(() => import('./pages/NotFoundPage.tsx')) },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          // The lessons-learned report for the meeting prints without the app's frame.
          { path: 'lessons/:year/print', ...page(() => import('./pages/lessons/LessonsPrintPage.tsx')) },
          {
            // The staff app's shell loads with its first page, not with the sign-in pages.
            lazy: async () => ({ Component: (await import('./layout/AppLayout.tsx')).AppLayout }),
            children: [
              { index: true, ...page(() => import('./pages/home/HomePage.tsx')) },
              { path: 'agencies', ...page(() => import('./pages/agencies/AgencyListPage.tsx')) },
              { path: 'agencies/:id', ...page(() => import('./pages/agencies/AgencyDetailPage.tsx')) },
              {
                path: 'agencies/:id/stakeholders',
                ...page(() => import('./pages/stakeholders/StakeholdersPage.tsx')),
              },
              {
                path: 'agencies/:id/results/:year',
                ...page(() => import('./pages/results/report/AgencyReportPage.tsx')),
              },
              {
                path: 'agencies/:id/measures/:year',
                ...page(() => import('./pages/measures/MeasuresPage.tsx')),
              },
              { path: 'measures', ...page(() => import('./pages/measures/MeasuresRedirectPage.tsx')) },
              {
                path: 'measures/overview',
                ...page(() => import('./pages/measures/MeasuresOverviewPage.tsx')),
              },
              {
                path: 'agencies/:id/advice/:year',
                ...page(() => import('./pages/results/advice/AdviceEditorPage.tsx')),
              },
              {
                path: 'agencies/:id/oit/:year',
                ...page(() => import('./pages/oit/agency/AgencyOitPage.tsx')),
              },
              { path: 'oit', ...page(() => import('./pages/oit/agency/OitRedirectPage.tsx')) },
              { path: 'results', ...page(() => import('./pages/results/report/ReportRedirectPage.tsx')) },
              { path: 'progress', ...page(() => import('./pages/stakeholders/ProgressPage.tsx')) },
              { path: 'monitoring', ...page(() => import('./pages/monitoring/MonitoringPage.tsx')) },
              { path: 'monitoring/:year', ...page(() => import('./pages/monitoring/MonitoringPage.tsx')) },
              { path: 'users', ...page(() => import('./pages/users/UserListPage.tsx')) },
              {
                path: 'executives/awaiting',
                ...page(() => import('./pages/users/ExecutivesAwaitingPage.tsx')),
              },
              { path: 'quality', ...page(() => import('./pages/quality/QualityPage.tsx')) },
              { path: 'plans', ...page(() => import('./pages/plans/PlansPage.tsx')) },
              { path: 'plans/:year', ...page(() => import('./pages/plans/PlansPage.tsx')) },
              { path: 'cycles', ...page(() => import('./pages/cycles/CyclesPage.tsx')) },
              { path: 'cycles/:year', ...page(() => import('./pages/cycles/CyclesPage.tsx')) },
              { path: 'interviews', ...page(() => import('./pages/interviews/InterviewsPage.tsx')) },
              { path: 'oit/queue', ...page(() => import('./pages/oit/assess/QueuePage.tsx')) },
              {
                path: 'oit/assignments',
                ...page(() => import('./pages/oit/assignments/AssignmentsPage.tsx')),
              },
              {
                path: 'agencies/:id/oit/:year/assess',
                ...page(() => import('./pages/oit/assess/AssessmentPage.tsx')),
              },
              { path: 'otp-usage', ...page(() => import('./pages/otp-admin/OtpUsagePage.tsx')) },
              { path: 'audit', ...page(() => import('./pages/audit/AuditLogPage.tsx')) },
              { path: 'notices', ...page(() => import('./pages/notices/NoticesPage.tsx')) },
              { path: 'iit-access', ...page(() => import('./pages/iit-access/IitAccessPage.tsx')) },
              { path: 'account/password', ...page(() => import('./pages/account/ChangePasswordPage.tsx')) },
              { path: 'frameworks', ...page(() => import('./pages/frameworks/FrameworksPage.tsx')) },
              { path: 'frameworks/score', ...page(() => import('./pages/frameworks/ScorePage.tsx')) },
              { path: 'frameworks/import', ...page(() => import('./pages/frameworks/ImportPage.tsx')) },
              {
                path: 'frameworks/drafts/:id',
                ...page(() => import('./pages/frameworks/authoring/DraftPage.tsx')),
              },
              { path: 'processing', ...page(() => import('./pages/results/ProcessingPage.tsx')) },
              { path: 'lessons', ...page(() => import('./pages/lessons/LessonsRedirectPage.tsx')) },
              { path: 'lessons/:year', ...page(() => import('./pages/lessons/LessonsPage.tsx')) },
              { path: 'processing/:year', ...page(() => import('./pages/results/ProcessingPage.tsx')) },
              // Publishing is the last step of the processing screen (issue 10); the old address leads there.
              { path: 'results/publications', element: <Navigate to="/processing" replace /> },
              {
                path: 'past-results/import',
                ...page(() => import('./pages/past-results/PastResultsImportPage.tsx')),
              },
              { path: 'frameworks/:year', ...page(() => import('./pages/frameworks/FrameworksPage.tsx')) },
              {
                path: 'frameworks/:year/compare',
                ...page(() => import('./pages/frameworks/ComparePage.tsx')),
              },
              { path: '*', ...page(() => import('./pages/NotFoundPage.tsx')) },
            ],
          },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
