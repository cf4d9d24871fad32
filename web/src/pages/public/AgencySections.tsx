// The sections of an agency's public page: instruments (n, margin of error, or why no score), indicators
// (table and bars against the pass mark), OIT items, and the years (table and line).
import { SimpleGrid, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo } from 'react';
import { LazyEChart } from '../../components/charts/LazyEChart.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatCount, formatFiscalYearShort, formatScore } from '../../lib/format.ts';
import { pick } from '../../lib/localized.ts';
import { indicatorBarsOption, yearLineOption } from '../results/report/charts.ts';
import type { AgencyPage } from './api.ts';
import { PublicSection } from './PublicSection.tsx';
import { instrumentState } from './view.ts';

export function InstrumentsPanel({ p }: { p: AgencyPage }) {
  const { lang, t } = useLang();
  return (
    <PublicSection id="public-instruments" title={t('publicSite.agency.instruments')}>
      <Table
        withTableBorder
        striped
        aria-labelledby="public-instruments"
        data-testid="public-instrument-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('publicSite.agency.instrument')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('publicSite.agency.score')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('publicSite.agency.n')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.instruments.map((i) => {
            const state = instrumentState(i, lang);
            return (
              <Table.Tr key={i.code}>
                <Table.Th scope="row" fw={400}>
                  <Text span fw={600}>
                    {pick(i.name, lang)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('publicSite.agency.weight', { weight: formatScore(i.weight, 0) })}
                  </Text>
                  {state.kind !== 'shown' && (
                    <Text size="xs" c={state.kind === 'notProcessed' ? 'red.8' : 'orange.9'}>
                      {t(
                        state.kind === 'notProcessed'
                          ? 'publicSite.agency.notProcessed'
                          : 'publicSite.agency.withheld',
                        { reason: state.reason },
                      )}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td ta="right">
                  {formatScore(i.score)}
                  {i.score !== null && i.marginOfError !== null && (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {t('publicSite.agency.margin', { margin: formatScore(i.marginOfError) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {i.n === null ? '–' : formatCount(i.n, lang)}
                  {i.minimum !== null && (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {t('publicSite.agency.minimum', { minimum: formatCount(i.minimum, lang) })}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="xs">
        {t('publicSite.agency.instrumentsNote')}
      </Text>
    </PublicSection>
  );
}

function Pass({ passes }: { passes: boolean | null }) {
  const { t } = useLang();
  if (passes === null)
    return (
      <Text span c="dimmed">
        {t('publicSite.agency.noScore')}
      </Text>
    );
  return (
    <Text span size="sm" fw={600} c={passes ? 'green.8' : 'red.8'} style={{ whiteSpace: 'nowrap' }}>
      <span aria-hidden>{passes ? '✓ ' : '✗ '}</span>
      {t(passes ? 'publicSite.agency.pass' : 'publicSite.agency.fail')}
    </Text>
  );
}

export function IndicatorsPanel({ p }: { p: AgencyPage }) {
  const { lang, t } = useLang();
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const threshold = formatScore(p.passThreshold, 0);
  const option = useMemo(
    () =>
      indicatorBarsOption(
        p.indicators.map((r) => ({ label: pick(r.name, lang), score: r.score })),
        p.passThreshold,
        t('publicSite.breakdown.threshold', { threshold }),
        narrow ? 14 : 0,
      ),
    [p, lang, t, threshold, narrow],
  );
  const passed = p.indicators.filter((i) => i.passes).length;
  return (
    <PublicSection id="public-indicators" title={t('publicSite.agency.indicators')}>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Table
          withTableBorder
          striped
          aria-labelledby="public-indicators"
          data-testid="public-indicator-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('publicSite.agency.indicator')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('publicSite.agency.score')}
              </Table.Th>
              <Table.Th scope="col">{t('publicSite.agency.result')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.indicators.map((r) => (
              <Table.Tr key={r.code}>
                <Table.Th scope="row" fw={400}>
                  {r.order}. {pick(r.name, lang)}
                  <Text size="xs" c="dimmed">
                    {r.instruments.join(', ')}
                  </Text>
                </Table.Th>
                <Table.Td ta="right">
                  {r.suppressed ? t('publicSite.agency.withheldShort') : formatScore(r.score)}
                </Table.Td>
                <Table.Td>
                  <Pass passes={r.passes} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <LazyEChart
          option={option}
          description={t('publicSite.agency.indicatorsChart', {
            passed,
            count: p.indicators.length,
            threshold,
          })}
          height={Math.max(240, p.indicators.length * (narrow ? 44 : 34) + 40)}
          data-testid="public-indicator-chart"
        />
      </SimpleGrid>
    </PublicSection>
  );
}

export function OitPanel({ p }: { p: AgencyPage }) {
  const { lang, t } = useLang();
  if (p.oitItems.length === 0) return null;
  const met = p.oitItems.filter((i) => i.score !== null && i.score >= 100).length;
  return (
    <PublicSection id="public-oit" title={t('publicSite.agency.oit')}>
      <Text size="sm" mb="xs">
        {t('publicSite.agency.oitSummary', { met, count: p.oitItems.length })}
      </Text>
      <Table withTableBorder striped aria-labelledby="public-oit" data-testid="public-oit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('publicSite.agency.oitItem')}</Table.Th>
            <Table.Th scope="col">{t('publicSite.agency.result')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.oitItems.map((i) => (
            <Table.Tr key={i.code}>
              <Table.Th scope="row" fw={400}>
                <Text span fw={600}>
                  {i.displayCode}
                </Text>{' '}
                {pick(i.title, lang)}
                {i.componentsFound !== null && i.components > 0 && (
                  <Text size="xs" c="dimmed">
                    {t('publicSite.agency.components', { found: i.componentsFound, count: i.components })}
                  </Text>
                )}
              </Table.Th>
              <Table.Td>
                <Pass passes={i.score === null ? null : i.score >= 100} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </PublicSection>
  );
}

export function HistoryPanel({ p }: { p: AgencyPage }) {
  const { lang, t } = useLang();
  const threshold = formatScore(p.passThreshold, 0);
  const option = useMemo(
    () =>
      yearLineOption(
        p.history.map((h) => ({ label: String(h.year), total: h.total })),
        p.passThreshold,
        {
          total: t('publicSite.agency.total'),
          threshold: t('publicSite.breakdown.threshold', { threshold }),
        },
      ),
    [p, t, threshold],
  );
  const first = p.history[0];
  const last = p.history.at(-1);
  return (
    <PublicSection id="public-history" title={t('publicSite.agency.history')}>
      <SimpleGrid cols={{ base: 1, lg: p.history.length > 1 ? 2 : 1 }} spacing="lg">
        <Table withTableBorder striped aria-labelledby="public-history" data-testid="public-history-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('publicSite.year')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('publicSite.agency.total')}
              </Table.Th>
              <Table.Th scope="col">{t('publicSite.search.rating')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.history.map((h) => (
              <Table.Tr key={h.year}>
                <Table.Th scope="row" fw={h.year === p.year ? 700 : 400}>
                  {formatFiscalYearShort(h.year, lang)}
                </Table.Th>
                <Table.Td ta="right">{formatScore(h.total)}</Table.Td>
                <Table.Td>{h.rating ? pick(h.rating, lang) : '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {p.history.length > 1 && first && last && (
          <LazyEChart
            option={option}
            height={280}
            data-testid="public-history-chart"
            description={t('publicSite.agency.historyChart', {
              from: formatFiscalYearShort(first.year, lang),
              to: formatFiscalYearShort(last.year, lang),
              first: formatScore(first.total),
              last: formatScore(last.total),
            })}
          />
        )}
      </SimpleGrid>
    </PublicSection>
  );
}
