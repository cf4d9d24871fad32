// The queue's rows: a table on wide screens, one card per agency on a phone.
import { Anchor, Badge, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link as RouterLink } from 'react-router';
import type { QueueRow } from '../../../api/oit-assessment.ts';
import { useLang } from '../../../i18n/index.ts';
import { formatDate } from '../../../lib/format.ts';
import { pick, pickName } from '../../../lib/localized.ts';
import { ReviewStatusBadge } from './ReviewStatusBadge.tsx';

interface Props {
  rows: QueueRow[];
  year: number;
  showAssessors: boolean;
  label: string;
}

export function QueueList(props: Props) {
  const narrow = useMediaQuery('(max-width: 48em)');
  return narrow ? <QueueCards {...props} /> : <QueueTable {...props} />;
}

function AgencyLink({ row, year }: { row: QueueRow; year: number }) {
  const { lang, t } = useLang();
  return (
    <>
      <Anchor component={RouterLink} to={`/agencies/${row.agency.id}/oit/${year}/assess`} fw={600} size="sm">
        {pickName(row.agency, lang)}
      </Anchor>
      <Text size="xs" c="dimmed">
        {row.agency.code}
      </Text>
      <Anchor component={RouterLink} to={`/agencies/${row.agency.id}/advice/${year}`} size="xs">
        {t('advice.open')}
      </Anchor>
    </>
  );
}

function Counts({ row: r }: { row: QueueRow }) {
  const { t } = useLang();
  return (
    <>
      <Text size="sm">
        {t('oitAssess.queue.approvedOf', { n: r.counts.approved, total: r.counts.applicable })}
      </Text>
      <Text size="sm">{t('oitAssess.queue.scored', { n: r.counts.scored })}</Text>
      {r.counts.disputed > 0 && (
        <Text size="sm">
          {t('oitAssess.queue.disputed', { n: r.counts.disputed, undecided: r.counts.undecided })}
        </Text>
      )}
    </>
  );
}

function Stage({ row: r }: { row: QueueRow }) {
  const { lang, t } = useLang();
  if (!r.stage)
    return (
      <Text size="sm" c="dimmed">
        {t('oitAssess.queue.finished')}
      </Text>
    );
  return (
    <>
      <Text size="sm">{pick(r.stage.name, lang)}</Text>
      {r.deadline && (
        <Text size="xs" c={r.overdue ? 'red' : 'dimmed'}>
          {t('oitAssess.queue.deadline', { date: formatDate(r.deadline, lang) })}
        </Text>
      )}
      {r.overdue && (
        <Badge color="red" variant="light" size="sm">
          {t('oitAssess.queue.overdue')}
        </Badge>
      )}
    </>
  );
}

function assessorNames(r: QueueRow, none: string): string {
  return r.assessors.length > 0 ? r.assessors.map((p) => p.displayName).join(', ') : none;
}

function QueueTable({ rows, year, showAssessors, label }: Props) {
  const { t } = useLang();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover withTableBorder aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('oitAssess.queue.agency')}</Table.Th>
            <Table.Th scope="col">{t('oitAssess.queue.status')}</Table.Th>
            <Table.Th scope="col">{t('oitAssess.queue.counts')}</Table.Th>
            <Table.Th scope="col">{t('oitAssess.queue.stage')}</Table.Th>
            {showAssessors && <Table.Th scope="col">{t('oitAssess.queue.assessors')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.agency.id}>
              <Table.Td>
                <AgencyLink row={r} year={year} />
              </Table.Td>
              <Table.Td>
                <ReviewStatusBadge status={r.status} />
              </Table.Td>
              <Table.Td>
                <Counts row={r} />
              </Table.Td>
              <Table.Td>
                <Stage row={r} />
              </Table.Td>
              {showAssessors && (
                <Table.Td>
                  <Text size="sm">{assessorNames(r, t('oitAssess.queue.noAssessor'))}</Text>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function QueueCards({ rows, year, showAssessors, label }: Props) {
  const { t } = useLang();
  return (
    <Stack gap="sm" component="ul" aria-label={label} p={0} m={0} style={{ listStyle: 'none' }}>
      {rows.map((r) => (
        <Paper key={r.agency.id} withBorder p="sm" component="li">
          <Stack gap={6}>
            <div>
              <AgencyLink row={r} year={year} />
            </div>
            <div>
              <ReviewStatusBadge status={r.status} />
            </div>
            <Counts row={r} />
            <Stage row={r} />
            {showAssessors && (
              <Text size="sm" c="dimmed">
                {t('oitAssess.queue.assessorsAre', {
                  names: assessorNames(r, t('oitAssess.queue.noAssessor')),
                })}
              </Text>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
