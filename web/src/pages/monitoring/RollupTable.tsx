// NACC's roll-up (and a supervisor's, over its scope): agencies counted by what is done, grouped by ministry,
// agency type or province; each group drills down to the matrix filtered to it, and downloads as XLSX.
import { Anchor, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { Link as RouterLink } from 'react-router';
import { type Rollup, type RollupBy, rollupXlsxUrl, useRollup } from '../../api/monitoring.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatCount, formatDate } from '../../lib/format.ts';
import { useListParams } from '../../lib/list-params.ts';
import { pick } from '../../lib/localized.ts';
import { drillDownHref } from './matrix-address.ts';

const BY: readonly RollupBy[] = ['ministry', 'type', 'province'];
/** A group's counts in the order of the server's XLSX. */
const COUNTS = [
  'agencies',
  'registered',
  'stakeholderEntered',
  'stakeholderApproved',
  'iitReached',
  'eit1Reached',
  'eit2Reached',
  'oitAnswered',
  'oitApproved',
  'oitScored',
  'oitClarified',
  'oitConfirmed',
  'behind',
  'overdue',
] as const satisfies readonly (keyof Rollup['total'])[];
const BY_LABEL: Record<RollupBy, string> = {
  ministry: 'monitoring.rollup.byMinistry',
  type: 'monitoring.rollup.byType',
  province: 'monitoring.rollup.byProvince',
};

export function RollupTable({ year }: { year: number }) {
  const { lang, t } = useLang();
  const list = useListParams();
  const by = (BY as readonly string[]).includes(list.get('by')) ? (list.get('by') as RollupBy) : 'ministry';
  const rollup = useRollup(year, by, {});
  const name = (g: Rollup['groups'][number]) => (g.name ? pick(g.name, lang) : t('monitoring.rollup.noKey'));
  return (
    <Stack gap="sm" data-testid="monitoring-rollup">
      <Group justify="space-between" wrap="wrap" align="flex-end">
        <Stack gap={4}>
          <Text size="sm" fw={600} id="rollup-by">
            {t('monitoring.rollup.by')}
          </Text>
          <SegmentedControl
            aria-labelledby="rollup-by"
            value={by}
            onChange={(v) => list.update({ by: v })}
            data={BY.map((b) => ({ value: b, label: t(BY_LABEL[b]) }))}
          />
        </Stack>
        <Button component="a" href={rollupXlsxUrl(year, by, {})} variant="default" size="xs" download>
          {t('monitoring.downloadXlsx')}
        </Button>
      </Group>
      <QueryState
        query={rollup}
        isEmpty={(d) => d.groups.length === 0}
        empty={<EmptyState title={t('monitoring.none')} hint={t('monitoring.noneHint')} />}
      >
        {(data) => (
          <>
            <Text size="sm">{t('monitoring.asOf', { date: formatDate(data.today, lang) })}</Text>
            <Table.ScrollContainer minWidth={1200}>
              <Table withTableBorder striped aria-label={t('monitoring.rollup.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t(BY_LABEL[by])}</Table.Th>
                    {COUNTS.map((c) => (
                      <Table.Th scope="col" key={c} ta="right">
                        {t(`monitoring.rollup.${c}`)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.groups.map((g) => (
                    <Table.Tr key={g.key ?? '-'}>
                      <Table.Th scope="row" fw="normal">
                        {g.key === null ? (
                          name(g)
                        ) : (
                          <Anchor
                            component={RouterLink}
                            to={drillDownHref(year, by, g.key)}
                            aria-label={t('monitoring.rollup.drill', { name: name(g) })}
                          >
                            {name(g)}
                          </Anchor>
                        )}
                      </Table.Th>
                      {COUNTS.map((c) => (
                        <Table.Td key={c} ta="right">
                          {formatCount(g[c], lang)}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th scope="row">{t('monitoring.rollup.total')}</Table.Th>
                    {COUNTS.map((c) => (
                      <Table.Th key={c} ta="right">
                        {formatCount(data.total[c], lang)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
