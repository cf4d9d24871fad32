// Agencies × indicators: the heatmap (ECharts, lazy) for looking, and the same figures in the table beside it
// for reading (and for screen readers: the chart is an image named in words). Withheld cells (an instrument
// under 5 responses) say so in the table, never a number. For the nation, a heatmap of provinces (means of
// their agencies' shown cells) comes first; a scope too large to draw agency by agency points to the XLSX.
import { Table, Text, Title } from '@mantine/core';
import { type ReactNode, useMemo } from 'react';
import type { Lessons } from '../../api/lessons.ts';
import { LazyEChart } from '../../components/charts/LazyEChart.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatScore } from '../../lib/format.ts';
import { pick, pickName } from '../../lib/localized.ts';
import { Section } from './LessonsTables.tsx';
import {
  AGENCY_ROWS_SHOWN,
  agencyGrid,
  type HeatmapGrid,
  heatmapHeight,
  heatmapOption,
} from './lessons-view.ts';

interface GridRow {
  key: string;
  head: ReactNode;
  total: number | null;
  cells: readonly (number | null)[];
}

function Grid({
  grid,
  rows,
  headLabel,
  description,
  testId,
  mark,
  indicators,
}: {
  grid: HeatmapGrid;
  rows: GridRow[];
  headLabel: string;
  description: string;
  testId: string;
  mark: number;
  indicators: Lessons['heatmap']['indicators'];
}) {
  const { lang, t } = useLang();
  const option = useMemo(() => heatmapOption(grid), [grid]);
  return (
    <>
      <div className="lessons-chart">
        <LazyEChart
          option={option}
          height={heatmapHeight(rows.length)}
          description={description}
          data-testid={`${testId}-chart`}
        />
      </div>
      <Table.ScrollContainer minWidth={320 + indicators.length * 64}>
        <Table
          withTableBorder
          withColumnBorders
          striped
          aria-labelledby="lessons-heatmap"
          data-testid={`${testId}-table`}
          fz="sm"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{headLabel}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('lessons.total')}
              </Table.Th>
              {indicators.map((i) => (
                <Table.Th key={i.code} scope="col" ta="right" title={pick(i.name, lang)}>
                  {t('lessons.heatmap.indicatorShort', { code: i.code })}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Th scope="row" fw={400}>
                  {r.head}
                </Table.Th>
                <Table.Td ta="right">{formatScore(r.total)}</Table.Td>
                {r.cells.map((c, i) => (
                  <Table.Td
                    key={indicators[i]?.code ?? i}
                    ta="right"
                    c={c === null ? 'dimmed' : c < mark ? 'red.8' : undefined}
                    fw={c !== null && c < mark ? 600 : undefined}
                  >
                    {c === null ? (
                      <abbr title={t('lessons.heatmap.withheld')}>{t('lessons.heatmap.withheldShort')}</abbr>
                    ) : (
                      formatScore(c)
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

export function HeatmapSection({ l }: { l: Lessons }) {
  const { lang, t } = useLang();
  const { heatmap } = l;
  const mark = l.framework.passThreshold;
  const indicator = (code: string) => t('lessons.heatmap.indicatorShort', { code });
  const provinces = heatmap.provinces;
  const provinceGrid = useMemo<HeatmapGrid | null>(
    () =>
      provinces && {
        columns: heatmap.indicators.map((i) => t('lessons.heatmap.indicatorShort', { code: i.code })),
        rows: provinces.map((p) => pick(p.name, lang)),
        cells: provinces.map((p) => p.cells),
      },
    [provinces, heatmap.indicators, t, lang],
  );
  const grid = useMemo(
    () => agencyGrid(heatmap, (code) => t('lessons.heatmap.indicatorShort', { code })),
    [heatmap, t],
  );
  const drawn = heatmap.rows.length <= AGENCY_ROWS_SHOWN;
  return (
    <Section id="lessons-heatmap" title={t('lessons.heatmap.title')} hint={t('lessons.heatmap.hint')}>
      {provinces && provinceGrid && provinces.length > 0 && (
        <>
          <Title order={3} size="h4" mb="xs">
            {t('lessons.heatmap.provincesTitle')}
          </Title>
          <Grid
            grid={provinceGrid}
            rows={provinces.map((p) => ({
              key: p.code,
              head: `${pick(p.name, lang)} (${p.agencies})`,
              total: p.total,
              cells: p.cells,
            }))}
            headLabel={t('lessons.heatmap.province')}
            description={t('lessons.heatmap.provincesDescription', {
              provinces: provinces.length,
              indicators: heatmap.indicators.length,
            })}
            testId="lessons-province-heatmap"
            mark={mark}
            indicators={heatmap.indicators}
          />
        </>
      )}
      {heatmap.rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('lessons.heatmap.none')}
        </Text>
      )}
      {heatmap.rows.length > 0 && !drawn && (
        <Text size="sm" mt="sm" data-testid="lessons-heatmap-too-many">
          {t('lessons.heatmap.tooMany', { agencies: heatmap.rows.length })}
        </Text>
      )}
      {heatmap.rows.length > 0 && drawn && (
        <Grid
          grid={grid}
          rows={heatmap.rows.map((r) => ({
            key: r.agency.id,
            head: (
              <>
                {pickName(r.agency, lang)}{' '}
                <Text span size="xs" c="dimmed">
                  {r.agency.code}
                </Text>
              </>
            ),
            total: r.total,
            cells: r.cells,
          }))}
          headLabel={t('lessons.agency')}
          description={t('lessons.heatmap.description', {
            agencies: heatmap.rows.length,
            indicators: heatmap.indicators.length,
          })}
          testId="lessons-heatmap"
          mark={mark}
          indicators={heatmap.indicators}
        />
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {t('lessons.heatmap.legend', { mark })}
      </Text>
      <ol className="lessons-indicator-names">
        {heatmap.indicators.map((i) => (
          <li key={i.code} value={Number(i.code)}>
            <Text span size="xs">
              {pick(i.name, lang)} ({indicator(i.code)})
            </Text>
          </li>
        ))}
      </ol>
    </Section>
  );
}
