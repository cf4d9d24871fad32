// One province of a published year (`/public/:year/provinces/:code`): its agencies assessed, mean and share
// passing beside the nation's, and every agency of the province with its total and rating.
import { Anchor, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatCount, formatFiscalYear, formatScore } from '../../lib/format.ts';
import { pick } from '../../lib/localized.ts';
import { AgencyResultsList } from './AgencyResultsList.tsx';
import { publicPaths, useAgencySearch, useOverview } from './api.ts';
import { PublicSection } from './PublicSection.tsx';
import { usePublicYear } from './usePublicYear.ts';
import { orderedGroups, shareText } from './view.ts';

export default function ProvincePage() {
  const { lang, t } = useLang();
  const navigate = useNavigate();
  const { code = '' } = useParams();
  const { years, year } = usePublicYear();
  const [page, setPage] = useState(1);
  const overview = useOverview(year ?? 0);
  const search = useAgencySearch(year ?? 0, { province: code, page }, year !== null);
  if (years.isPending || (year !== null && overview.isPending)) return <Loading />;
  if (years.isError) return <ErrorAlert error={years.error} />;
  if (year === null)
    return <EmptyState title={t('publicSite.empty.title')} hint={t('publicSite.empty.hint')} />;
  if (overview.isError || !overview.data) return <ErrorAlert error={overview.error} />;
  const o = overview.data;
  const provinces = orderedGroups(o.breakdowns.province, lang).filter((g) => g.code !== null);
  const group = provinces.find((g) => g.code === code);
  const name = group ? pick(group, lang) : code;
  const title = t('publicSite.province.title', { province: name, year: formatFiscalYear(year, lang) });
  return (
    <Stack gap="md">
      <PageHeader title={title} />
      <Anchor component={RouterLink} to={publicPaths.year(year)} size="sm">
        {t('publicSite.backToOverview')}
      </Anchor>
      <NativeSelect
        label={t('publicSite.province.choose')}
        value={code}
        onChange={(e) => {
          setPage(1);
          navigate(publicPaths.province(year, e.currentTarget.value));
        }}
        data={[
          ...(group ? [] : [{ value: code, label: code }]),
          ...provinces.map((g) => ({ value: g.code as string, label: pick(g, lang) })),
        ]}
        maw={360}
      />
      {group ? (
        <PublicSection id="public-province-summary" title={t('publicSite.province.summary')}>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <Figure label={t('publicSite.overview.agencies')} value={formatCount(group.agencies, lang)} />
            <Figure
              label={t('publicSite.overview.mean')}
              value={formatScore(group.mean)}
              hint={t('publicSite.province.national', { value: formatScore(o.mean) })}
            />
            <Figure
              label={t('publicSite.overview.sharePassing', {
                threshold: formatScore(o.framework.passThreshold, 0),
              })}
              value={shareText(group.sharePassing)}
              hint={t('publicSite.province.national', { value: shareText(o.sharePassing) })}
            />
          </SimpleGrid>
        </PublicSection>
      ) : (
        <EmptyState title={t('publicSite.province.none')} hint={t('publicSite.province.noneHint')} />
      )}
      {group && (
        <PublicSection id="public-province-agencies" title={t('publicSite.province.agencies')}>
          {search.isPending ? (
            <Loading />
          ) : search.isError ? (
            <ErrorAlert error={search.error} />
          ) : (
            <AgencyResultsList
              year={year}
              result={search.data}
              onPage={setPage}
              label={t('publicSite.province.agencies')}
            />
          )}
        </PublicSection>
      )}
    </Stack>
  );
}

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={24} fw={600} lh={1.2}>
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
