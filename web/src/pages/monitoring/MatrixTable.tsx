// The progress matrix: every agency in scope × the year's stages. Filters, sort and page live in the address
// (shareable, Back works); column headers sort (aria-sort); a checkbox column selects agencies for the
// reminder action (wired by the reminders feature); the whole filtered table downloads as a streamed XLSX.
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { MONITORED_STAGES } from '@server/core/monitoring/progress.ts';
import { AGENCY_TYPES } from '@server/shared/agency-types.ts';
import { Fragment, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { type MatrixParams, type MatrixRow, matrixXlsxUrl, useMatrix } from '../../api/monitoring.ts';
import { useMinistries, useProvinces } from '../../api/reference.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PaginationFooter } from '../../components/PaginationFooter.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { agencyTypeWords } from '../../lib/agency-words.ts';
import { formatCount, formatDate } from '../../lib/format.ts';
import { useListParams } from '../../lib/list-params.ts';
import { pick, pickName } from '../../lib/localized.ts';
import { SendReminderModal } from '../notices/SendReminderModal.tsx';
import { matrixFiltersOf } from './matrix-address.ts';
import { StageCellView } from './StageCellView.tsx';
import { STAGE_STATES } from './stage-view.ts';

const PAGE_SIZE = 50;
/** Sorts that put the worst first by default (the server's default direction too). */
const LATENESS_SORTS = new Set<string>(['behind', ...MONITORED_STAGES]);

export function useMatrixParams(): MatrixParams & { set: ReturnType<typeof useListParams> } {
  const list = useListParams();
  return {
    ...matrixFiltersOf(list.params),
    page: list.page,
    pageSize: PAGE_SIZE,
    set: list,
  };
}

export function MatrixTable({ year }: { year: number }) {
  const { lang, t } = useLang();
  const { set, ...params } = useMatrixParams();
  const matrix = useMatrix(year, params);
  const provinces = useProvinces();
  const ministries = useMinistries();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [search, setSearch] = useState(params.q ?? '');
  const sort = params.sort ?? 'behind';
  const dir = params.dir ?? (LATENESS_SORTS.has(sort) ? 'desc' : 'asc');
  const toggleSort = (column: string) => {
    const defaultDir = LATENESS_SORTS.has(column) ? 'desc' : 'asc';
    const nextDir = column === sort ? (dir === 'asc' ? 'desc' : 'asc') : defaultDir;
    set.update({ sort: column, dir: nextDir === defaultDir ? '' : nextDir });
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const sortHeader = (column: string, label: string) => {
    const active = sort === column;
    return (
      <Table.Th scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <UnstyledButton
          onClick={() => toggleSort(column)}
          aria-label={t('monitoring.sort.by', { column: label })}
        >
          <Text size="sm" fw={700} span>
            {label} {active ? (dir === 'asc' ? '▲' : '▼') : '↕'}
          </Text>
        </UnstyledButton>
      </Table.Th>
    );
  };

  return (
    <Stack gap="sm" data-testid="monitoring-matrix">
      <Group align="flex-end" wrap="wrap" gap="sm" role="search" aria-label={t('monitoring.filters.label')}>
        <TextInput
          label={t('monitoring.filters.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          onBlur={() => set.update({ q: search.trim() })}
          onKeyDown={(e) => e.key === 'Enter' && set.update({ q: search.trim() })}
          w={{ base: '100%', xs: 220 }}
        />
        <Select
          label={t('monitoring.filters.province')}
          placeholder={t('monitoring.filters.all')}
          value={params.province ?? null}
          onChange={(v) => set.update({ province: v ?? '' })}
          data={(provinces.data ?? []).map((p) => ({ value: p.code, label: pickName(p, lang) }))}
          searchable
          clearable
          w={{ base: '100%', xs: 180 }}
        />
        <Select
          label={t('monitoring.filters.ministry')}
          placeholder={t('monitoring.filters.all')}
          value={params.ministry ?? null}
          onChange={(v) => set.update({ ministry: v ?? '' })}
          data={(ministries.data ?? []).map((m) => ({ value: m.code, label: pickName(m, lang) }))}
          searchable
          clearable
          w={{ base: '100%', xs: 200 }}
        />
        <Select
          label={t('monitoring.filters.type')}
          placeholder={t('monitoring.filters.all')}
          value={params.type ?? null}
          onChange={(v) => set.update({ type: v ?? '' })}
          data={AGENCY_TYPES.map((ty) => ({ value: ty, label: agencyTypeWords(ty, lang) }))}
          clearable
          w={{ base: '100%', xs: 200 }}
        />
        <Select
          label={t('monitoring.filters.stage')}
          placeholder={t('monitoring.filters.all')}
          value={params.stage ?? null}
          onChange={(v) => set.update({ stage: v ?? '' })}
          data={MONITORED_STAGES.map((s) => ({ value: s, label: t(`monitoring.stage.${s}`) }))}
          clearable
          w={{ base: '100%', xs: 180 }}
        />
        <Select
          label={t('monitoring.filters.state')}
          placeholder={t('monitoring.filters.all')}
          value={params.state ?? null}
          onChange={(v) => set.update({ state: v ?? '' })}
          data={STAGE_STATES.map((s) => ({ value: s, label: t(`monitoring.state.${s}`) }))}
          clearable
          w={{ base: '100%', xs: 160 }}
        />
        <Select
          label={t('monitoring.sort.label')}
          value={sort}
          onChange={(v) => set.update({ sort: v ?? '', dir: '' })}
          data={[
            ...(['behind', 'name', 'code', 'province', 'ministry', 'type'] as const).map((c) => ({
              value: c as string,
              label: t(`monitoring.columns.${c}`),
            })),
            ...MONITORED_STAGES.map((c) => ({ value: c as string, label: t(`monitoring.stage.${c}`) })),
          ]}
          allowDeselect={false}
          w={{ base: '100%', xs: 160 }}
        />
        <Switch
          label={t('monitoring.filters.behind')}
          checked={params.behind === 'true'}
          onChange={(e) => set.update({ behind: e.currentTarget.checked ? 'true' : '' })}
        />
        <Button
          variant="subtle"
          size="xs"
          onClick={() => {
            setSearch('');
            set.clear();
          }}
        >
          {t('monitoring.filters.clear')}
        </Button>
      </Group>
      <ReminderBar year={year} selected={[...selected]} />
      <QueryState
        query={matrix}
        isEmpty={(d) => d.items.length === 0}
        empty={<EmptyState title={t('monitoring.none')} hint={t('monitoring.noneHint')} />}
      >
        {(data) => (
          <>
            <Group justify="space-between" wrap="wrap">
              <Text size="sm" role="status">
                {t('monitoring.summary', {
                  agencies: formatCount(data.summary.agencies, lang),
                  behind: formatCount(data.summary.behind, lang),
                  overdue: formatCount(data.summary.overdue, lang),
                })}{' '}
                · {t('monitoring.asOf', { date: formatDate(data.today, lang) })}
              </Text>
              <Button component="a" href={matrixXlsxUrl(year, params)} variant="default" size="xs" download>
                {t('monitoring.downloadXlsx')}
              </Button>
            </Group>
            <Table.ScrollContainer minWidth={900}>
              <Table withTableBorder striped aria-label={t('monitoring.title')} verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">
                      <Checkbox
                        aria-label={t('monitoring.columns.selectAll')}
                        checked={data.items.length > 0 && data.items.every((r) => selected.has(r.agency.id))}
                        onChange={(e) => {
                          const on = e.currentTarget.checked;
                          for (const r of data.items) toggle(r.agency.id, on);
                        }}
                      />
                    </Table.Th>
                    {sortHeader('name', t('monitoring.columns.agency'))}
                    {sortHeader('behind', t('monitoring.columns.behind'))}
                    {data.stages.map((s) => (
                      <Fragment key={s.code}>{sortHeader(s.code, pick(s.name, lang))}</Fragment>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((row) => (
                    <MatrixLine
                      key={row.agency.id}
                      row={row}
                      stages={data.stages.map((s) => s.code)}
                      checked={selected.has(row.agency.id)}
                      onCheck={(on) => toggle(row.agency.id, on)}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <PaginationFooter
              page={data.page}
              total={data.total}
              pageSize={data.pageSize}
              onChange={set.setPage}
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function MatrixLine({
  row,
  stages,
  checked,
  onCheck,
}: {
  row: MatrixRow;
  stages: readonly string[];
  checked: boolean;
  onCheck: (on: boolean) => void;
}) {
  const { lang, t } = useLang();
  const cells = new Map(row.stages.map((c) => [c.code as string, c]));
  const name = pickName(row.agency, lang);
  return (
    <Table.Tr>
      <Table.Td>
        <Checkbox
          aria-label={t('monitoring.columns.selectOne', { name })}
          checked={checked}
          onChange={(e) => onCheck(e.currentTarget.checked)}
        />
      </Table.Td>
      <Table.Th scope="row" miw={180} fw="normal">
        <Anchor component={RouterLink} to={`/agencies/${row.agency.id}`} size="sm" fw={600}>
          {name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {row.agency.code} · {agencyTypeWords(row.agency.type, lang)}
          {row.agency.province ? ` · ${pick(row.agency.province.name, lang)}` : ''}
        </Text>
        {row.agency.ministry && (
          <Text size="xs" c="dimmed">
            {pick(row.agency.ministry.name, lang)}
          </Text>
        )}
      </Table.Th>
      <Table.Td miw={110}>
        {row.behind === 0 ? (
          <Badge color="teal" variant="light" size="sm">
            {t('monitoring.behind.none')}
          </Badge>
        ) : row.overdueStages > 0 ? (
          <Badge color="red" size="sm">
            {t('monitoring.behind.overdue', { n: row.overdueStages })}
          </Badge>
        ) : (
          <Badge color="orange" variant="light" size="sm">
            {t('monitoring.behind.pending')}
          </Badge>
        )}
        {row.nextTask && (
          <Text size="xs" mt={4}>
            {t(`monitoring.task.${row.nextTask}`)}
          </Text>
        )}
      </Table.Td>
      {stages.map((code) => {
        const cell = cells.get(code);
        return (
          <Table.Td key={code}>{cell ? <StageCellView cell={cell} /> : <Text size="xs">–</Text>}</Table.Td>
        );
      })}
    </Table.Tr>
  );
}

/** The reminder action over the selected agencies: the reminders feature's dialog (preview, then send). */
function ReminderBar({ year, selected }: { year: number; selected: string[] }) {
  const { lang, t } = useLang();
  const [opened, setOpened] = useState(false);
  return (
    <Paper
      withBorder
      p="xs"
      role="region"
      aria-label={t('monitoring.reminders.title')}
      data-testid="reminder-bar"
    >
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm">{t('monitoring.reminders.selected', { n: formatCount(selected.length, lang) })}</Text>
        <Button size="xs" disabled={selected.length === 0} onClick={() => setOpened(true)}>
          {t('monitoring.reminders.send')}
        </Button>
      </Group>
      <SendReminderModal year={year} agencyIds={selected} opened={opened} onClose={() => setOpened(false)} />
    </Paper>
  );
}
