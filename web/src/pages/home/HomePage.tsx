// Home page by role, from GET /api/dashboard, with the role's to-do list (GET /api/monitoring/todo) first.
import { Box } from '@mantine/core';
import { useDashboard } from '../../api/agencies.ts';
import { useUser } from '../../api/auth.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatFiscalYear } from '../../lib/format.ts';
import { AdminHome } from './AdminHome.tsx';
import { AgencyHome } from './AgencyHome.tsx';
import { ScopedHome } from './ScopedHome.tsx';
import { TodoList } from './TodoList.tsx';

export default function HomePage() {
  const { lang, t } = useLang();
  const user = useUser();
  const dashboard = useDashboard();
  const data = dashboard.data;
  return (
    <>
      <PageHeader
        title={t(`home.title.${user.role}`)}
        description={
          <>
            {t('home.welcome', { name: user.displayName })}
            {data?.year ? ` · ${formatFiscalYear(data.year, lang)}` : ''}
          </>
        }
      />
      {data && (
        <Box mb="lg">
          <TodoList year={data.year} />
        </Box>
      )}
      <QueryState query={dashboard}>
        {(data) =>
          data.kind === 'admin' ? (
            <AdminHome dashboard={data} />
          ) : data.kind === 'scoped' ? (
            <ScopedHome dashboard={data} />
          ) : (
            <AgencyHome dashboard={data} />
          )
        }
      </QueryState>
    </>
  );
}
