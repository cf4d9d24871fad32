// The agency's collection progress on its home page: counted / minimum per instrument, stakeholder state.
import { Alert, Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link as RouterLink } from 'react-router';
import { useAgencyProgress } from '../../api/stakeholders.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { ProgressBars } from './ProgressBars.tsx';
import { statusColor } from './progress-view.ts';

export function ProgressWidget({ agencyId, year }: { agencyId: string; year: number }) {
  const { t } = useLang();
  const progress = useAgencyProgress(agencyId, year);
  return (
    <Paper withBorder p="md" data-testid="progress-widget">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('stakeholders.progress.title')}
          </Title>
          {progress.data && (
            <Badge color={statusColor(progress.data.stakeholder.status)} variant="light">
              {t(`stakeholders.status.${progress.data.stakeholder.status}`)}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('stakeholders.progress.intro')}
        </Text>
        <QueryState query={progress}>
          {(data) => (
            <>
              {!data.stakeholder.entered && (
                <Text size="sm">{t('stakeholders.progress.needPopulation')}</Text>
              )}
              {data.iitIntake.state === 'full' && (
                <Alert color="blue" variant="light">
                  {t('stakeholders.progress.iitFull', { received: data.iitIntake.received })}
                </Alert>
              )}
              {data.iitIntake.state === 'awaiting_population' && data.stakeholder.entered && (
                <Text size="sm">{t('stakeholders.progress.iitAwaiting')}</Text>
              )}
              <ProgressBars entries={data.instruments} />
            </>
          )}
        </QueryState>
        <Anchor component={RouterLink} to={`/agencies/${agencyId}/stakeholders?year=${year}`} size="sm">
          {t('stakeholders.open')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
