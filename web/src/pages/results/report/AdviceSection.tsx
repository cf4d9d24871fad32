// The assessors' advice on IIT and EIT as agencies quote it (seed 002: "ข้อ I20 ประเด็น … ข้อเสนอแนะ …") and
// their overall comment.
import { Paper, Stack, Text, Title } from '@mantine/core';
import type { AgencyReport, ReportAdviceEntry } from '../../../api/report.ts';
import { useLang } from '../../../i18n/index.ts';
import { pick } from '../../../lib/localized.ts';

function Entry({ entry }: { entry: ReportAdviceEntry }) {
  const { lang, t } = useLang();
  return (
    <Stack gap={2} className="report-keep">
      <Text fw={600}>
        {entry.questionCode
          ? t('report.advice.line', { code: entry.questionCode })
          : t('report.advice.whole')}
        {entry.questionText && (
          <Text span fw={400} c="dimmed" size="sm">
            {' '}
            {pick(entry.questionText, lang)}
          </Text>
        )}
      </Text>
      <Text size="sm">
        <Text span fw={600}>
          {t('report.advice.issue')}
        </Text>{' '}
        {entry.issue}
      </Text>
      <Text size="sm">
        <Text span fw={600}>
          {t('report.advice.advice')}
        </Text>{' '}
        {entry.advice}
      </Text>
    </Stack>
  );
}

export function AdviceSection({ report }: { report: AgencyReport }) {
  const { t } = useLang();
  const { iit, eit, overall } = report.advice;
  const none = iit.length === 0 && eit.length === 0 && !overall;
  return (
    <Paper
      withBorder
      p={{ base: 'xs', sm: 'md' }}
      component="section"
      aria-labelledby="report-advice"
      className="report-section report-break"
    >
      <Title order={2} size="h3" id="report-advice" mb="sm">
        {t('report.advice.heading')}
      </Title>
      {none ? (
        <Text c="dimmed">{t('report.advice.none')}</Text>
      ) : (
        <Stack gap="md" data-testid="report-advice">
          {(
            [
              ['iit', iit],
              ['eit', eit],
            ] as const
          ).map(
            ([key, entries]) =>
              entries.length > 0 && (
                <Stack gap="sm" key={key}>
                  <Title order={3} size="h4">
                    {t(`report.advice.${key}`)}
                  </Title>
                  {entries.map((e) => (
                    <Entry key={`${e.questionCode ?? 'all'}:${e.issue}:${e.advice}`} entry={e} />
                  ))}
                </Stack>
              ),
          )}
          {overall && (
            <Stack gap={4}>
              <Title order={3} size="h4">
                {t('report.advice.overall')}
              </Title>
              <Text style={{ whiteSpace: 'pre-line' }}>{overall}</Text>
            </Stack>
          )}
        </Stack>
      )}
    </Paper>
  );
}
