// What a run or preview computed per agency, highest total first, a page at a time: total, rating (the
// framework's words), pass or not, and per instrument its score with n against the minimum and the margin
// of error — or why it was not processed. The download holds every page.
import { Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useFramework } from '../../api/frameworks.ts';
import { allRunResults, type RunAgencyResult, useRunResults } from '../../api/results.ts';
import { DownloadXlsxButton } from '../../components/DownloadXlsxButton.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PaginationFooter } from '../../components/PaginationFooter.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatScore } from '../../lib/format.ts';
import { pickName } from '../../lib/localized.ts';
import type { XlsxColumn } from '../../lib/xlsx.ts';
import { instrumentColumns, ratingLabel, reasonKey } from './framework-words.ts';

const PAGE_SIZE = 50;
type Instrument = RunAgencyResult['instruments'][string];

export function RunResultsTable({ year, runId }: { year: number; runId: string }) {
  const { lang, t } = useLang();
  const [page, setPage] = useState(1);
  const query = useRunResults(year, runId, page, PAGE_SIZE);
  const framework = useFramework(year).data?.framework;
  const present = [...new Set((query.data?.items ?? []).flatMap((r) => Object.keys(r.instruments)))];
  const instruments = instrumentColumns(framework, present, lang);
  const name = (r: RunAgencyResult) =>
    r.nameTh ? pickName({ nameTh: r.nameTh, nameEn: r.nameEn }, lang) : r.agencyId;
  const instrumentText = (i: Instrument | undefined) =>
    !i ? '—' : i.notProcessed ? t(reasonKey(i.notProcessed)) : formatScore(i.score);

  const columns: XlsxColumn<RunAgencyResult>[] = [
    { header: t('processing.results.code'), value: (r) => r.code },
    { header: t('processing.results.agency'), value: name },
    { header: t('processing.results.total'), value: (r) => r.total },
    { header: t('processing.results.rating'), value: (r) => ratingLabel(framework, r.ratingCode, lang) },
    {
      header: t('processing.results.passes'),
      value: (r) => (r.passes ? t('processing.results.pass') : t('processing.results.fail')),
    },
    ...instruments.flatMap((c): XlsxColumn<RunAgencyResult>[] => [
      {
        header: c.name,
        value: (r) => {
          const i = r.instruments[c.code];
          return i && !i.notProcessed ? i.score : instrumentText(i);
        },
      },
      { header: `${c.short} ${t('processing.results.n')}`, value: (r) => r.instruments[c.code]?.n ?? null },
      {
        header: `${c.short} ${t('processing.results.minimum')}`,
        value: (r) => r.instruments[c.code]?.minimum ?? null,
      },
      {
        header: `${c.short} ${t('processing.results.moe')}`,
        value: (r) => r.instruments[c.code]?.marginOfError ?? null,
      },
    ]),
  ];

  return (
    <QueryState
      query={query}
      isEmpty={(d) => d.total === 0}
      empty={<EmptyState title={t('processing.results.none')} hint={t('processing.runs.noneHint')} />}
    >
      {(data) => (
        <Stack gap="xs">
          <Table.ScrollContainer minWidth={520 + instruments.length * 110}>
            <Table striped withTableBorder verticalSpacing="xs" aria-label={t('processing.detail.results')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('processing.results.agency')}</Table.Th>
                  <Table.Th ta="right">{t('processing.results.total')}</Table.Th>
                  <Table.Th>{t('processing.results.rating')}</Table.Th>
                  {instruments.map((c) => (
                    <Table.Th key={c.code} title={c.name}>
                      {c.short}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((r) => (
                  <Table.Tr key={r.agencyId}>
                    <Table.Td>
                      <Text size="sm">{name(r)}</Text>
                      <Text size="xs" c="dimmed">
                        {r.code}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" fw={600}>
                      {formatScore(r.total)}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600} c={r.passes ? 'green.8' : 'red.8'}>
                        {ratingLabel(framework, r.ratingCode, lang)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {r.passes ? t('processing.results.pass') : t('processing.results.fail')}
                      </Text>
                    </Table.Td>
                    {instruments.map((c) => (
                      <Table.Td key={c.code}>
                        <InstrumentCell value={r.instruments[c.code]} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PaginationFooter
            page={page}
            total={data.total}
            pageSize={PAGE_SIZE}
            onChange={setPage}
            summary={t('processing.results.count', { count: data.total })}
          />
          <Group>
            <DownloadXlsxButton
              fileName={t('processing.results.file', { year, run: runId.slice(0, 8) })}
              sheetName={t('processing.results.sheet')}
              columns={columns}
              rows={() => allRunResults(year, runId)}
            />
          </Group>
        </Stack>
      )}
    </QueryState>
  );
}

function InstrumentCell({ value }: { value: Instrument | undefined }) {
  const { t } = useLang();
  if (!value) return <Text size="sm">—</Text>;
  if (value.notProcessed)
    return (
      <Text size="xs" c="orange.9">
        {t(reasonKey(value.notProcessed))}
      </Text>
    );
  return (
    <>
      <Text size="sm">{formatScore(value.score)}</Text>
      {value.n !== null && (
        <Text size="xs" c="dimmed">
          {t('processing.results.nOf', { n: value.n, minimum: value.minimum ?? '—' })}
        </Text>
      )}
      {value.marginOfError !== null && (
        <Text size="xs" c="dimmed">
          {t('processing.results.moeOf', { moe: formatScore(value.marginOfError) })}
        </Text>
      )}
    </>
  );
}
