// The year-over-year line: every earlier year the report knows (published runs, else results imported from
// before this system) and this year, as a line against the pass threshold and as a table.
import { Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { AgencyReport } from '../../../api/report.ts';
import { LazyEChart } from '../../../components/charts/LazyEChart.tsx';
import { useLang } from '../../../i18n/index.ts';
import { formatFiscalYearShort, formatScore } from '../../../lib/format.ts';
import { pick } from '../../../lib/localized.ts';
import { yearLineOption } from './charts.ts';
import { historyRows, signedScore } from './report-view.ts';

const ARROW = { up: '▲', down: '▼', same: '■' } as const;

export function HistorySection({ report }: { report: AgencyReport }) {
  const { lang, t } = useLang();
  const years = useMemo(() => {
    const earlier = report.history.filter((h) => h.year < report.year);
    return [
      ...earlier,
      { year: report.year, total: report.total, rating: report.rating, source: 'run' as const },
    ].sort((a, b) => a.year - b.year);
  }, [report]);
  const rows = historyRows(years);
  const threshold = formatScore(report.passThreshold, 0);
  const option = useMemo(
    () =>
      yearLineOption(
        years.map((y) => ({ label: String(y.year), total: y.total })),
        report.passThreshold,
        { total: t('report.history.total'), threshold: t('report.history.threshold', { threshold }) },
      ),
    [years, report.passThreshold, t, threshold],
  );
  const first = years[0];
  const last = years[years.length - 1];
  return (
    <Paper
      withBorder
      p={{ base: 'xs', sm: 'md' }}
      component="section"
      aria-labelledby="report-history"
      className="report-section"
    >
      <Title order={2} size="h3" id="report-history" mb="sm">
        {t('report.history.heading')}
      </Title>
      <SimpleGrid cols={{ base: 1, xl: years.length > 1 ? 2 : 1 }} spacing="lg" className="report-split">
        <Table.ScrollContainer minWidth={620}>
          <Table withTableBorder striped aria-labelledby="report-history" data-testid="report-history-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('report.history.year')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('report.history.total')}
                </Table.Th>
                <Table.Th scope="col">{t('report.history.rating')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('report.history.difference')}
                </Table.Th>
                <Table.Th scope="col">{t('report.history.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => {
                const y = years[i];
                return (
                  <Table.Tr key={r.year}>
                    <Table.Th scope="row" fw={r.year === report.year ? 700 : 400}>
                      {formatFiscalYearShort(r.year, lang)}
                    </Table.Th>
                    <Table.Td ta="right">{formatScore(r.total)}</Table.Td>
                    <Table.Td>{y?.rating ? pick(y.rating, lang) : '–'}</Table.Td>
                    <Table.Td ta="right">
                      {r.change ? (
                        <>
                          <span aria-hidden>{ARROW[r.change.direction]} </span>
                          {signedScore(r.change.difference)}
                        </>
                      ) : (
                        '–'
                      )}
                    </Table.Td>
                    <Table.Td>
                      {y?.source === 'imported'
                        ? t('report.history.sourceImported')
                        : t('report.history.sourceRun')}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {years.length > 1 && first && last ? (
          <LazyEChart
            option={option}
            height={300}
            data-testid="report-history-chart"
            description={t('report.history.chart', {
              from: formatFiscalYearShort(first.year, lang),
              to: formatFiscalYearShort(last.year, lang),
              first: formatScore(first.total),
              last: formatScore(last.total),
              threshold,
            })}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('report.history.only')}
          </Text>
        )}
      </SimpleGrid>
    </Paper>
  );
}
