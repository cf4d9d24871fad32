// The year's results by region, province, agency type and ministry: agencies, mean and share passing of each
// group, as a table (every province links to its page; the other groups to their agencies) and, for regions
// and agency types, as bars of the mean against the pass threshold. The table downloads as XLSX.
import { Anchor, SegmentedControl, SimpleGrid, Stack, Table } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { LazyEChart } from '../../components/charts/LazyEChart.tsx';
import { DownloadXlsxButton } from '../../components/DownloadXlsxButton.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatCount, formatFiscalYearShort, formatScore } from '../../lib/format.ts';
import { pick } from '../../lib/localized.ts';
import type { XlsxColumn } from '../../lib/xlsx.ts';
import { indicatorBarsOption } from '../results/report/charts.ts';
import { type Group, type Overview, publicPaths } from './api.ts';
import { PublicSection } from './PublicSection.tsx';
import { BREAKDOWNS, type BreakdownKey, orderedGroups, shareText } from './view.ts';

const FILTER: Record<BreakdownKey, string> = {
  ministry: 'ministry',
  agencyType: 'type',
  region: 'region',
  province: 'province',
};
const CHARTED: readonly BreakdownKey[] = ['region', 'agencyType'];

/** Where a group's agencies are listed: a province's own page, else the search filtered to the group. */
function groupPath(year: number, key: BreakdownKey, code: string): string {
  if (key === 'province') return publicPaths.province(year, code);
  return `/public/${year}/search?${FILTER[key]}=${encodeURIComponent(code)}`;
}

export function BreakdownSection({ o }: { o: Overview }) {
  const { lang, t } = useLang();
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const [key, setKey] = useState<BreakdownKey>('region');
  const groups = useMemo(() => orderedGroups(o.breakdowns[key], lang), [o.breakdowns, key, lang]);
  const label = t(`publicSite.breakdown.by.${key}`);
  const threshold = formatScore(o.framework.passThreshold, 0);
  const option = useMemo(
    () =>
      indicatorBarsOption(
        groups.map((g) => ({ label: pick(g, lang), score: g.mean })),
        o.framework.passThreshold,
        t('publicSite.breakdown.threshold', { threshold }),
        narrow ? 14 : 0,
      ),
    [groups, lang, o.framework.passThreshold, t, threshold, narrow],
  );
  const columns: XlsxColumn<Group>[] = [
    { header: label, value: (g) => pick(g, lang) },
    { header: t('publicSite.breakdown.agencies'), value: (g) => g.agencies },
    { header: t('publicSite.breakdown.mean'), value: (g) => g.mean },
    { header: t('publicSite.breakdown.passing'), value: (g) => g.passing },
    { header: t('publicSite.breakdown.sharePassing'), value: (g) => g.sharePassing },
  ];
  return (
    <PublicSection id="public-breakdown" title={t('publicSite.breakdown.heading')}>
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t('publicSite.breakdown.choose')}
          value={key}
          onChange={(v) => setKey(v as BreakdownKey)}
          orientation={narrow ? 'vertical' : 'horizontal'}
          fullWidth={narrow}
          data={BREAKDOWNS.map((b) => ({ value: b, label: t(`publicSite.breakdown.by.${b}`) }))}
        />
        <SimpleGrid cols={{ base: 1, lg: CHARTED.includes(key) ? 2 : 1 }} spacing="lg">
          <Table.ScrollContainer minWidth={420}>
            <Table withTableBorder striped aria-label={label} data-testid="public-breakdown-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{label}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('publicSite.breakdown.agencies')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('publicSite.breakdown.mean')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('publicSite.breakdown.sharePassing')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {groups.map((g) => (
                  <Table.Tr key={g.code ?? 'none'}>
                    <Table.Th scope="row" fw={400}>
                      {g.code === null ? (
                        pick(g, lang)
                      ) : (
                        <Anchor component={RouterLink} to={groupPath(o.year, key, g.code)}>
                          {pick(g, lang)}
                        </Anchor>
                      )}
                    </Table.Th>
                    <Table.Td ta="right">{formatCount(g.agencies, lang)}</Table.Td>
                    <Table.Td ta="right">{formatScore(g.mean)}</Table.Td>
                    <Table.Td ta="right">{shareText(g.sharePassing)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {CHARTED.includes(key) && (
            <LazyEChart
              option={option}
              height={Math.max(220, groups.length * (narrow ? 44 : 32) + 40)}
              description={t('publicSite.breakdown.chart', { by: label, threshold })}
              data-testid="public-breakdown-chart"
            />
          )}
        </SimpleGrid>
        <div>
          <DownloadXlsxButton
            fileName={`ita-${o.year}-${key}`}
            sheetName={`${label} ${formatFiscalYearShort(o.year, lang)}`}
            columns={columns}
            rows={groups}
          />
        </div>
      </Stack>
    </PublicSection>
  );
}
