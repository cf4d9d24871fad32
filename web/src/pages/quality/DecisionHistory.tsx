// The history of keep/exclude decisions of an agency, from the audit log (decisions and reasons only).
import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useDecisionHistory } from '../../api/quality.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';

type Decision = { decision?: string; reason?: string | null } | null;

export function DecisionHistory({ agencyId }: { agencyId: string }) {
  const { lang, t } = useLang();
  const [open, setOpen] = useState(false);
  const history = useDecisionHistory(agencyId, open);
  const describe = (d: unknown) => {
    const v = d as Decision;
    if (!v?.decision) return '–';
    const label = t(`quality.decision.${v.decision}`, { defaultValue: v.decision });
    return v.reason ? `${label}: ${v.reason}` : label;
  };
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('quality.history')}
      </Title>
      <div>
        <Button variant="light" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? t('quality.hideHistory') : t('quality.showHistory')}
        </Button>
      </div>
      {open && (
        <QueryState
          query={history}
          isEmpty={(data) => data.items.length === 0}
          empty={<Text c="dimmed">{t('quality.noHistory')}</Text>}
        >
          {(data) => (
            <Table.ScrollContainer minWidth={640}>
              <Table aria-label={t('quality.history')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('quality.when')}</Table.Th>
                    <Table.Th scope="col">{t('quality.who')}</Table.Th>
                    <Table.Th scope="col">{t('quality.response')}</Table.Th>
                    <Table.Th scope="col">{t('quality.before')}</Table.Th>
                    <Table.Th scope="col">{t('quality.after')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((e) => (
                    <Table.Tr key={e.seq}>
                      <Table.Td>{formatDateTime(e.occurredAt, lang)}</Table.Td>
                      <Table.Td>{e.actor?.username ?? t('quality.system')}</Table.Td>
                      <Table.Td>
                        <Text ff="monospace" size="sm">
                          {e.entityId.slice(0, 8)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{describe(e.before)}</Table.Td>
                      <Table.Td>{describe(e.after)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
