// The agency's collection progress on its home page: counted / minimum per instrument, stakeholder state.
import { Alert, Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link as RouterLink } from 'react-router';
import { useAgencyProgress } from '../../api/stakeholders.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
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
        {progress.isPending && <Loading />}
        <ErrorAlert error={progress.error} />
        {progress.data && (
          <>
            {!progress.data.stakeholder.entered && (
              <Text size="sm">{t('stakeholders.progress.needPopulation')}</Text>
            )}
            {progress.data.iitIntake.state === 'full' && (
              <Alert color="blue" variant="light">
                {t('stakeholders.progress.iitFull', { received: progress.data.iitIntake.received })}
              </Alert>
            )}
            {progress.data.iitIntake.state === 'awaiting_population' && progress.data.stakeholder.entered && (
              <Text size="sm">{t('stakeholders.progress.iitAwaiting')}</Text>
            )}
            <ProgressBars entries={progress.data.instruments} />
          </>
        )}
        <Anchor component={RouterLink} to={`/agencies/${agencyId}/stakeholders?year=${year}`} size="sm">
          {t('stakeholders.open')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
