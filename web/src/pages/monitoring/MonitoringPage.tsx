// /monitoring/:year — the progress matrix over the signed-in supervisor's, assessor's or NACC admin's scope,
// and its roll-up by ministry, agency type or province (drill-down to the matrix). /monitoring opens the
// current year.
import { Tabs, Text } from '@mantine/core';
import { Navigate, useParams } from 'react-router';
import { useDashboard } from '../../api/agencies.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatFiscalYear } from '../../lib/format.ts';
import { useListParams } from '../../lib/list-params.ts';
import { MatrixTable } from './MatrixTable.tsx';
import { RollupTable } from './RollupTable.tsx';

export default function MonitoringPage() {
  const { lang, t } = useLang();
  const { year: param } = useParams();
  const list = useListParams();
  const dashboard = useDashboard();
  const year = Number(param);
  if (!param) {
    if (dashboard.isPending) return <Loading />;
    if (dashboard.data?.year) return <Navigate to={`/monitoring/${dashboard.data.year}`} replace />;
    return (
      <>
        <PageHeader title={t('monitoring.title')} />
        <ErrorAlert error={dashboard.error} />
        <Text c="dimmed">{t('monitoring.noYear')}</Text>
      </>
    );
  }
  const view = list.get('view') === 'rollup' ? 'rollup' : 'matrix';
  return (
    <>
      <PageHeader
        title={`${t('monitoring.title')} · ${formatFiscalYear(year, lang)}`}
        description={t('monitoring.intro')}
      />
      <Tabs
        value={view}
        onChange={(v) => list.update({ view: v === 'rollup' ? 'rollup' : '' })}
        keepMounted={false}
      >
        <Tabs.List mb="sm">
          <Tabs.Tab value="matrix">{t('monitoring.tabs.matrix')}</Tabs.Tab>
          <Tabs.Tab value="rollup">{t('monitoring.tabs.rollup')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="matrix">
          <MatrixTable year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="rollup">
          <RollupTable year={year} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
