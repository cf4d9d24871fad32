// The change history (/audit): every role reads the entries of the agencies in its scope (the server
// filters), by agency, person, kind of event and Bangkok days; each entry as a sentence in the reader's
// language, with its before/after as fields. NACC admins also see whether the chain is intact and its latest
// signed checkpoints.
import { Alert, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { PAGE_SIZE_DEFAULT } from '@server/shared/limits.ts';
import { useEffect, useState } from 'react';
import {
  AUDIT_DOWNLOAD_MAX,
  type AuditFilters,
  type AuditListEntry,
  allAuditEntries,
  useAuditLog,
  useLatestCheckpoints,
} from '../../api/audit.ts';
import { useCan } from '../../auth/permissions.ts';
import { AgencyPicker } from '../../components/AgencyPicker.tsx';
import { DownloadXlsxButton } from '../../components/DownloadXlsxButton.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PaginationFooter } from '../../components/PaginationFooter.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatCount, formatDate, formatDateTime, type Lang } from '../../lib/format.ts';
import { useListParams } from '../../lib/list-params.ts';
import { pickName } from '../../lib/localized.ts';
import type { XlsxColumn } from '../../lib/xlsx.ts';
import { AuditTrailCard } from '../home/AuditTrailCard.tsx';
import { describeEntry, eventWords, WRITTEN_EVENTS } from './describe.ts';
import { EntryCard } from './EntryCard.tsx';
import { fieldName, fieldRows } from './fields.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export default function AuditLogPage() {
  const { lang, t } = useLang();
  const can = useCan();
  const { get, page, update, setPage, clear } = useListParams();
  const [person, setPerson] = useState(get('actor'));
  const [typed] = useDebouncedValue(person, 350);
  // The person box updates the address after typing pauses.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text drives this
  useEffect(() => {
    if (get('actor') !== typed.trim()) update({ actor: typed.trim(), page: '' });
  }, [typed]);

  const [entityType, action] = get('kind').split(' ');
  const from = DAY.test(get('from')) ? get('from') : '';
  const to = DAY.test(get('to')) ? get('to') : '';
  const reversed = from !== '' && to !== '' && from > to;
  const filters: AuditFilters = {
    agencyId: get('agencyId') || undefined,
    entityType: entityType || undefined,
    action: action || undefined,
    actor: get('actor') || undefined,
    from: from || undefined,
    to: to || undefined,
  };
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const list = useAuditLog({ ...filters, page, pageSize: PAGE_SIZE_DEFAULT });

  const kinds = WRITTEN_EVENTS.map(([type, act]) => ({
    value: `${type} ${act}`,
    label: eventWords(type, act)[lang],
  })).sort((a, b) => a.label.localeCompare(b.label, lang));

  const set = (changes: Record<string, string>) => update({ ...changes, page: '' });

  return (
    <>
      <PageHeader
        title={t('auditLog.title')}
        description={list.data ? t('auditLog.count', { n: formatCount(list.data.total, lang) }) : undefined}
      />
      <Stack gap="md">
        <Text size="sm">{t('auditLog.intro')}</Text>
        {can('audit.verify', null) && <ChainSection />}
        <Stack gap="sm" role="search" aria-label={t('auditLog.filters')}>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <div style={{ flex: '1 1 260px' }}>
              <AgencyPicker
                label={t('auditLog.agency')}
                value={get('agencyId') || null}
                onChange={(id) => set({ agencyId: id ?? '' })}
              />
            </div>
            <TextInput
              type="search"
              label={t('auditLog.person')}
              description={t('auditLog.personHint')}
              value={person}
              maxLength={100}
              onChange={(e) => setPerson(e.currentTarget.value)}
              style={{ flex: '1 1 200px' }}
            />
            <Select
              label={t('auditLog.kind')}
              placeholder={t('auditLog.allKinds')}
              data={kinds}
              value={get('kind') || null}
              onChange={(v) => set({ kind: v ?? '' })}
              searchable
              clearable
              nothingFoundMessage={t('common.nothingFound')}
              style={{ flex: '1 1 260px' }}
            />
          </Group>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <DayInput label={t('auditLog.from')} value={from} onChange={(v) => set({ from: v })} />
            <DayInput label={t('auditLog.to')} value={to} onChange={(v) => set({ to: v })} />
            {filtered && (
              <Button
                variant="default"
                onClick={() => {
                  setPerson('');
                  clear();
                }}
              >
                {t('auditLog.clear')}
              </Button>
            )}
          </Group>
        </Stack>
        {reversed ? (
          <Alert color="yellow" role="alert">
            {t('auditLog.datesReversed')}
          </Alert>
        ) : (
          <QueryState
            query={list}
            isEmpty={(data) => data.items.length === 0}
            empty={
              <EmptyState
                title={filtered ? t('auditLog.emptyFiltered') : t('auditLog.emptyNone')}
                hint={filtered ? t('auditLog.emptyFilteredHint') : t('auditLog.emptyNoneHint')}
                action={
                  filtered ? (
                    <Button variant="default" onClick={clear}>
                      {t('auditLog.clear')}
                    </Button>
                  ) : undefined
                }
              />
            }
          >
            {(data) => (
              <Stack gap="sm">
                <Group justify="flex-end" gap="xs" wrap="wrap">
                  {data.total > AUDIT_DOWNLOAD_MAX && (
                    <Text size="xs" c="dimmed">
                      {t('auditLog.downloadCapped', { n: formatCount(AUDIT_DOWNLOAD_MAX, lang) })}
                    </Text>
                  )}
                  <DownloadXlsxButton
                    fileName={t('auditLog.file')}
                    sheetName={t('auditLog.sheet')}
                    columns={xlsxColumns(lang, t)}
                    rows={() => allAuditEntries(filters)}
                  />
                </Group>
                <Stack component="ol" gap="xs" p={0} m={0} aria-label={t('auditLog.title')}>
                  {data.items.map((e) => (
                    <EntryCard key={e.seq} entry={e} />
                  ))}
                </Stack>
                <PaginationFooter
                  page={page}
                  total={data.total}
                  pageSize={PAGE_SIZE_DEFAULT}
                  onChange={setPage}
                />
              </Stack>
            )}
          </QueryState>
        )}
      </Stack>
    </>
  );
}

