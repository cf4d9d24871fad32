// The year's runs and previews, newest first: when, who, kind and scope, framework version, inputs hash
// (shortened), status in words, the error of a failed run; one is opened below the table.
import { Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useAgencyDetails } from '../../api/agencies.ts';
import { useProvinces } from '../../api/reference.ts';
import type { Run } from '../../api/results.ts';
import { DownloadXlsxButton } from '../../components/DownloadXlsxButton.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { pickName } from '../../lib/localized.ts';
import type { XlsxColumn } from '../../lib/xlsx.ts';
import { RunProgress, RunStatusBadge } from './RunProgress.tsx';
import { shortHash } from './run-view.ts';

/** "Preview · one agency: <name>" and the like: what a run covered, in words. */
export function useScopeLabel(runs: readonly Run[]) {
  const { lang, t } = useLang();
  const provinces = useProvinces();
  const agencyIds = [
    ...new Set(runs.filter((r) => r.scope === 'agency' && r.scopeValue).map((r) => r.scopeValue as string)),
  ];
  const agencies = useAgencyDetails(agencyIds);
  const agencyName = new Map(
    agencies.flatMap((q) => (q.data ? [[q.data.id, pickName(q.data, lang)] as const] : [])),
  );
  return (run: Run): string => {
    const scope = t(`processing.scopes.${run.scope}`);
    if (run.scope === 'province') {
      const p = provinces.data?.find((x) => x.code === run.scopeValue);
      return `${scope}: ${p ? pickName(p, lang) : (run.scopeValue ?? '')}`;
    }
    if (run.scope === 'agency') return `${scope}: ${agencyName.get(run.scopeValue ?? '') ?? '…'}`;
    return scope;
  };
}

export function RunsTable({
  year,
  runs,
  openId,
  onOpen,
}: {
  year: number;
  runs: readonly Run[];
  openId: string | null;
  onOpen: (id: string) => void;
}) {
  const { lang, t } = useLang();
  const scopeLabel = useScopeLabel(runs);
  const columns: XlsxColumn<Run>[] = [
    { header: t('processing.runs.when'), value: (r) => formatDateTime(r.createdAt, lang) },
    { header: t('processing.runs.who'), value: (r) => r.createdByName ?? '—' },
    { header: t('processing.runs.kind'), value: (r) => t(`processing.kinds.${r.kind}`) },
    { header: t('processing.runs.scope'), value: scopeLabel },
    { header: t('processing.runs.framework'), value: (r) => r.frameworkVersion },
    { header: t('processing.runs.hash'), value: (r) => r.inputsHash ?? '' },
    { header: t('processing.runs.status'), value: (r) => t(`processing.status.${r.status}`) },
    { header: t('processing.runs.agencies'), value: (r) => r.progress.total },
    { header: t('processing.runs.error'), value: (r) => r.error ?? '' },
  ];
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={760}>
        <Table striped withTableBorder verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('processing.runs.when')}</Table.Th>
              <Table.Th>{t('processing.runs.who')}</Table.Th>
              <Table.Th>{t('processing.runs.kind')}</Table.Th>
              <Table.Th>{t('processing.runs.framework')}</Table.Th>
              <Table.Th>{t('processing.runs.hash')}</Table.Th>
              <Table.Th>{t('processing.runs.status')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('processing.runs.open')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.map((r) => {
              const active = r.status === 'queued' || r.status === 'running';
              return (
                <Table.Tr key={r.id} data-run={r.id} bg={r.id === openId ? 'blue.0' : undefined}>
                  <Table.Td>{formatDateTime(r.createdAt, lang)}</Table.Td>
                  <Table.Td>{r.createdByName ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`processing.kinds.${r.kind}`)}</Text>
                    <Text size="xs" c="dimmed">
                      {scopeLabel(r)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {r.frameworkVersion === null
                      ? '—'
                      : t('processing.runs.frameworkVersion', { version: r.frameworkVersion })}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace" title={r.inputsHash ?? undefined}>
                      {shortHash(r.inputsHash)}
                    </Text>
                  </Table.Td>
                  <Table.Td miw={active ? 200 : undefined}>
                    {active ? <RunProgress run={r} /> : <RunStatusBadge status={r.status} />}
                    {r.error && (
                      <Text size="xs" c="red.8" mt={4}>
                        {r.error}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant={r.id === openId ? 'filled' : 'light'}
                      onClick={() => onOpen(r.id)}
                      aria-pressed={r.id === openId}
                      aria-label={`${t('processing.runs.open')} ${formatDateTime(r.createdAt, lang)}`}
                    >
                      {r.id === openId ? t('processing.runs.opened') : t('processing.runs.open')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        <DownloadXlsxButton
          fileName={t('processing.runs.file', { year })}
          sheetName={t('processing.runs.sheet')}
          columns={columns}
          rows={runs}
        />
      </Group>
    </Stack>
  );
}
