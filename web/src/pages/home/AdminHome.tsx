import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link as RouterLink } from 'react-router';
import type { Dashboard } from '../../api/agencies.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { StatCard } from '../../components/StatCard.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatFiscalYear } from '../../lib/format.ts';
import { ExecutivesAwaitingNotice } from '../users/ExecutivesAwaitingNotice.tsx';
import { AuditTrailCard } from './AuditTrailCard.tsx';
import { CurrentStages } from './CurrentStages.tsx';

type AdminDashboard = Extract<Dashboard, { kind: 'admin' }>;

export function AdminHome({ dashboard }: { dashboard: AdminDashboard }) {
  const { lang, t } = useLang();
  const { year, cycle } = dashboard;

  return (
    <Stack gap="lg">
      <ExecutivesAwaitingNotice />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <StatCard
          label={t('home.admin.agencies')}
          value={dashboard.agencies.total}
          hint={t('home.admin.active', { n: dashboard.agencies.active })}
        />
        <StatCard
          label={t('home.admin.users')}
          value={dashboard.users.total}
          hint={t('home.admin.active', { n: dashboard.users.active })}
        />
        {cycle && <StatCard label={t('home.cycleOpen')} value={cycle.open} />}
        {cycle && (
          <StatCard
            label={t('home.registered')}
            value={cycle.registered}
            hint={t('home.ofOpen', { n: cycle.open })}
          />
        )}
      </SimpleGrid>

      {dashboard.agencies.total === 0 && (
        <EmptyState
          title={t('home.admin.noAgencies')}
          hint={t('home.admin.noAgenciesHint')}
          action={
            <Button component={RouterLink} to="/agencies?import=1">
              {t('agencies.import.title')}
            </Button>
          }
        />
      )}

      {year !== null && dashboard.agencies.total > 0 && cycle && cycle.open < cycle.agencies && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text>
              {t('home.admin.openCycleHint', {
                year: formatFiscalYear(year, lang),
                n: cycle.agencies - cycle.open,
              })}
            </Text>
            <Group>
              {/* Opening the cycle (for all or a chosen set) lives on the cycle's own page. */}
              <Button component={RouterLink} to={`/cycles/${year}`}>
                {t('cycles.homeLink', { year: formatFiscalYear(year, lang) })}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}

      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('home.shortcuts')}
        </Title>
        <Group gap="xs">
          <Button component={RouterLink} to="/agencies" variant="light">
            {t('nav.agencies')}
          </Button>
          {year !== null && (
            <Button component={RouterLink} to={`/cycles/${year}`} variant="light">
              {t('cycles.nav')}
            </Button>
          )}
          <Button component={RouterLink} to="/users" variant="light">
            {t('nav.users')}
          </Button>
          <Button component={RouterLink} to="/frameworks" variant="light">
            {t('nav.frameworks')}
          </Button>
          <Button component={RouterLink} to="/frameworks/import" variant="light">
            {t('nav.frameworkImport')}
          </Button>
        </Group>
      </Stack>
      {year !== null && <CurrentStages year={year} />}
      <AuditTrailCard />
    </Stack>
  );
}
