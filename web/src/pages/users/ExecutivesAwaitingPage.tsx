// ผู้บริหารรอการยืนยัน: executive accounts (the approvers) proposed by agency admins. NACC and the supervisor
// whose scope covers the agency confirm or decline them; the agency admin sees what still waits. The server
// decides who may confirm (canConfirm); this page only shows it.
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { type AwaitingList, useDecideExecutive, useExecutivesAwaiting } from '../../api/users.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';

type Proposal = AwaitingList['items'][number];

export default function ExecutivesAwaitingPage() {
  const { t } = useLang();
  const list = useExecutivesAwaiting();
  const items = list.data?.items ?? [];
  const mayDecide = items.some((u) => u.canConfirm);
  return (
    <>
      <PageHeader title={t('executives.title')} description={t('executives.description')} />
      <Stack gap="md">
        <QueryState
          query={list}
          isEmpty={(data) => data.items.length === 0}
          empty={<EmptyState title={t('executives.emptyTitle')} hint={t('executives.emptyHint')} />}
        >
          {(data) => (
            <>
              {mayDecide && (
                <Alert color="blue" variant="light" title={t('executives.checkTitle')}>
                  {t('executives.checkHint')}
                </Alert>
              )}
              <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
                <Table verticalSpacing="sm" miw={560}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('executives.person')}</Table.Th>
                      <Table.Th>{t('executives.agency')}</Table.Th>
                      <Table.Th>{t('executives.proposedAt')}</Table.Th>
                      <Table.Th>{t('executives.decision')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((u) => (
                      <ProposalRow key={u.id} proposal={u} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            </>
          )}
        </QueryState>
      </Stack>
    </>
  );
}

function ProposalRow({ proposal: u }: { proposal: Proposal }) {
  const { lang, t } = useLang();
  const decide = useDecideExecutive();
  const [done, setDone] = useState<'confirm' | 'decline' | null>(null);
  const agencyName = u.agency ? (lang === 'en' && u.agency.nameEn ? u.agency.nameEn : u.agency.nameTh) : '–';
  const run = (decision: 'confirm' | 'decline') =>
    decide.mutate({ id: u.id, decision }, { onSuccess: () => setDone(decision) });
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={600}>
          {u.displayName}
        </Text>
        <Text size="xs" c="dimmed">
          {u.username}
        </Text>
        <Text size="sm">{t('executives.mailTo', { email: u.email ?? '–' })}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{agencyName}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatDateTime(u.createdAt, lang)}</Text>
      </Table.Td>
      <Table.Td>
        {u.canConfirm ? (
          <Stack gap={4}>
            <Group gap="xs" wrap="wrap">
              <Button size="xs" loading={decide.isPending} onClick={() => run('confirm')}>
                {t('executives.confirm')}
              </Button>
              <Button
                size="xs"
                variant="default"
                color="red"
                loading={decide.isPending}
                onClick={() => run('decline')}
              >
                {t('executives.decline')}
              </Button>
            </Group>
            {done && (
              <Text size="xs" role="status">
                {t(done === 'confirm' ? 'executives.confirmed' : 'executives.declined')}
              </Text>
            )}
            <ErrorAlert error={decide.error} />
          </Stack>
        ) : (
          <Badge color="yellow" variant="light">
            {t('executives.awaiting')}
          </Badge>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
