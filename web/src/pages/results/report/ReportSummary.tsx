// The report's first section: the total, the rating and pass/fail, last year's total and the change, in
// words and colour (never colour alone: an arrow and "เพิ่มขึ้น/ลดลง" say it too).
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { AgencyReport } from '../../../api/report.ts';
import { useLang } from '../../../i18n/index.ts';
import { formatFiscalYearShort, formatScore } from '../../../lib/format.ts';
import { pick } from '../../../lib/localized.ts';
import { scoreChange, weakestCodes } from './report-view.ts';

const ARROW = { up: '▲', down: '▼', same: '■' } as const;
const CHANGE_COLOR = { up: 'green.8', down: 'red.8', same: 'gray.7' } as const;

export function ReportSummary({ report }: { report: AgencyReport }) {
  const { lang, t } = useLang();
  const change = scoreChange(report.total, report.previous?.total);
  const weakest = weakestCodes(report.questions);
  const threshold = formatScore(report.passThreshold, 0);
  return (
    <Paper
      withBorder
      p={{ base: 'xs', sm: 'md' }}
      component="section"
      aria-labelledby="report-summary"
      className="report-section"
    >
      <Title order={2} size="h3" id="report-summary" mb="sm">
        {t('report.summary.heading')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t('report.summary.total')}
          </Text>
          <Text fz={40} fw={700} lh={1.1} data-testid="report-total">
            {formatScore(report.total)}
          </Text>
          <Text size="sm">{t('report.summary.outOf')}</Text>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('report.summary.rating')}
          </Text>
          <Group gap="xs">
            <Badge
              size="xl"
              variant="light"
              color={report.passes ? 'green' : 'red'}
              data-testid="report-rating"
            >
              {pick(report.rating, lang)}
            </Badge>
          </Group>
          <Text size="sm" fw={600} c={report.passes ? 'green.8' : 'red.8'}>
            <span aria-hidden>{report.passes ? '✓ ' : '✗ '}</span>
            {t(report.passes ? 'report.summary.passes' : 'report.summary.fails', { threshold })}
          </Text>
        </Stack>
        <Stack gap={4}>
          {report.previous ? (
            <>
              <Text size="sm" c="dimmed">
                {t('report.summary.previous', { year: formatFiscalYearShort(report.previous.year, lang) })}
              </Text>
              <Text fz={24} fw={600} lh={1.2}>
                {formatScore(report.previous.total)}
                {report.previous.rating && (
                  <Text span size="sm" fw={400} ml="xs">
                    ({pick(report.previous.rating, lang)})
                  </Text>
                )}
              </Text>
              {change && (
                <Text size="sm" fw={600} c={CHANGE_COLOR[change.direction]} data-testid="report-change">
                  <span aria-hidden>{ARROW[change.direction]} </span>
                  {change.direction === 'same'
                    ? t('report.summary.same')
                    : t(`report.summary.${change.direction}`, {
                        difference: formatScore(Math.abs(change.difference)),
                      })}
                </Text>
              )}
              {report.previous.source === 'imported' && (
                <Text size="xs" c="dimmed">
                  {t('report.summary.previousImported')}
                </Text>
              )}
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('report.summary.previousNone')}
            </Text>
          )}
        </Stack>
      </SimpleGrid>
      {weakest.length > 0 && (
        <Text size="sm" mt="sm">
          {t('report.summary.weakest', { codes: weakest.join(', ') })}
        </Text>
      )}
    </Paper>
  );
}
