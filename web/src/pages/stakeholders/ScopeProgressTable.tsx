// Progress of every agency in the actor's scope, furthest behind first (supervisor home, admin page).
import { Anchor, Badge, Button, Group, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { AGENCY_TYPES } from '@server/shared/agency-types.ts';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useProvinces } from '../../api/reference.ts';
import { type ProgressFilters, useScopeProgress } from '../../api/stakeholders.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PaginationFooter } from '../../components/PaginationFooter.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { agencyTypeWords } from '../../lib/agency-words.ts';
import { formatCount } from '../../lib/format.ts';
import { pick, pickName } from '../../lib/localized.ts';
import { progressLabel } from './ProgressBars.tsx';
import { countOfMinimum, progressColor, statusColor } from './progress-view.ts';

/** `preview` shows the first rows only, with a link to the full page; otherwise filters and pages. */
export function ScopeProgressTable({ year, preview = false }: { year: number; preview?: boolean }) {
  const { lang, t } = useLang();
  const [filters, setFilters] = useState<ProgressFilters>({
    sort: 'behind',
    page: 1,
    pageSize: preview ? 10 : 50,
  });
  const provinces = useProvinces();
  const progress = useScopeProgress(year, filters);
  const set = (patch: ProgressFilters) => setFilters((f) => ({ ...f, page: 1, ...patch }));

  return (
    <Stack gap="sm" data-testid="scope-progress">
      {preview && (
        <Title order={2} size="h4">
          {t('stakeholders.progress.title')}
        </Title>
      )}
      {!preview && (
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('stakeholders.progress.sort')}
            value={filters.sort ?? 'behind'}
            onChange={(v) => set({ sort: (v as 'behind' | 'name') ?? 'behind' })}
            data={[
              { value: 'behind', label: t('stakeholders.progress.sortBehind') },
              { value: 'name', label: t('stakeholders.progress.sortName') },
            ]}
            allowDeselect={false}
          />
          <Select
            label={t('stakeholders.progress.province')}
            placeholder={t('stakeholders.progress.all')}
            value={filters.province ?? null}
            onChange={(v) => set({ province: v ?? undefined })}
            data={(provinces.data ?? []).map((p) => ({ value: p.code, label: pickName(p, lang) }))}
            searchable
            clearable
          />
          <Select
            label={t('stakeholders.progress.type')}
            placeholder={t('stakeholders.progress.all')}
            value={filters.type ?? null}
            onChange={(v) => set({ type: v ?? undefined })}
            data={AGENCY_TYPES.map((ty) => ({ value: ty, label: agencyTypeWords(ty, lang) }))}
            clearable
          />
        </Group>
      )}
      <QueryState
        query={progress}
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState title={t('stakeholders.progress.none')} hint={t('stakeholders.progress.intro')} />}
      >
        {(data) => (
          <>
            <Table.ScrollContainer minWidth={640}>
              <Table withTableBorder striped aria-label={t('stakeholders.progress.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('stakeholders.progress.agency')}</Table.Th>
                    {data.instruments.map((i) => (
                      <Table.Th scope="col" key={i.code} title={pick(i.name, lang)}>
                        {i.code}
                      </Table.Th>
                    ))}
                    <Table.Th scope="col">{t('stakeholders.progress.stakeholder')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((row) => (
                    <Table.Tr key={row.agency.id}>
                      <Table.Td>
                        <Anchor component={RouterLink} to={`/agencies/${row.agency.id}`} size="sm">
                          {pickName(row.agency, lang)}
                        </Anchor>
                      </Table.Td>
                      {row.instruments.map((e) => (
                        <Table.Td key={e.instrument} miw={110}>
                          <Text size="xs">{countOfMinimum(e, lang)}</Text>
                          <Progress
                            value={e.percent ?? 0}
                            color={progressColor(e)}
                            size="sm"
                            aria-label={progressLabel(e, t, lang)}
                          />
                        </Table.Td>
                      ))}
                      <Table.Td>
                        <Badge color={statusColor(row.stakeholder.status)} variant="light" size="sm">
                          {t(`stakeholders.status.${row.stakeholder.status}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <PaginationFooter
              page={data.page}
              total={data.total}
              pageSize={data.pageSize}
              onChange={(page) => setFilters((f) => ({ ...f, page }))}
              summary={t('stakeholders.progress.total', { n: formatCount(data.total, lang) })}
              aside={
                preview
                  ? data.total > data.items.length && (
                      <Button component={RouterLink} to="/progress" variant="light" size="xs">
                        {t('stakeholders.progress.seeAll')}
                      </Button>
                    )
                  : undefined
              }
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
