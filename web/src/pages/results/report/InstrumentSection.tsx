// Per instrument: weight, score, n against the minimum, the 95 % margin of error in points, or why the
// instrument was not processed, in words (seed 004, "เงื่อนไขการคำนวณและแสดงผลการประเมิน").
import { Paper, Table, Text, Title } from '@mantine/core';
import type { AgencyReport } from '../../../api/report.ts';
import { useLang } from '../../../i18n/index.ts';
import { formatCount, formatScore } from '../../../lib/format.ts';
import { pick } from '../../../lib/localized.ts';

export function InstrumentSection({ report }: { report: AgencyReport }) {
  const { lang, t } = useLang();
  const count = (n: number | null) =>
    n === null ? t('report.instruments.notApplicable') : formatCount(n, lang);
  return (
    <Paper
      withBorder
      p={{ base: 'xs', sm: 'md' }}
      component="section"
      aria-labelledby="report-instruments"
      className="report-section"
    >
      <Title order={2} size="h3" id="report-instruments" mb="sm">
        {t('report.instruments.heading')}
      </Title>
      <Table.ScrollContainer minWidth={760}>
        <Table
          withTableBorder
          striped
          aria-labelledby="report-instruments"
          data-testid="report-instrument-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('report.instruments.instrument')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('report.instruments.weight')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('report.instruments.score')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('report.instruments.n')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('report.instruments.minimum')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('report.instruments.margin')}
              </Table.Th>
              <Table.Th scope="col">{t('report.instruments.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.instruments.map((i) => (
              <Table.Tr key={i.code}>
                <Table.Th scope="row" fw={400}>
                  <Text span fw={600}>
                    {i.code}
                  </Text>{' '}
                  <Text span size="sm" c="dimmed">
                    {pick(i.name, lang)}
                  </Text>
                </Table.Th>
                <Table.Td ta="right">{`${formatScore(i.weight, 0)}%`}</Table.Td>
                <Table.Td ta="right">{formatScore(i.score)}</Table.Td>
                <Table.Td ta="right">{count(i.n)}</Table.Td>
                <Table.Td ta="right">{count(i.minimum)}</Table.Td>
                <Table.Td ta="right">
                  {i.marginOfError === null
                    ? '–'
                    : t('report.instruments.marginValue', { margin: formatScore(i.marginOfError) })}
                </Table.Td>
                <Table.Td>
                  {i.notProcessed ? (
                    <Text span c="red.8" fw={600}>
                      <span aria-hidden>✗ </span>
                      {t('report.instruments.notProcessed', {
                        reason: lang === 'th' ? i.notProcessed.th : i.notProcessed.en,
                      })}
                    </Text>
                  ) : (
                    <Text span c="green.8" style={{ whiteSpace: 'nowrap' }}>
                      <span aria-hidden>✓ </span>
                      {t('report.instruments.processed')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
