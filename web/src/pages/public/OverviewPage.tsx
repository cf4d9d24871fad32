// The national overview of a published year (issue 11 §1): agencies assessed, mean, share passing against
// the year's target, the ratings, the change from last year, breakdowns by region, province, agency type and
// ministry, the audit checkpoint, the open data. `/public` shows the latest year; `/public/:year` a chosen one.
import { Alert, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { LazyEChart } from '../../components/charts/LazyEChart.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLang } from '../../i18n/index.ts';
import {
  formatCount,
  formatDate,
  formatFiscalYear,
  formatFiscalYearShort,
  formatScore,
} from '../../lib/format.ts';
import { pick } from '../../lib/localized.ts';
import { signedScore } from '../results/report/report-view.ts';
import { type Overview, publicPaths, useOverview } from './api.ts';
import { BreakdownSection } from './BreakdownSection.tsx';
import { CheckpointPanel } from './CheckpointPanel.tsx';
import { OpenDataLinks } from './OpenDataLinks.tsx';
import { PublicSection } from './PublicSection.tsx';
import { ratingBarsOption } from './public-charts.ts';
import { SearchBox } from './SearchBox.tsx';
import { usePublicYear } from './usePublicYear.ts';
import { shareText } from './view.ts';
import { YearPicker } from './YearPicker.tsx';

export default function OverviewPage() {
  const { t } = useLang();
  const { years, published, year } = usePublicYear();
  if (years.isPending) return <Loading />;
  if (years.isError) return <ErrorAlert error={years.error} />;
  if (year === null)
    return (
      <>
        <PageHeader title={t('publicSite.overview.title')} />
        <EmptyState title={t('publicSite.empty.title')} hint={t('publicSite.empty.hint')} />
      </>
    );
  return <YearOverview year={year} published={published} />;
}

function YearOverview({ year, published }: { year: number; published: number[] }) {
  const { lang, t } = useLang();
  const navigate = useNavigate();
  const overview = useOverview(year);
  const picker = (
    <YearPicker years={published} value={year} onChange={(y) => navigate(publicPaths.year(y))} />
  );
  const title = t('publicSite.overview.titleYear', { year: formatFiscalYear(year, lang) });
  if (overview.isPending) return <Loading />;
  if (overview.isError)
    return (
      <>
        <PageHeader title={title} actions={picker} />
        <ErrorAlert error={overview.error} />
      </>
    );
  const o = overview.data;
  return (
    <Stack gap="md">
      <PageHeader
        title={title}
        description={t('publicSite.overview.publishedOn', {
          date: formatDate(o.publication.publishAt, lang),
        })}
        actions={picker}
      />
      <SearchBox year={year} />
      {o.publication.correction && (
        <Alert color="orange" title={t('publicSite.overview.corrected')}>
          {o.publication.correction.reason}
        </Alert>
      )}
      <Headline o={o} />
      <RatingsSection o={o} />
      <BreakdownSection o={o} />
      <CheckpointPanel checkpoint={o.checkpoint} publication={o.publication} />
      <OpenDataLinks year={year} />
    </Stack>
  );
}

function Stat({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  testId?: string;
}) {
  return (
    <Stack
      gap={2}
      p="sm"
      className="public-stat"
      data-testid={testId}
      style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, background: 'white' }}
    >
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={600} lh={1.2}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Stack>
  );
}

function Headline({ o }: { o: Overview }) {
  const { lang, t } = useLang();
  const target = o.framework.nationalTargetShare;
  const targetHint =
    target === null
      ? t('publicSite.overview.noTarget')
      : t(o.meetsNationalTarget ? 'publicSite.overview.targetMet' : 'publicSite.overview.targetNotMet', {
          target: shareText(target),
        });
  const change =
    o.previous && o.meanChange !== null
      ? t('publicSite.overview.meanChange', {
          change: signedScore(o.meanChange),
          year: formatFiscalYearShort(o.previous.year, lang),
          previous: formatScore(o.previous.mean),
        })
      : t('publicSite.overview.noPrevious');
  return (
    <section aria-label={t('publicSite.overview.headline')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <Stat
          testId="public-stat-agencies"
          label={t('publicSite.overview.agencies')}
          value={formatCount(o.agencies, lang)}
          hint={
            o.previous
              ? t('publicSite.overview.agenciesBefore', {
                  count: formatCount(o.previous.agencies, lang),
                  year: formatFiscalYearShort(o.previous.year, lang),
                })
              : undefined
          }
        />
        <Stat
          testId="public-stat-mean"
          label={t('publicSite.overview.mean')}
          value={formatScore(o.mean)}
          hint={change}
        />
        <Stat
          testId="public-stat-passing"
          label={t('publicSite.overview.sharePassing', {
            threshold: formatScore(o.framework.passThreshold, 0),
          })}
          value={shareText(o.sharePassing)}
          hint={`${t('publicSite.overview.passingCount', { count: formatCount(o.passing, lang) })} · ${targetHint}`}
        />
        <Stat
          label={t('publicSite.overview.threshold')}
          value={formatScore(o.framework.passThreshold, 0)}
          hint={t('publicSite.overview.thresholdHint')}
        />
      </SimpleGrid>
    </section>
  );
}

function RatingsSection({ o }: { o: Overview }) {
  const { lang, t } = useLang();
  const option = useMemo(
    () => ratingBarsOption(o.ratings.map((r) => ({ label: pick(r, lang), count: r.count }))),
    [o.ratings, lang],
  );
  const description = t('publicSite.ratings.chart', {
    list: o.ratings.map((r) => `${pick(r, lang)} ${formatCount(r.count, lang)}`).join(', '),
  });
  return (
    <PublicSection id="public-ratings" title={t('publicSite.ratings.heading')}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Table withTableBorder striped aria-labelledby="public-ratings" data-testid="public-ratings-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('publicSite.ratings.rating')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('publicSite.ratings.count')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('publicSite.ratings.share')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.ratings.map((r) => (
              <Table.Tr key={r.code}>
                <Table.Th scope="row" fw={400}>
                  {pick(r, lang)}
                </Table.Th>
                <Table.Td ta="right">{formatCount(r.count, lang)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {shareText(r.share)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <LazyEChart
          option={option}
          description={description}
          height={260}
          data-testid="public-ratings-chart"
        />
      </SimpleGrid>
      <Group mt="xs">
        <Text size="xs" c="dimmed">
          {t('publicSite.ratings.note')}
        </Text>
      </Group>
    </PublicSection>
  );
}
