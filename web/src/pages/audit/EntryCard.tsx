// One entry of the change history: when (Bangkok, Buddhist Era), the sentence, who with their role in words,
// the agency, and a details expander listing before/after as fields (never JSON).
import { Alert, Badge, Button, Collapse, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useId, useState } from 'react';
import type { AuditListEntry } from '../../api/audit.ts';
import { useLang } from '../../i18n/index.ts';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { pickName } from '../../lib/localized.ts';
import { describeEntry } from './describe.ts';
import { fieldName, fieldRows } from './fields.ts';

export function EntryCard({ entry }: { entry: AuditListEntry }) {
  const { lang, t } = useLang();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const sentence = describeEntry(entry)[lang];
  const seq = formatCount(entry.seq, lang);
  return (
    <Paper component="li" withBorder p="sm" style={{ listStyle: 'none' }}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed" component="time" dateTime={entry.occurredAt}>
            {formatDateTime(entry.occurredAt, lang)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('auditLog.seq', { seq })}
          </Text>
        </Group>
        <Text fw={600}>{sentence}</Text>
        <Group gap="xs" wrap="wrap">
          {entry.actor ? (
            <>
              <Text size="sm">{entry.actor.username}</Text>
              <Badge variant="light" size="sm">
                {t(`roles.${entry.actor.role}`, { defaultValue: entry.actor.role })}
              </Badge>
            </>
          ) : (
            <Text size="sm">{t('auditLog.system')}</Text>
          )}
          <Text size="sm" c="dimmed">
            · {entry.agency ? pickName(entry.agency, lang) : t('auditLog.noAgency')}
          </Text>
        </Group>
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls={detailsId}
          >
            {t('auditLog.details')}
          </Button>
        </Group>
        <Collapse expanded={open} id={detailsId}>
          {open && <Details entry={entry} />}
        </Collapse>
      </Stack>
    </Paper>
  );
}

function Details({ entry }: { entry: AuditListEntry }) {
  const { lang, t } = useLang();
  const rows = fieldRows(entry.before, entry.after, lang).filter(
    (r) => r.before !== null || r.after !== null,
  );
  return (
    <Stack gap="xs">
      {entry.withheld && (
        <Alert color="gray" variant="light">
          {t('auditLog.withheld')}
        </Alert>
      )}
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('auditLog.noFields')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table withTableBorder aria-label={t('auditLog.detailsOf', { seq: formatCount(entry.seq, lang) })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('auditLog.field')}</Table.Th>
                <Table.Th scope="col">{t('auditLog.before')}</Table.Th>
                <Table.Th scope="col">{t('auditLog.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.path.join('.')}>
                  <Table.Th scope="row" fw={r.changed ? 700 : 400}>
                    {r.path.map(fieldName).join(' › ') || t('auditLog.changes')}
                  </Table.Th>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.before ?? t('auditLog.empty')}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.after ?? t('auditLog.empty')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
