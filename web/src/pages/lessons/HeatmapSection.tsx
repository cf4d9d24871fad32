// Agencies × indicators: the heatmap (ECharts, lazy) for looking, and the same figures in the table beside it
// for reading (and for screen readers: the chart is an image named in words). Withheld cells (an instrument
// under 5 responses) say so in the table, never a number.
import { Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { Lessons } from '../../api/lessons.ts';
import { LazyEChart } from '../../components/charts/LazyEChart.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatScore } from '../../lib/format.ts';
import { pick, pickName } from '../../lib/localized.ts';
import { Section } from './LessonsTables.tsx';
import { heatmapHeight, heatmapOption } from './lessons-view.ts';

export function HeatmapSection({ l }: { l: Lessons }) {
  const { lang, t } = useLang();
  const { heatmap } = l;
  const option = useMemo(
    () =>
      heatmapOption(heatmap, {
        indicator: (code) => t('lessons.heatmap.indicatorShort', { code }),
      }),
    [heatmap, t],
  );
  const mark = l.framework.passThreshold;
  return (
    <Section id="lessons-heatmap" title={t('lessons.heatmap.title')} hint={t('lessons.heatmap.hint')}>
      {heatmap.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('lessons.heatmap.none')}
        </Text>
      ) : (
        <>
          <div className="lessons-chart">
            <LazyEChart
              option={option}
              height={heatmapHeight(heatmap.rows.length)}
              description={t('lessons.heatmap.description', {
                agencies: heatmap.rows.length,
                indicators: heatmap.indicators.length,
              })}
              data-testid="lessons-heatmap-chart"
            />
          </div>
          <Table.ScrollContainer minWidth={320 + heatmap.indicators.length * 64}>
            <Table
              withTableBorder
              withColumnBorders
              striped
              aria-labelledby="lessons-heatmap"
              data-testid="lessons-heatmap-table"
              fz="sm"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('lessons.agency')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('lessons.total')}
                  </Table.Th>
                  {heatmap.indicators.map((i) => (
                    <Table.Th key={i.code} scope="col" ta="right" title={pick(i.name, lang)}>
                      {t('lessons.heatmap.indicatorShort', { code: i.code })}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {heatmap.rows.map((r) => (
                  <Table.Tr key={r.agency.id}>
                    <Table.Th scope="row" fw={400}>
                      {pickName(r.agency, lang)}{' '}
                      <Text span size="xs" c="dimmed">
                        {r.agency.code}
                      </Text>
                    </Table.Th>
                    <Table.Td ta="right">{formatScore(r.total)}</Table.Td>
                    {r.cells.map((c, i) => (
                      <Table.Td
                        key={heatmap.indicators[i]?.code ?? i}
                        ta="right"
                        c={c === null ? 'dimmed' : c < mark ? 'red.8' : undefined}
                        fw={c !== null && c < mark ? 600 : undefined}
                      >
                        {c === null ? (
                          <abbr title={t('lessons.heatmap.withheld')}>
                            {t('lessons.heatmap.withheldShort')}
                          </abbr>
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
          <Text size="xs" c="dimmed" mt={4}>
            {t('lessons.heatmap.legend', { mark })}
          </Text>
          <ol className="lessons-indicator-names">
            {heatmap.indicators.map((i) => (
              <li key={i.code} value={Number(i.code)}>
                <Text span size="xs">
                  {pick(i.name, lang)}
                </Text>
              </li>
            ))}
          </ol>
        </>
      )}
    </Section>
  );
}
