// "ผลการประเมินจำแนกตามตัวชี้วัด" as agencies write it (seed 004): ลำดับ | เครื่องมือ | ตัวชี้วัด | คะแนน |
// ผลการประเมิน, and the same figures as bars against the pass threshold.
import { Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo } from 'react';
import type { AgencyReport } from '../../../api/report.ts';
import { LazyEChart } from '../../../components/charts/LazyEChart.tsx';
import { useLang } from '../../../i18n/index.ts';
import { formatScore } from '../../../lib/format.ts';
import { pick } from '../../../lib/localized.ts';
import { indicatorBarsOption } from './charts.ts';
import { indicatorFacts } from './report-view.ts';

export function PassText({ passes }: { passes: boolean | null }) {
  const { t } = useLang();
  if (passes === null)
    return (
      <Text span c="dimmed">
        {t('report.indicators.noScore')}
      </Text>
    );
  return (
    <Text span fw={600} c={passes ? 'green.8' : 'red.8'} style={{ whiteSpace: 'nowrap' }}>
      <span aria-hidden>{passes ? '✓ ' : '✗ '}</span>
      {t(passes ? 'report.indicators.pass' : 'report.indicators.fail')}
    </Text>
  );
}

type Rows = AgencyReport['indicators'];

/** The indicator's score; where two instruments score it (EIT parts 1 and 2), each part's under it. */
function Score({ row }: { row: Rows[number] }) {
  const parts = Object.entries(row.byInstrument);
  return (
    <>
      {formatScore(row.score)}
      {parts.length > 1 && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {parts.map(([code, score]) => `${code} ${formatScore(score)}`).join(' · ')}
        </Text>
      )}
    </>
  );
}

/** The table as agencies write it: ลำดับ | เครื่องมือ | ตัวชี้วัด | คะแนน | ผลการประเมิน. */
function WideTable({ rows }: { rows: Rows }) {
  const { lang, t } = useLang();
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table withTableBorder striped aria-labelledby="report-indicators" data-testid="report-indicator-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" ta="center">
              {t('report.indicators.order')}
            </Table.Th>
            <Table.Th scope="col">{t('report.indicators.instrument')}</Table.Th>
            <Table.Th scope="col">{t('report.indicators.indicator')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('report.indicators.score')}
            </Table.Th>
            <Table.Th scope="col">{t('report.indicators.result')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.code}>
              <Table.Td ta="center">{r.order}</Table.Td>
              <Table.Td>{r.instrument}</Table.Td>
              <Table.Th scope="row" fw={400}>
                {pick(r.name, lang)}
              </Table.Th>
              <Table.Td ta="right">
                <Score row={r} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <PassText passes={r.passes} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** At phone width the order and the instrument go under the indicator's name, so score and result fit. */
function NarrowTable({ rows }: { rows: Rows }) {
  const { lang, t } = useLang();
  return (
    <Table
      withTableBorder
      striped
      horizontalSpacing={6}
      aria-labelledby="report-indicators"
      data-testid="report-indicator-table"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('report.indicators.indicator')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('report.indicators.score')}
          </Table.Th>
          <Table.Th scope="col">{t('report.indicators.result')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.code}>
            <Table.Th scope="row" fw={400}>
              {pick(r.name, lang)}
              <Text size="xs" c="dimmed">
                {t('report.indicators.order')} {r.order} · {r.instrument}
              </Text>
            </Table.Th>
            <Table.Td ta="right">
              <Score row={r} />
            </Table.Td>
            <Table.Td>
              <PassText passes={r.passes} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function IndicatorSection({ report }: { report: AgencyReport }) {
  const { lang, t } = useLang();
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const rows = report.indicators;
  const threshold = formatScore(report.passThreshold, 0);
  const option = useMemo(
    () =>
      indicatorBarsOption(
        rows.map((r) => ({ label: pick(r.name, lang), score: r.score })),
        report.passThreshold,
        t('report.indicators.threshold', { threshold }),
        narrow ? 14 : 0,
      ),
    [rows, lang, report.passThreshold, t, threshold, narrow],
  );
  const facts = indicatorFacts(
    rows.map((r) => ({ name: pick(r.name, lang), score: r.score, passes: r.passes })),
  );
  const description = t('report.indicators.chart', {
    threshold,
    passed: facts.passed,
    count: facts.count,
    lowest: facts.lowest?.name ?? '–',
    lowestScore: formatScore(facts.lowest?.score),
  });
  return (
    <Paper
      withBorder
      p={{ base: 'xs', sm: 'md' }}
      component="section"
      aria-labelledby="report-indicators"
      className="report-section"
    >
      <Title order={2} size="h3" id="report-indicators" mb="sm">
        {t('report.indicators.heading')}
      </Title>
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg" className="report-split">
        {narrow ? <NarrowTable rows={rows} /> : <WideTable rows={rows} />}
        <LazyEChart
          option={option}
          description={description}
          height={Math.max(240, rows.length * (narrow ? 44 : 34) + 40)}
          data-testid="report-indicator-chart"
        />
      </SimpleGrid>
    </Paper>
  );
}
