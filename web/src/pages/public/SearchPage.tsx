// Find any agency of a published year by name or code (`/public/:year/search?q=`), also within a region,
// province, ministry or agency type (the overview's breakdowns link here with the filter set).
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Navigate, Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatFiscalYearShort } from '../../lib/format.ts';
import { pick } from '../../lib/localized.ts';
import { AgencyResultsList } from './AgencyResultsList.tsx';
import { type Overview, publicPaths, type SearchParams, useAgencySearch, useOverview } from './api.ts';
import { SearchBox } from './SearchBox.tsx';
import { usePublicYear } from './usePublicYear.ts';
import { YearPicker } from './YearPicker.tsx';

const FILTERS = [
  ['region', 'region'],
  ['province', 'province'],
  ['ministry', 'ministry'],
  ['type', 'agencyType'],
] as const;

/** The name of a filter's value, from the overview's breakdowns (the code if the overview does not know it). */
function filterName(
  o: Overview | undefined,
  key: (typeof FILTERS)[number][1],
  code: string,
  lang: 'th' | 'en',
) {
  const g = o?.breakdowns[key].find((x) => x.code === code);
  return g ? pick(g, lang) : code;
}

export default function SearchPage() {
  const { lang, t } = useLang();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { years, published, year } = usePublicYear();
  const q = params.get('q')?.trim() ?? '';
  const query: SearchParams = { page: Math.max(1, Number(params.get('page')) || 1) };
  if (q) query.q = q;
  for (const [name] of FILTERS) {
    const v = params.get(name);
    if (v) query[name] = v;
  }
  const search = useAgencySearch(year ?? 0, query, year !== null);
  const overview = useOverview(year ?? 0);
  if (years.isPending) return <Loading />;
  if (years.isError) return <ErrorAlert error={years.error} />;
  if (year === null) return <Navigate to={publicPaths.home} replace />;
  const active = FILTERS.flatMap(([name, key]) => {
    const v = params.get(name);
    return v
      ? [{ name, label: t(`publicSite.breakdown.by.${key}`), value: filterName(overview.data, key, v, lang) }]
      : [];
  });
  const without = (name: string) => {
    const next = new URLSearchParams(params);
    next.delete(name);
    next.delete('page');
    return `?${next.toString()}`;
  };
  const title = t('publicSite.search.title', { year: formatFiscalYearShort(year, lang) });
  return (
    <Stack gap="md">
      <PageHeader
        title={title}
        actions={
          <YearPicker
            years={published}
            value={year}
            onChange={(y) => navigate(`/public/${y}/search?${params.toString()}`)}
          />
        }
      />
      <Anchor component={RouterLink} to={publicPaths.year(year)} size="sm">
        {t('publicSite.backToOverview')}
      </Anchor>
      <SearchBox key={q} year={year} initial={q} />
      {active.length > 0 && (
        <Group gap="sm">
          {active.map((f) => (
            <Text key={f.name} size="sm">
              {f.label}: <b>{f.value}</b>{' '}
              <Anchor component={RouterLink} to={without(f.name)} size="sm">
                {t('publicSite.search.removeFilter')}
              </Anchor>
            </Text>
          ))}
        </Group>
      )}
      {search.isPending ? (
        <Loading />
      ) : search.isError ? (
        <ErrorAlert error={search.error} />
      ) : (
        <AgencyResultsList
          year={year}
          result={search.data}
          label={title}
          onPage={(page) => {
            const next = new URLSearchParams(params);
            next.set('page', String(page));
            setParams(next);
          }}
        />
      )}
    </Stack>
  );
}
