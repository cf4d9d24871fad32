// An item's history from the audit log: answers, delegation, approval, scores and clarifications, newest
// first — who (and in which role), when (BE date and time), what, and each changed value before → after.
import { Badge, Drawer, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type AuditEntry, useItemHistory } from '../../../api/oit.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { useLang } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { badgeWrap, describeChanges, type Readable, readableValue } from './oit-view.ts';

export function HistoryDrawer({
  agencyId,
  year,
  code,
  onClose,
}: {
  agencyId: string;
  year: number;
  code: string | null;
  onClose: () => void;
}) {
  const { t } = useLang();
  const narrow = useMediaQuery('(max-width: 40em)');
  const history = useItemHistory(agencyId, year, code);
  return (
    <Drawer
      opened={code !== null}
      onClose={onClose}
      position="right"
      size={narrow ? '100%' : 'lg'}
      title={t('oit.history.title', { code: code ?? '' })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <QueryState
        query={history}
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState title={t('oit.history.emptyTitle')} hint={t('oit.history.emptyHint')} />}
      >
        {(data) => (
          <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {data.items.map((e) => (
              <Entry key={e.seq} entry={e} />
            ))}
          </Stack>
        )}
      </QueryState>
    </Drawer>
  );
}

function Entry({ entry: e }: { entry: AuditEntry }) {
  const { lang, t } = useLang();
  const changes = describeChanges(e.before, e.after);
  return (
    <Paper component="li" withBorder p="sm">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600} size="sm">
            {t(`oit.history.action.${e.entityType}.${e.action}`, {
              defaultValue: t(`oit.history.action.${e.action}`, { defaultValue: e.action }),
            })}
          </Text>
          <Text size="xs" c="dimmed">
            <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt, lang)}</time>
          </Text>
        </Group>
        <Group gap={6}>
          <Text size="sm">{e.actor ? e.actor.username : t('oit.history.system')}</Text>
          {e.actor && (
            <Badge size="xs" variant="light" styles={badgeWrap}>
              {t(`roles.${e.actor.role}`, { defaultValue: e.actor.role })}
            </Badge>
          )}
        </Group>
        {e.withheld && (
          <Text size="sm" c="dimmed">
            {t('oit.history.withheld')}
          </Text>
        )}
        {changes.length > 0 && (
          <Table withTableBorder fz="xs" aria-label={t('oit.history.changes')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('oit.history.field')}</Table.Th>
                <Table.Th scope="col">{t('oit.history.before')}</Table.Th>
                <Table.Th scope="col">{t('oit.history.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.map((c) => (
                <Table.Tr key={c.field}>
                  <Table.Th scope="row" fw={500}>
                    {t(`oit.history.fields.${c.field}`, { defaultValue: c.field })}
                  </Table.Th>
                  <Table.Td>
                    <Value value={readableValue(c.field, c.before)} />
                  </Table.Td>
                  <Table.Td>
                    <Value value={readableValue(c.field, c.after)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

function Value({ value: v }: { value: Readable }) {
  const { t } = useLang();
  switch (v.kind) {
    case 'empty':
      return <>–</>;
    case 'state':
      return <>{t(`oit.state.${v.state}`, { defaultValue: v.state })}</>;
    case 'has':
      return <>{v.value ? t('oit.form.hasYes') : t('oit.form.hasNo')}</>;
    case 'yesNo':
      return <>{v.value ? t('oit.history.yes') : t('oit.history.no')}</>;
    case 'decision':
      return <>{t(`oit.clarify.status.${v.value}`, { defaultValue: v.value })}</>;
    case 'list':
      return (
        <Stack gap={2}>
          {v.items.map((x) => (
            <Text key={x} size="xs" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
              {x}
            </Text>
          ))}
        </Stack>
      );
    case 'text':
      return (
        <Text size="xs" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
          {v.text}
        </Text>
      );
  }
}
