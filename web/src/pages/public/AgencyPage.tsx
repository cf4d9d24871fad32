// One agency's published result (`/public/:year/agencies/:code`): total and rating, each instrument with its
// n and margin of error (or why it was not processed, or withheld for fewer than 5 responses), indicator
// scores, OIT items, its history over the years, and the audit checkpoint of the published run.
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDate, formatFiscalYear, formatScore } from '../../lib/format.ts';
import { pick, pickName } from '../../lib/localized.ts';
import { HistoryPanel, IndicatorsPanel, InstrumentsPanel, OitPanel } from './AgencySections.tsx';
import { type AgencyPage as Page, publicPaths, usePublicAgency } from './api.ts';
import { CheckpointPanel } from './CheckpointPanel.tsx';
import { usePublicYear } from './usePublicYear.ts';
import { YearPicker } from './YearPicker.tsx';

export default function AgencyPage() {
  const { t } = useLang();
  const { code = '' } = useParams();
  const { years, published, year } = usePublicYear();
  if (years.isPending) return <Loading />;
  if (years.isError) return <ErrorAlert error={years.error} />;
  if (year === null)
    return <EmptyState title={t('publicSite.empty.title')} hint={t('publicSite.empty.hint')} />;
  return <AgencyYear year={year} code={code} published={published} />;
}

function AgencyYear({ year, code, published }: { year: number; code: string; published: number[] }) {
  const { lang, t } = useLang();
  const navigate = useNavigate();
  const page = usePublicAgency(year, code);
  const picker = (
    <YearPicker years={published} value={year} onChange={(y) => navigate(publicPaths.agency(y, code))} />
  );
  const back = (
    <Anchor component={RouterLink} to={publicPaths.year(year)} size="sm">
      {t('publicSite.backToOverview')}
    </Anchor>
  );
  if (page.isPending) return <Loading />;
  if (page.isError)
    return (
      <Stack gap="md">
        <PageHeader title={code} actions={picker} />
        {back}
        <ErrorAlert error={page.error} />
      </Stack>
    );
  const p = page.data;
  const a = p.agency;
  const where = [
    a.code,
    pick(a.type, lang),
    a.province ? pick(a.province, lang) : null,
    a.ministry ? pick(a.ministry, lang) : null,
  ].filter(Boolean);
  return (
    <Stack gap="md">
      <PageHeader
        title={pickName(a, lang)}
        description={`${formatFiscalYear(year, lang)} · ${where.join(' · ')}`}
        actions={picker}
      />
      {back}
      <Summary p={p} />
      <InstrumentsPanel p={p} />
      <IndicatorsPanel p={p} />
      <OitPanel p={p} />
      <HistoryPanel p={p} />
      <CheckpointPanel checkpoint={p.checkpoint} publication={p.publication} />
      <Text size="xs" c="dimmed">
        {t('publicSite.agency.source', { date: formatDate(p.publication.publishAt, lang) })}
      </Text>
    </Stack>
  );
}

function Summary({ p }: { p: Page }) {
  const { lang, t } = useLang();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="public-agency-summary">
      <Text id="public-agency-summary" size="sm" c="dimmed">
        {t('publicSite.agency.total')}
      </Text>
      <Group gap="md" align="baseline">
        <Text fz={40} fw={700} lh={1.1} data-testid="public-agency-total">
          {formatScore(p.total)}
        </Text>
        <Badge size="lg" color={p.passes ? 'green' : 'red'} variant="light">
          {pick(p.rating, lang)}
        </Badge>
      </Group>
      <Text size="sm" mt={4}>
        <span aria-hidden>{p.passes ? '✓ ' : '✗ '}</span>
        {t(p.passes ? 'publicSite.agency.passes' : 'publicSite.agency.fails', {
          threshold: formatScore(p.passThreshold, 0),
        })}
      </Text>
    </Paper>
  );
}
