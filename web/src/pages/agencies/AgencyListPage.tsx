// Agencies the signed-in user may see (the server filters by scope): search, filters, pages.
import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { PAGE_SIZE_DEFAULT } from '@server/shared/limits.ts';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useAgencies } from '../../api/agencies.ts';
import { useUser } from '../../api/auth.ts';
import { latestYear, useFrameworks } from '../../api/frameworks.ts';
import { useAgencyTypes, useProvinces } from '../../api/reference.ts';
import { useCan } from '../../auth/permissions.ts';
import { AgencyTable } from '../../components/AgencyTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PaginationFooter } from '../../components/PaginationFooter.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatCount, formatFiscalYearShort } from '../../lib/format.ts';
import { useListParams } from '../../lib/list-params.ts';
import { pickName } from '../../lib/localized.ts';

const AgencyImportModal = lazy(() => import('./AgencyImportModal.tsx'));
const AgencyFormModal = lazy(() => import('./AgencyFormModal.tsx'));

export default function AgencyListPage() {
  const { lang, t } = useLang();
  const user = useUser();
  const can = useCan();
  const list$ = useListParams();
  const { get, page, update } = list$;
  const [q, setQ] = useState(get('q'));
  const [debouncedQ] = useDebouncedValue(q, 350);
  const provinces = useProvinces();
  const types = useAgencyTypes();
  const frameworks = useFrameworks();
  const year = latestYear(frameworks.data);
  const [importOpen, setImportOpen] = useState(get('import') === '1');
  const [createOpen, setCreateOpen] = useState(false);

  const province = get('province');
  const type = get('type');
  const registered = get('registered');

  // The search box updates the address after typing pauses.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text drives this
  useEffect(() => {
    if (get('q') !== debouncedQ.trim()) update({ q: debouncedQ.trim() });
  }, [debouncedQ]);

  const list = useAgencies(
    {
      q: get('q') || undefined,
      province: province || undefined,
      type: type || undefined,
      year: year ?? undefined,
      registered: year && (registered === 'true' || registered === 'false') ? registered : undefined,
      page,
      pageSize: PAGE_SIZE_DEFAULT,
    },
    !frameworks.isPending,
  );
  const filtered = Boolean(get('q') || province || type || registered);
  const isAdmin = can('agency.create', null);

  const title =
    user.role === 'supervisor'
      ? t('nav.agenciesInScope')
      : user.role === 'assessor'
        ? t('nav.assignedAgencies')
        : t('nav.agencies');
  return (
    <>
      <PageHeader
        title={title}
        description={list.data ? t('agencies.count', { n: formatCount(list.data.total, lang) }) : undefined}
        actions={
          isAdmin && (
            <>
              <Button variant="light" onClick={() => setImportOpen(true)}>
                {t('agencies.import.title')}
              </Button>
              <Button onClick={() => setCreateOpen(true)}>{t('agencies.create')}</Button>
            </>
          )
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" role="search">
          <TextInput
            label={t('agencies.search')}
            placeholder={t('agencies.searchPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            style={{ flex: '1 1 240px' }}
            type="search"
          />
          <Select
            label={t('agencies.province')}
            placeholder={t('agencies.allProvinces')}
            data={(provinces.data ?? []).map((p) => ({ value: p.code, label: pickName(p, lang) }))}
            value={province || null}
            onChange={(v) => update({ province: v ?? '' })}
            searchable
            clearable
            nothingFoundMessage={t('common.nothingFound')}
            style={{ flex: '1 1 180px' }}
          />
          <Select
            label={t('agencies.type')}
            placeholder={t('agencies.allTypes')}
            data={(types.data ?? []).map((ty) => ({ value: ty.code, label: lang === 'en' ? ty.en : ty.th }))}
            value={type || null}
            onChange={(v) => update({ type: v ?? '' })}
            searchable
            clearable
            style={{ flex: '1 1 180px' }}
          />
          {year !== null && (
            <Select
              label={t('agencies.participationIn', { year: formatFiscalYearShort(year, lang) })}
              placeholder={t('agencies.anyParticipation')}
              data={[
                { value: 'true', label: t('participation.registered') },
                { value: 'false', label: t('participation.notRegistered') },
              ]}
              value={registered || null}
              onChange={(v) => update({ registered: v ?? '' })}
              clearable
              style={{ flex: '1 1 160px' }}
            />
          )}
        </Group>
        <QueryState
          query={list}
          waiting={frameworks.isPending}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <EmptyState
              title={filtered ? t('agencies.empty.filtered') : t('agencies.empty.none')}
              hint={
                filtered
                  ? t('agencies.empty.filteredHint')
                  : isAdmin
                    ? t('agencies.empty.adminHint')
                    : user.role === 'assessor'
                      ? t('home.scoped.noneAssignedHint')
                      : t('home.scoped.noneInScopeHint')
              }
              action={
                filtered ? (
                  <Button
                    variant="light"
                    onClick={() => {
                      setQ('');
                      list$.clear();
                    }}
                  >
                    {t('agencies.clearFilters')}
                  </Button>
                ) : isAdmin ? (
                  <Button onClick={() => setImportOpen(true)}>{t('agencies.import.title')}</Button>
                ) : undefined
              }
            />
          }
        >
          {(data) => (
            <>
              <AgencyTable agencies={data.items} showParticipation={year !== null} label={title} />
              <PaginationFooter
                page={page}
                total={data.total}
                pageSize={PAGE_SIZE_DEFAULT}
                onChange={list$.setPage}
              />
            </>
          )}
        </QueryState>
      </Stack>
      <Suspense fallback={null}>
        {importOpen && <AgencyImportModal onClose={() => setImportOpen(false)} />}
        {createOpen && <AgencyFormModal onClose={() => setCreateOpen(false)} />}
      </Suspense>
    </>
  );
}
