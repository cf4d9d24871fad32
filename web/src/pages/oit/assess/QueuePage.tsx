// The OIT queue (/oit/queue): an assessor's assigned agencies — every participating agency for NACC admins,
// filtered by province and status — with where each stands, the counts, the current stage and its deadline.
import { Button, Group, Select, Stack } from '@mantine/core';
import { OIT_REVIEW_STATUSES } from '@server/core/oit/states.ts';
import { PAGE_SIZE_DEFAULT } from '@server/shared/limits.ts';
import { Link as RouterLink } from 'react-router';
import { useUser } from '../../../api/auth.ts';
import { latestYear, useFrameworks } from '../../../api/frameworks.ts';
import { useOitQueue } from '../../../api/oit-assessment.ts';
import { useProvinces } from '../../../api/reference.ts';
import { useAssessors } from '../../../api/users.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PaginationFooter } from '../../../components/PaginationFooter.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { useLang } from '../../../i18n/index.ts';
import { formatCount, formatFiscalYear } from '../../../lib/format.ts';
import { useListParams } from '../../../lib/list-params.ts';
import { pickName } from '../../../lib/localized.ts';
import { YearSelect } from '../../frameworks/YearSelect.tsx';
import { QueueList } from './QueueList.tsx';

export default function QueuePage() {
  const { lang, t } = useLang();
  const user = useUser();
  const isAdmin = user.role === 'admin';
  const { get, page, update, setPage } = useListParams();
  const frameworks = useFrameworks();
  const provinces = useProvinces();
  const year = Number(get('year')) || latestYear(frameworks.data);
  const province = isAdmin ? get('province') : '';
  const statusParam = get('status');
  const status = OIT_REVIEW_STATUSES.find((s) => s === statusParam);
  const assessorId = isAdmin ? get('assessor') : '';
  const assessors = useAssessors(isAdmin);
  const queue = useOitQueue(year, {
    province: province || undefined,
    status,
    assessorId: assessorId || undefined,
    page,
    pageSize: PAGE_SIZE_DEFAULT,
  });

  const filtered = Boolean(province || status || assessorId);
  const title = t('oitAssess.queue.title');

  return (
    <>
      <PageHeader
        title={title}
        description={
          queue.data && year
            ? t('oitAssess.queue.count', {
                n: formatCount(queue.data.total, lang),
                year: formatFiscalYear(year, lang),
              })
            : t(isAdmin ? 'oitAssess.queue.descriptionAdmin' : 'oitAssess.queue.description')
        }
        actions={
          isAdmin && (
            <Button component={RouterLink} to="/oit/assignments" variant="light">
              {t('oitAssess.queue.assign')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('oitAssess.queue.filters')}>
          <YearSelect
            value={year}
            onChange={(y) => update({ year: String(y) })}
            label={t('oitAssess.year')}
          />
          {isAdmin && (
            <Select
              label={t('oitAssess.queue.province')}
              placeholder={t('oitAssess.queue.allProvinces')}
              data={(provinces.data ?? []).map((p) => ({ value: p.code, label: pickName(p, lang) }))}
              value={province || null}
              onChange={(v) => update({ province: v ?? '' })}
              searchable
              clearable
              nothingFoundMessage={t('common.nothingFound')}
              style={{ flex: '1 1 180px' }}
            />
          )}
          {isAdmin && (
            <Select
              label={t('oitAssess.queue.assessor')}
              placeholder={t('oitAssess.queue.allAssessors')}
              data={(assessors.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
              value={assessorId || null}
              onChange={(v) => update({ assessor: v ?? '' })}
              searchable
              clearable
              nothingFoundMessage={t('common.nothingFound')}
              style={{ flex: '1 1 180px' }}
            />
          )}
          <Select
            label={t('oitAssess.queue.status')}
            placeholder={t('oitAssess.queue.allStatuses')}
            data={OIT_REVIEW_STATUSES.map((s) => ({ value: s, label: t(`oitAssess.status.${s}`) }))}
            value={status ?? null}
            onChange={(v) => update({ status: v ?? '' })}
            clearable
            style={{ flex: '1 1 180px' }}
          />
        </Group>
        <ErrorAlert error={frameworks.error} />
        <QueryState
          query={queue}
          waiting={frameworks.isPending}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <EmptyState
              title={filtered ? t('oitAssess.queue.emptyFiltered') : t('oitAssess.queue.empty')}
              hint={
                filtered
                  ? t('oitAssess.queue.emptyFilteredHint')
                  : isAdmin
                    ? t('oitAssess.queue.emptyAdminHint')
                    : t('oitAssess.queue.emptyAssessorHint')
              }
              action={
                filtered ? (
                  <Button variant="light" onClick={() => update({ province: '', status: '', assessor: '' })}>
                    {t('oitAssess.queue.clearFilters')}
                  </Button>
                ) : isAdmin ? (
                  <Button component={RouterLink} to="/oit/assignments">
                    {t('oitAssess.queue.assign')}
                  </Button>
                ) : undefined
              }
            />
          }
        >
          {(data) => (
            <>
              <QueueList rows={data.items} year={data.year} showAssessors={isAdmin} label={title} />
              <PaginationFooter
                page={page}
                total={data.total}
                pageSize={PAGE_SIZE_DEFAULT}
                onChange={setPage}
              />
            </>
          )}
        </QueryState>
      </Stack>
    </>
  );
}
