// The saved plan read as a whole: the activities for NACC (read-only), the chasing activities with their links
// to the agencies behind, and the XLSX of the activities table (ลำดับ | กิจกรรม | ระยะเวลา | หน่วยงานผู้รับผิดชอบ |
// สถานะ | หมายเหตุ), the columns the plans of seeds 000 and 001 print.
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { formatPeriod } from '@server/core/plans/period.ts';
import { type Plan, planExportUrl } from '../../api/plans.ts';
import { DownloadXlsxButton } from '../../components/DownloadXlsxButton.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { useLang } from '../../i18n/index.ts';
import { xlsxFileName } from '../../lib/xlsx.ts';
import { ActivityView, ChaseLinks } from './ActivityCard.tsx';

type Row = Plan['activities'][number] & { n: number };

/** The plan as an official document (DOCX, PDF) and its activities table as XLSX. */
export function PlanTableDownload({ plan }: { plan: Plan }) {
  const { lang, t } = useLang();
  const rows: Row[] = plan.activities.map((a, i) => ({ ...a, n: i + 1 }));
  const file = (format: 'docx' | 'pdf') => planExportUrl(plan.year, plan.scope.kind, plan.scope.code, format);
  return (
    <Group gap="xs">
      <Button component="a" href={file('docx')} download variant="default" size="xs">
        {t('plans.downloadDocx')}
      </Button>
      <Button component="a" href={file('pdf')} download variant="default" size="xs">
        {t('plans.downloadPdf')}
      </Button>
      <XlsxDownload plan={plan} rows={rows} lang={lang} />
    </Group>
  );
}

function XlsxDownload({ plan, rows, lang }: { plan: Plan; rows: Row[]; lang: 'th' | 'en' }) {
  const { t } = useLang();
  return (
    <DownloadXlsxButton<Row>
      fileName={xlsxFileName(`plan-${plan.scope.code}-${plan.year}`)}
      sheetName={t('plans.sheet')}
      label={t('plans.downloadXlsx')}
      columns={[
        { header: t('plans.number'), value: (r) => r.n, width: 8 },
        { header: t('plans.activity'), value: (r) => r.title, width: 60 },
        { header: t('plans.period'), value: (r) => formatPeriod(r.period, lang), width: 28 },
        { header: t('plans.offices'), value: (r) => r.offices.join('\n'), width: 40 },
        { header: t('plans.statusLabel'), value: (r) => t(`plans.status.${r.status}`), width: 16 },
        { header: t('plans.notes'), value: (r) => r.notes ?? '', width: 30 },
      ]}
      rows={rows}
    />
  );
}

/** The saved activities that chase agencies, with a link per stage to the agencies still behind. */
export function ChasingSummary({ plan }: { plan: Plan }) {
  const { t } = useLang();
  const chasing = plan.activities.map((a, i) => ({ a, n: i + 1 })).filter(({ a }) => a.chases.length > 0);
  if (chasing.length === 0) return null;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="plans-chasing">
      <Stack gap="xs">
        <Title order={2} size="h5" id="plans-chasing">
          {t('plans.chasingTitle')}
        </Title>
        {chasing.map(({ a, n }) => (
          <Stack key={n} gap={2}>
            <Text size="sm" lineClamp={2}>
              {n}. {a.title}
            </Text>
            <ChaseLinks chases={a.chases} />
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

export function PlanReadOnly({ plan }: { plan: Plan }) {
  const { t } = useLang();
  if (!plan.exists) return <EmptyState title={t('plans.notYetTitle')} hint={t('plans.notYetHint')} />;
  return (
    <Stack gap="sm">
      {plan.activities.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list, replaced as a whole when the plan reloads
        <ActivityView key={`${i}:${a.title}`} activity={a} number={i + 1} />
      ))}
      <div>
        <PlanTableDownload plan={plan} />
      </div>
    </Stack>
  );
}
