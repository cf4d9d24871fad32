// The cycle of a fiscal year (/cycles/:year; /cycles opens the current year): participation, the stage dates
// with where each stands (the server's answer), extensions for many agencies, closing the year. NACC admins
// act; supervisors and assessors read what concerns their scope. The server decides every permission.
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Navigate, Link as RouterLink, useParams } from 'react-router';
import { useDashboard } from '../../api/agencies.ts';
import { useCycleCalendar } from '../../api/cycles.ts';
import { useCan } from '../../auth/permissions.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FrameworkCalendar } from '../../components/FrameworkCalendar.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLang } from '../../i18n/index.ts';
import { cycleStagesView } from '../../lib/calendar.ts';
import { formatDate, formatFiscalYear } from '../../lib/format.ts';
import { ClosureStatus, CycleClosure } from './CycleClosure.tsx';
import { CycleExtensions } from './CycleExtensions.tsx';
import { CycleParticipation } from './CycleParticipation.tsx';

export default function CyclesPage() {
  const params = useParams();
  const dashboard = useDashboard();
  if (params.year) return <CycleYear year={Number(params.year)} />;
  if (dashboard.isPending) return <Loading />;
  const year = dashboard.data?.year ?? null;
  return year === null ? <ErrorAlert error={dashboard.error} /> : <Navigate to={`/cycles/${year}`} replace />;
}

function CycleYear({ year }: { year: number }) {
  const { lang, t } = useLang();
  const can = useCan();
  const query = useCycleCalendar(year);
  const cycle = query.data;
  const title = t('cycles.title', { year: formatFiscalYear(year, lang) });
  const canOpen = can('cycle.open', null);
  const canExtend = can('calendar.extendMany', null);
  const canClose = can('cycle.close', null);

  return (
    <>
      <PageHeader
        title={title}
        description={t('cycles.description')}
        actions={
          <Group gap="sm">
            <Anchor component={RouterLink} to={`/cycles/${year - 1}`} size="sm">
              {t('cycles.previousYear')}
            </Anchor>
            <Anchor component={RouterLink} to={`/cycles/${year + 1}`} size="sm">
              {t('cycles.nextYear')}
            </Anchor>
          </Group>
        }
      />
      {query.isPending ? (
        <Loading />
      ) : !cycle ? (
        <ErrorAlert error={query.error} />
      ) : (
        <Stack gap="lg">
          <Group gap="sm">
            <Badge color={cycle.closure ? 'gray' : 'green'} variant="light" data-testid="cycle-status">
              {cycle.closure ? t('cycles.status.closed') : t('cycles.status.open')}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('cycles.today', { date: formatDate(cycle.today, lang) })}
            </Text>
          </Group>
          <ClosureStatus cycle={cycle} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <CycleParticipation year={year} canOpen={canOpen && !cycle.closure && cycle.frameworkLoaded} />
            <Paper withBorder p="md" component="section" aria-labelledby="cycle-stages">
              <Stack gap="sm">
                <Title order={2} size="h4" id="cycle-stages">
                  {t('cycles.stages.title')}
                </Title>
                {cycle.frameworkLoaded ? (
                  <>
                    <Text size="sm" c="dimmed">
                      {t('cycles.stages.hint')}
                    </Text>
                    <FrameworkCalendar stages={cycleStagesView(cycle).stages} />
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('cycles.noFramework')}
                  </Text>
                )}
              </Stack>
            </Paper>
          </SimpleGrid>
          <CycleExtensions cycle={cycle} canExtend={canExtend} />
          {canClose && <CycleClosure cycle={cycle} />}
        </Stack>
      )}
    </>
  );
}
