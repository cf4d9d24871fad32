// "/measures/overview?year=": supervisors and NACC — per agency in scope, the measures done and how the
// score moved from the year they were drawn from (issue 12 §2). A table, downloadable as XLSX.
import { Badge, Group, NumberInput, Table } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { type OverviewRow, useMeasuresOverview } from '../../api/measures.ts';
import { DownloadXlsxButton } from '../../components/DownloadXlsxButton.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { fiscalYearOf, formatScore, todayInBangkok } from '../../lib/format.ts';

export default function MeasuresOverviewPage() {
  const { t } = useLang();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || fiscalYearOf(todayInBangkok());
  const overview = useMeasuresOverview(year);
  const columns = ['agency', 'status', 'measures', 'done', 'sourceTotal', 'total', 'change'] as const;
  return (
    <>
      <PageHeader title={t('measures.overviewTitle')} />
      <Group align="flex-end" mb="md" wrap="wrap">
        <NumberInput
          label={t('measures.year')}
          value={year}
          min={2560}
          max={2700}
          onChange={(v) => typeof v === 'number' && setParams({ year: String(v) })}
          w={160}
        />
      </Group>
      <QueryState query={overview}>
        {(data) =>
          data.rows.length === 0 ? (
            <EmptyState title={t('measures.overviewEmpty')} hint="" />
          ) : (
            <>
              <Group justify="flex-end" mb="xs">
                <DownloadXlsxButton
                  fileName={`measures-overview-${year}.xlsx`}
                  sheetName={t('measures.col.agency')}
                  columns={[
                    { header: t('measures.col.agency'), value: (r: OverviewRow) => r.agency.nameTh },
                    {
                      header: t('measures.col.status'),
                      value: (r: OverviewRow) => (r.status ? t(`measures.status_.${r.status}`) : ''),
                    },
                    { header: t('measures.col.measures'), value: (r: OverviewRow) => r.measures },
                    { header: t('measures.col.done'), value: (r: OverviewRow) => r.done },
                    { header: t('measures.col.sourceTotal'), value: (r: OverviewRow) => r.sourceTotal },
                    { header: t('measures.col.total'), value: (r: OverviewRow) => r.total },
                    { header: t('measures.col.change'), value: (r: OverviewRow) => r.change },
                  ]}
                  rows={data.rows}
                />
              </Group>
              <Table.ScrollContainer minWidth={560}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      {columns.map((c) => (
                        <Table.Th key={c}>{t(`measures.col.${c}`)}</Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.rows.map((r) => (
                      <Table.Tr key={r.agency.id}>
                        <Table.Td>
                          <Link to={`/agencies/${r.agency.id}/measures/${year}`}>{r.agency.nameTh}</Link>
                        </Table.Td>
                        <Table.Td>
                          {r.status && <Badge variant="light">{t(`measures.status_.${r.status}`)}</Badge>}
                        </Table.Td>
                        <Table.Td>{r.measures}</Table.Td>
                        <Table.Td>{r.done}</Table.Td>
                        <Table.Td>{formatScore(r.sourceTotal)}</Table.Td>
                        <Table.Td>{formatScore(r.total)}</Table.Td>
                        <Table.Td>
                          {r.change === null ? '–' : `${r.change > 0 ? '+' : ''}${formatScore(r.change)}`}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          )
        }
      </QueryState>
    </>
  );
}
