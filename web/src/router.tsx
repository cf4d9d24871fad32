// Routes. Pages load lazily so the first paint carries only the shell and the login page.
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AppLayout } from './layout/AppLayout.tsx';
import { PublicLayout } from './layout/PublicLayout.tsx';
import { RequireAuth } from './layout/RequireAuth.tsx';
import { RouteError } from './pages/RouteError.tsx';

type PageModule = { default: React.ComponentType };
const page = (load: () => Promise<PageModule>): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => ({ Component: (await load()).default }),
});

export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: '/login', ...page(() => import('./pages/auth/LoginPage.tsx')) },
          { path: '/forgot-password', ...page(() => import('./pages/auth/ForgotPasswordPage.tsx')) },
          { path: '/reset-password', ...page(() => import('./pages/auth/ResetPasswordPage.tsx')) },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
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
              { path: 'iit-access', ...page(() => import('./pages/iit-access/IitAccessPage.tsx')) },
              { path: 'account/password', ...page(() => import('./pages/account/ChangePasswordPage.tsx')) },
              { path: 'frameworks', ...page(() => import('./pages/frameworks/FrameworksPage.tsx')) },
              { path: 'frameworks/score', ...page(() => import('./pages/frameworks/ScorePage.tsx')) },
              { path: 'frameworks/import', ...page(() => import('./pages/frameworks/ImportPage.tsx')) },
              { path: 'processing', ...page(() => import('./pages/results/ProcessingPage.tsx')) },
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
