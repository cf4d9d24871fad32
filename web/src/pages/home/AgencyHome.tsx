// Agency accounts: their agency, this year's participation and collection progress (not for staff accounts,
// which fill in delegated OIT items), and the year's calendar.
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link as RouterLink } from 'react-router';
import { type Dashboard, useSetRegistration } from '../../api/agencies.ts';
import { useCan } from '../../auth/permissions.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ParticipationBadge } from '../../components/ParticipationBadge.tsx';
import { useLang } from '../../i18n/index.ts';
import { agencyTypeWords } from '../../lib/agency-words.ts';
import { formatDateTime, formatFiscalYear } from '../../lib/format.ts';
import { pickName } from '../../lib/localized.ts';
import { ResultsCard } from '../results/report/ResultsCard.tsx';
import { ProgressWidget } from '../stakeholders/ProgressWidget.tsx';
import { CurrentStages } from './CurrentStages.tsx';

type AgencyDashboard = Extract<Dashboard, { kind: 'agency' }>;

export function AgencyHome({ dashboard }: { dashboard: AgencyDashboard }) {
  const { lang, t } = useLang();
  const can = useCan();
  const { agency, year } = dashboard;
  const register = useSetRegistration(agency?.id ?? '');
  if (!agency) return <EmptyState title={t('home.agency.none')} hint={t('home.agency.noneHint')} />;
  const participation = agency.participation;
  const ref = { id: agency.id, provinceCode: agency.provinceCode, ministryCode: agency.ministryCode };
  const mayRegister =
    year !== null && participation && !participation.registered && can('participation.register', ref);
  const followsCollection = can('participation.read', ref) && can('progress.read', ref);

  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Title order={2} size="h3" data-testid="agency-name">
            {pickName(agency, lang)}
          </Title>
          <Text size="sm" c="dimmed">
            {agency.code} · {agencyTypeWords(agency.type, lang)}
            {agency.province ? ` · ${pickName(agency.province, lang)}` : ''}
          </Text>
          <Anchor component={RouterLink} to={`/agencies/${agency.id}`} size="sm">
            {t('home.agency.details')}
          </Anchor>
        </Stack>
      </Paper>

      {year !== null && followsCollection && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('home.agency.participation', { year: formatFiscalYear(year, lang) })}
            </Title>
            <Group gap="xs">
              <ParticipationBadge participation={participation} />
              {participation?.registeredAt && (
                <Text size="sm" c="dimmed">
                  {t('home.agency.registeredAt', { date: formatDateTime(participation.registeredAt, lang) })}
                </Text>
              )}
            </Group>
            <Text size="sm">
              {!participation
                ? t('home.agency.notOpenHint')
                : participation.registered
                  ? t('home.agency.registeredHint')
                  : t('home.agency.notRegisteredHint')}
            </Text>
            <ErrorAlert error={register.error} />
            {mayRegister && (
              <Group>
                <Button
                  loading={register.isPending}
                  onClick={() => register.mutate({ year, registered: true })}
                >
                  {t('home.agency.register', { year: formatFiscalYear(year, lang) })}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      )}
      <ResultsCard agencyId={agency.id} />
      {year !== null && participation && followsCollection && (
        <ProgressWidget agencyId={agency.id} year={year} />
      )}
      {year !== null && <CurrentStages year={year} agencyId={agency.id} full />}
    </Stack>
  );
}
