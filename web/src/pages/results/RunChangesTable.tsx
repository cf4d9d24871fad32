// A finished run against another finished run of the year (by default the published one, else the previous
// run): the agencies whose total or rating changed and by how much, sortable by each column, downloadable.
import { Badge, Group, Select, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useFramework } from '../../api/frameworks.ts';
import { type Publication, type Run, useRunChanges } from '../../api/results.ts';
import { DownloadXlsxButton } from '../../components/DownloadXlsxButton.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDateTime, formatScore } from '../../lib/format.ts';
import type { XlsxColumn } from '../../lib/xlsx.ts';
import { ratingLabel } from './framework-words.ts';
import {
  type ChangeRow,
  type ChangeSort,
  comparableRuns,
  defaultAgainst,
  type SortDirection,
  signedScore,
  sortChanges,
} from './run-view.ts';

export function RunChangesTable({
  year,
  run,
  runs,
  publications,
}: {
  year: number;
  run: Run;
  runs: readonly Run[];
  publications: readonly Publication[];
}) {
  const { lang, t } = useLang();
  const [chosen, setChosen] = useState<string | null>(null);
  const [sort, setSort] = useState<{ by: ChangeSort; dir: SortDirection }>({ by: 'difference', dir: 'desc' });
  const framework = useFramework(year).data?.framework;
  const candidates = comparableRuns(run, runs);
  const against = chosen ?? defaultAgainst(run, runs, publications);
  const query = useRunChanges(year, run.id, against);
  const published = publications.find((p) => p.state === 'in_effect')?.runId;

  if (candidates.length === 0) return <Text c="dimmed">{t('processing.changes.noOther')}</Text>;

  const runLabel = (r: Run) =>
    `${formatDateTime(r.createdAt, lang)} · ${t(`processing.kinds.${r.kind}`)}${
      r.id === published ? ` (${t('processing.changes.published')})` : ''
    }`;
  const rating = (x: ChangeRow['before']) => (x ? ratingLabel(framework, x.ratingCode, lang) : '');
  const columns: XlsxColumn<ChangeRow>[] = [
    { header: t('processing.results.code'), value: (r) => r.code },
    { header: t('processing.changes.agency'), value: (r) => r.nameTh },
    {
      header: `${t('processing.changes.before')} ${t('processing.results.total')}`,
      value: (r) => r.before?.total ?? null,
    },
    {
      header: `${t('processing.changes.before')} ${t('processing.changes.rating')}`,
      value: (r) => rating(r.before),
    },
    {
      header: `${t('processing.changes.after')} ${t('processing.results.total')}`,
      value: (r) => r.after?.total ?? null,
    },
    {
      header: `${t('processing.changes.after')} ${t('processing.changes.rating')}`,
      value: (r) => rating(r.after),
    },
    { header: t('processing.changes.difference'), value: (r) => r.difference },
    {
      header: t('processing.changes.ratingChanged'),
      value: (r) => (r.ratingChanged ? t('processing.changes.ratingChanged') : ''),
    },
  ];
  const header = (by: ChangeSort, label: string, align?: 'right') => {
    const current = sort.by === by;
    return (
      <Table.Th ta={align} aria-sort={current ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <UnstyledButton
          onClick={() => setSort({ by, dir: current && sort.dir === 'desc' ? 'asc' : 'desc' })}
          aria-label={t('processing.changes.sortBy', { column: label })}
          fw={600}
          fz="sm"
        >
          {label} {current ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
        </UnstyledButton>
      </Table.Th>
    );
  };

  return (
    <Stack gap="sm">
      <Select
        label={t('processing.changes.against')}
        description={t('processing.changes.againstHint')}
        data={candidates.map((r) => ({ value: r.id, label: runLabel(r) }))}
        value={against}
        onChange={(v) => v && setChosen(v)}
        allowDeselect={false}
        maw={420}
      />
      <QueryState
        query={query}
        isEmpty={(d) => d.items.length === 0}
        empty={<EmptyState title={t('processing.changes.none')} hint={t('processing.changes.againstHint')} />}
      >
        {(data) => {
          const rows = sortChanges(data.items, sort.by, sort.dir);
          return (
            <Stack gap="xs">
              <Text size="sm" role="status">
                {t('processing.changes.count', { count: data.items.length })}
              </Text>
              <Table.ScrollContainer minWidth={620}>
                <Table
                  striped
                  withTableBorder
                  verticalSpacing="xs"
                  aria-label={t('processing.changes.sheet')}
                >
                  <Table.Thead>
                    <Table.Tr>
                      {header('agency', t('processing.changes.agency'))}
                      {header('before', t('processing.changes.before'), 'right')}
                      {header('after', t('processing.changes.after'), 'right')}
                      {header('difference', t('processing.changes.difference'), 'right')}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((r) => (
                      <Table.Tr key={r.agencyId}>
                        <Table.Td>
                          <Text size="sm">{r.nameTh ?? r.agencyId}</Text>
                          <Text size="xs" c="dimmed">
                            {r.code}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          <Total value={r.before} rating={rating(r.before)} />
                        </Table.Td>
                        <Table.Td ta="right">
                          <Total value={r.after} rating={rating(r.after)} />
                        </Table.Td>
                        <Table.Td ta="right">
                          <Text
                            size="sm"
                            fw={600}
                            c={r.difference === null ? undefined : r.difference < 0 ? 'red.8' : 'green.8'}
                          >
                            {r.difference === null ? '—' : signedScore(r.difference)}
                          </Text>
                          {r.ratingChanged && (
                            <Badge size="xs" color="orange" variant="light">
                              {t('processing.changes.ratingChanged')}
                            </Badge>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Group>
                <DownloadXlsxButton
                  fileName={t('processing.changes.file', { year, run: run.id.slice(0, 8) })}
                  sheetName={t('processing.changes.sheet')}
                  columns={columns}
                  rows={rows}
                />
              </Group>
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}

function Total({ value, rating }: { value: ChangeRow['before']; rating: string }) {
  const { t } = useLang();
  if (!value)
    return (
      <Text size="xs" c="dimmed">
        {t('processing.changes.notIn')}
      </Text>
    );
  return (
    <>
      <Text size="sm">{formatScore(value.total)}</Text>
      <Text size="xs" c="dimmed">
        {rating}
      </Text>
    </>
  );
}
