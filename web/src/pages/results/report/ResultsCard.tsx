// "ผลการประเมิน" on an agency's home: its results reports by year (the agency's people look here first).
import { Paper, Stack, Title } from '@mantine/core';
import { useAgency } from '../../../api/agencies.ts';
import { useLang } from '../../../i18n/index.ts';
import { ReportLinks } from './ReportLinks.tsx';

export function ResultsCard({ agencyId }: { agencyId: string }) {
  const { t } = useLang();
  const agency = useAgency(agencyId);
  const years = (agency.data?.participations ?? []).map((p) => p.year);
  if (years.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('report.results')}
        </Title>
        <ReportLinks agencyId={agencyId} years={years} />
      </Stack>
    </Paper>
  );
}