/** A Gregorian date box (the browser's picker) with the chosen day written in the Buddhist Era beneath. */
function DayInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const { lang, t } = useLang();
  return (
    <TextInput
      type="date"
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      description={
        value ? t('auditLog.dateHint', { date: formatDate(value, lang) }) : t('auditLog.dateEmpty')
      }
      style={{ flex: '1 1 180px' }}
    />
  );
}

/** The chain's status and its latest signed checkpoints (NACC admins). */
function ChainSection() {
  const { lang, t } = useLang();
  const latest = useLatestCheckpoints(5);
  return (
    <Stack gap="xs">
      <AuditTrailCard />
      {latest.data && latest.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={320}>
          <Table withTableBorder aria-label={t('auditTrail.latest')}>
            <Table.Caption>{t('auditTrail.latest')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('auditLog.when')}</Table.Th>
                <Table.Th scope="col">{t('auditLog.seqHeader')}</Table.Th>
                <Table.Th scope="col">{t('auditLog.signature')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {latest.data.items.map((c) => (
                <Table.Tr key={c.signed}>
                  <Table.Td>{formatDateTime(c.takenAt, lang)}</Table.Td>
                  <Table.Td>{formatCount(c.seq, lang)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" title={c.signed}>
                      {shortSignature(c.signed)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** The signature's last characters (the signed line ends with it): enough to compare with an e-mailed copy. */
const shortSignature = (signed: string) => `…${signed.slice(-16)}`;

type T = ReturnType<typeof useLang>['t'];

function xlsxColumns(lang: Lang, t: T): XlsxColumn<AuditListEntry>[] {
  return [
    { header: t('auditLog.seqHeader'), value: (e) => e.seq, width: 10 },
    { header: t('auditLog.when'), value: (e) => formatDateTime(e.occurredAt, lang), width: 22 },
    { header: t('auditLog.who'), value: (e) => e.actor?.username ?? t('auditLog.system'), width: 20 },
    {
      header: t('auditLog.role'),
      value: (e) => (e.actor ? t(`roles.${e.actor.role}`, { defaultValue: e.actor.role }) : ''),
      width: 22,
    },
    {
      header: t('auditLog.agencyColumn'),
      value: (e) => (e.agency ? pickName(e.agency, lang) : t('auditLog.noAgency')),
      width: 36,
    },
    { header: t('auditLog.what'), value: (e) => describeEntry(e)[lang], width: 60 },
    {
      header: t('auditLog.changes'),
      value: (e) =>
        fieldRows(e.before, e.after, lang)
          .filter((r) => r.changed)
          .map((r) => `${r.path.map(fieldName).join(' › ')}: ${r.before ?? '–'} → ${r.after ?? '–'}`)
          .join('\n'),
      width: 60,
    },
  ];
}
