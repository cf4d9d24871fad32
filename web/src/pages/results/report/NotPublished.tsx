// Before the publication takes effect the API answers 404 `results_not_published`: say so, when the
// framework's calendar plans the announcement, and what to do meanwhile.
import { Button, Stack, Text } from '@mantine/core';
import { Link as RouterLink } from 'react-router';
import { useAgencyCalendar } from '../../../api/calendar.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { useLang } from '../../../i18n/index.ts';
import { formatDateRange } from '../../../lib/format.ts';

export function NotPublished({ agencyId, year }: { agencyId: string; year: number }) {
  const { lang, t } = useLang();
  const calendar = useAgencyCalendar(agencyId, year);
  const stage = (code: string) => calendar.data?.stages.find((s) => s.code === code);
  const publication = stage('publication');
  const processing = stage('processing');
  return (
    <Stack gap="sm" data-testid="report-not-published">
      <EmptyState
        title={t('report.notPublished.title')}
        hint={t('report.notPublished.hint')}
        action={
          <Stack gap="xs" align="center">
            {processing && (
              <Text size="sm">
                {t('report.notPublished.processing', {
                  range: formatDateRange(processing.start, processing.effectiveEnd, lang),
                })}
              </Text>
            )}
            {publication && (
              <Text size="sm" fw={600}>
                {t('report.notPublished.scheduled', {
                  range: formatDateRange(publication.start, publication.effectiveEnd, lang),
                })}
              </Text>
            )}
            <Button component={RouterLink} to={`/agencies/${agencyId}`} variant="light">
              {t('report.backToAgency')}
            </Button>
          </Stack>
        }
      />
    </Stack>
  );
}
