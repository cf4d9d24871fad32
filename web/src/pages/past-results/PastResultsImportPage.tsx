// Admin: import results published before this system. The file is checked first (a dry run with the
// row-by-row report); only a file without problems can then be imported, all at once.
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { PAST_RESULTS_MAX_BYTES } from '@server/shared/limits.ts';
import { useState } from 'react';
import { type ImportReport, type ImportReportRow, useImportPastResults } from '../../api/past-results.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatCount, formatFiscalYear, formatScore } from '../../lib/format.ts';
import { pick } from '../../lib/localized.ts';
import { mayStore, problemLines, reportOf } from './report.ts';

const STATUS_COLOR: Record<ImportReportRow['status'], string> = {
  new: 'green',
  replace: 'blue',
  conflict: 'orange',
  invalid: 'red',
};

export default function PastResultsImportPage() {
  const { lang, t } = useLang();
  const [file, setFile] = useState<File | null>(null);
  const [replace, setReplace] = useState(false);
  const [tooLarge, setTooLarge] = useState(false);
  const check = useImportPastResults();
  const store = useImportPastResults();

  const reset = () => {
    check.reset();
    store.reset();
  };
  const run = (dryRun: boolean) => {
    if (!file) return;
    if (dryRun) reset();
    setTooLarge(file.size > PAST_RESULTS_MAX_BYTES);
    if (file.size > PAST_RESULTS_MAX_BYTES) return;
    (dryRun ? check : store).mutate({ file, dryRun, replace });
  };

  const refused = reportOf(store.error);
  const report: ImportReport | undefined = store.data ?? refused ?? check.data;
  const ready = check.data !== undefined && mayStore(check.data) && !store.data && !refused;
  const counts = report?.counts;

  return (
    <>
      <PageHeader title={t('pastResults.import.title')} description={t('pastResults.import.intro')} />
      <Stack gap="lg">
        <Paper withBorder p="lg" maw={720}>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('pastResults.import.columns')}
            </Text>
            <FileInput
              label={t('pastResults.import.file')}
              accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={(f) => {
                setFile(f);
                reset();
              }}
              clearable
            />
            <Checkbox
              label={t('pastResults.import.replace')}
              checked={replace}
              onChange={(e) => {
                setReplace(e.currentTarget.checked);
                reset();
              }}
            />
            <Group>
              <Button onClick={() => run(true)} disabled={!file} loading={check.isPending} variant="light">
                {t('pastResults.import.check')}
              </Button>
              <Button onClick={() => run(false)} disabled={!ready} loading={store.isPending}>
                {t('pastResults.import.confirm', {
                  count: formatCount((counts?.new ?? 0) + (counts?.replace ?? 0), lang),
                })}
              </Button>
            </Group>
            {check.isPending && (
              <Stack gap={4} role="status" aria-live="polite">
                <Text size="sm">{t('pastResults.import.working')}</Text>
                <Progress value={100} animated striped aria-label={t('pastResults.import.working')} />
              </Stack>
            )}
            {tooLarge && (
              <Alert color="red" role="alert">
                {t('pastResults.import.tooLarge')}
              </Alert>
            )}
            <ErrorAlert
              error={refused ? null : (store.error ?? check.error)}
              title={t('pastResults.import.failed')}
            />
            {store.data?.stored && (
              <Alert color="green" role="status">
                {t('pastResults.import.done', {
                  new: formatCount(store.data.counts.new, lang),
                  replace: formatCount(store.data.counts.replace, lang),
                })}
              </Alert>
            )}
            {report && !report.stored && (
              <Alert color={mayStore(report) && !refused ? 'green' : 'orange'} role="status">
                {mayStore(report) && !refused ? t('pastResults.import.ready') : t('pastResults.import.fix')}
              </Alert>
            )}
          </Stack>
        </Paper>

        {report && counts && (
          <Stack gap="sm">
            <Text size="sm">
              {t('pastResults.import.summary', {
                file: report.file,
                rows: formatCount(counts.rows, lang),
                new: formatCount(counts.new, lang),
                replace: formatCount(counts.replace, lang),
                conflict: formatCount(counts.conflict, lang),
                invalid: formatCount(counts.invalid, lang),
              })}
            </Text>
            <ProblemTable report={report} />
            {report.rows.length > 0 && (
              <>
                <Title order={2} size="h4">
                  {t('pastResults.import.rows')}
                </Title>
                <Table.ScrollContainer minWidth={640}>
                  <Table withTableBorder striped aria-label={t('pastResults.import.rows')}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('pastResults.import.line')}</Table.Th>
                        <Table.Th scope="col">{t('pastResults.import.status')}</Table.Th>
                        <Table.Th scope="col">{t('pastResults.import.agency')}</Table.Th>
                        <Table.Th scope="col">{t('pastResults.import.year')}</Table.Th>
                        <Table.Th scope="col" ta="right">
                          {t('pastResults.import.total')}
                        </Table.Th>
                        <Table.Th scope="col">{t('pastResults.import.rating')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {report.rows.map((r) => (
                        <Table.Tr key={r.line}>
                          <Table.Td>{r.line}</Table.Td>
                          <Table.Td>
                            <Badge color={STATUS_COLOR[r.status]} variant="light">
                              {t(`pastResults.import.statuses.${r.status}`)}
                            </Badge>
                          </Table.Td>
                          <Table.Td>{r.agencyCode ?? '–'}</Table.Td>
                          <Table.Td>{r.year === null ? '–' : formatFiscalYear(r.year, lang)}</Table.Td>
                          <Table.Td ta="right">{formatScore(r.total)}</Table.Td>
                          <Table.Td>{r.rating ? pick(r.rating.label, lang) : '–'}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </>
            )}
          </Stack>
        )}
      </Stack>
    </>
  );
}

function ProblemTable({ report }: { report: ImportReport }) {
  const { lang, t } = useLang();
  const lines = problemLines(report, lang);
  if (lines.length === 0) return null;
  return (
    <>
      <Title order={2} size="h4">
        {t('pastResults.import.problems')}
      </Title>
      <Table.ScrollContainer minWidth={520}>
        <Table withTableBorder aria-label={t('pastResults.import.problems')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('pastResults.import.line')}</Table.Th>
              <Table.Th scope="col">{t('pastResults.import.column')}</Table.Th>
              <Table.Th scope="col">{t('pastResults.import.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((p) => (
              <Table.Tr key={p.key}>
                <Table.Td>{p.line}</Table.Td>
                <Table.Td>{p.column ?? '–'}</Table.Td>
                <Table.Td>{p.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
