// "ผลการประเมินปีที่ผ่านมา" on the agency page: the results published before this system, year by year.
// A table for now (ECharts, the chosen chart library, is not a dependency yet).
import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { usePastResults } from '../../api/past-results.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatFiscalYear, formatScore } from '../../lib/format.ts';
import { pick } from '../../lib/localized.ts';

const signed = (n: number | null) => (n === null ? '–' : `${n > 0 ? '+' : ''}${formatScore(n)}`);

export function PastResultsPanel({ agencyId }: { agencyId: string }) {
  const { lang, t } = useLang();
  const line = usePastResults(agencyId);
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('pastResults.panel.title')}
      </Title>
      <QueryState
        query={line}
        isEmpty={(d) => d.years.length === 0}
        empty={<Text c="dimmed">{t('pastResults.panel.empty')}</Text>}
      >
        {(data) => {
          const withSource = data.years.some((y) => y.source);
          return (
            <Table.ScrollContainer minWidth={640}>
              <Table withTableBorder aria-label={t('pastResults.panel.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('pastResults.panel.year')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('pastResults.panel.total')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('pastResults.panel.difference')}
                    </Table.Th>
                    <Table.Th scope="col">{t('pastResults.panel.rating')}</Table.Th>
                    <Table.Th scope="col">{t('pastResults.panel.instruments')}</Table.Th>
                    {withSource && <Table.Th scope="col">{t('pastResults.panel.source')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.years.map((y) => (
                    <Table.Tr key={y.year}>
                      <Table.Td>{formatFiscalYear(y.year, lang)}</Table.Td>
                      <Table.Td ta="right">{formatScore(y.total)}</Table.Td>
                      <Table.Td ta="right">{signed(y.difference)}</Table.Td>
                      <Table.Td>
                        <Badge color={y.rating.passes ? 'green' : 'red'} variant="light">
                          {pick(y.rating.label, lang)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {y.instruments.map((i) => `${i.code} ${formatScore(i.score)}`).join(' · ') || '–'}
                      </Table.Td>
                      {withSource && (
                        <Table.Td>
                          {y.source
                            ? t('pastResults.panel.sourceLine', { file: y.source.file, line: y.source.line })
                            : '–'}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          );
        }}
      </QueryState>
    </Stack>
  );
}
