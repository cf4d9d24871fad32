// Supervisors (agencies in scope) and assessors (assigned agencies): counts and the agencies needing attention.
import { Button, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { Link as RouterLink } from 'react-router';
import type { Dashboard } from '../../api/agencies.ts';
import { useUser } from '../../api/auth.ts';
import { AgencyTable } from '../../components/AgencyTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { StatCard } from '../../components/StatCard.tsx';
import { useLang } from '../../i18n/index.ts';
import { ScopeProgressTable } from '../stakeholders/ScopeProgressTable.tsx';
import { ExecutivesAwaitingNotice } from '../users/ExecutivesAwaitingNotice.tsx';
import { CurrentStages } from './CurrentStages.tsx';

type ScopedDashboard = Extract<Dashboard, { kind: 'scoped' }>;

export function ScopedHome({ dashboard }: { dashboard: ScopedDashboard }) {
  const { t } = useLang();
  const user = useUser();
  const assessor = user.role === 'assessor';
  const { counts, agencies, year } = dashboard;
  return (
    <Stack gap="lg">
      {user.role === 'supervisor' && <ExecutivesAwaitingNotice />}
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <StatCard
          label={assessor ? t('home.scoped.assigned') : t('home.scoped.inScope')}
          value={counts.agencies}
        />
        <StatCard label={t('home.cycleOpen')} value={counts.open} />
        <StatCard
          label={t('home.registered')}
          value={counts.registered}
          hint={t('home.ofOpen', { n: counts.open })}
        />
      </SimpleGrid>
      {agencies.length === 0 ? (
        <EmptyState
          title={assessor ? t('home.scoped.noneAssigned') : t('home.scoped.noneInScope')}
          hint={assessor ? t('home.scoped.noneAssignedHint') : t('home.scoped.noneInScopeHint')}
        />
      ) : (
        <Stack gap="xs">
          <Title order={2} size="h4">
            {assessor ? t('home.scoped.assignedList') : t('home.scoped.inScopeList')}
          </Title>
          <AgencyTable
            agencies={agencies}
            showParticipation={year !== null}
            label={assessor ? t('home.scoped.assignedList') : t('home.scoped.inScopeList')}
          />
          {dashboard.more && (
            <Group>
              <Button component={RouterLink} to="/agencies" variant="light">
                {t('home.scoped.seeAll')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {year !== null && <ScopeProgressTable year={year} preview />}
      {year !== null && <CurrentStages year={year} />}
    </Stack>
  );
}
