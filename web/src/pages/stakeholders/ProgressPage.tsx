// Progress of every agency in scope (admins, supervisors, assessors), for the year of the current cycle.
import { Text } from '@mantine/core';
import { useDashboard } from '../../api/agencies.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatFiscalYear } from '../../lib/format.ts';
import { ScopeProgressTable } from './ScopeProgressTable.tsx';

export default function ProgressPage() {
  const { lang, t } = useLang();
  const dashboard = useDashboard();
  const year = dashboard.data?.year ?? null;
  return (
    <>
      <PageHeader
        title={t('stakeholders.progress.title')}
        description={`${t('stakeholders.progress.intro')}${year ? ` · ${formatFiscalYear(year, lang)}` : ''}`}
      />
      {dashboard.isPending && <Loading />}
      <ErrorAlert error={dashboard.error} />
      {dashboard.data && year === null && <Text c="dimmed">{t('stakeholders.progress.noYear')}</Text>}
      {year !== null && <ScopeProgressTable year={year} />}
    </>
  );
}
