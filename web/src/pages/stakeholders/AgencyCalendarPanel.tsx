// The agency's stages for a year with extensions applied; NACC admins extend or restore a stage here.
import { Badge, Button, Group, Modal, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { EXTENSION_REASON_MAX_LENGTH } from '@server/shared/limits.ts';
import { useState } from 'react';
import { type AgencyCalendar, useAgencyCalendar, useExtension } from '../../api/calendar.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDate, formatDateRange } from '../../lib/format.ts';
import { pick } from '../../lib/localized.ts';

type Stage = AgencyCalendar['stages'][number];

export function AgencyCalendarPanel({
  agencyId,
  year,
  mayExtend,
}: {
  agencyId: string;
  year: number;
  mayExtend: boolean;
}) {
  const { lang, t } = useLang();
  const calendar = useAgencyCalendar(agencyId, year);
  const extension = useExtension(agencyId, year);
  const [editing, setEditing] = useState<Stage | null>(null);
  if (!calendar.data || calendar.data.stages.length === 0) return <ErrorAlert error={calendar.error} />;

  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('stakeholders.calendar.title')}
      </Title>
      <ErrorAlert error={extension.remove.error} />
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder aria-label={t('stakeholders.calendar.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('stakeholders.calendar.stage')}</Table.Th>
              <Table.Th scope="col">{t('stakeholders.calendar.dates')}</Table.Th>
              {mayExtend && <Table.Th scope="col" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {calendar.data.stages.map((s) => (
              <Table.Tr key={s.code}>
                <Table.Td>
                  {pick(s.name, lang)}{' '}
                  {s.open && (
                    <Badge color="green" variant="light" size="sm">
                      {t('stakeholders.calendar.openNow')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {formatDateRange(s.start, s.end, lang)}
                  {s.extended && (
                    <Text size="xs" c="orange">
                      {t('stakeholders.calendar.extendedUntil', { date: formatDate(s.effectiveEnd, lang) })}
                      {s.extension ? ` — ${s.extension.reason}` : ''}
                    </Text>
                  )}
                </Table.Td>
                {mayExtend && (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="light" onClick={() => setEditing(s)}>
                        {t('stakeholders.calendar.extend')}
                      </Button>
                      {s.extension && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          loading={extension.remove.isPending}
                          onClick={() => extension.remove.mutate(s.code)}
                        >
                          {t('stakeholders.calendar.removeExtension')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && <ExtensionDialog stage={editing} save={extension.save} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function ExtensionDialog({
  stage,
  save,
  onClose,
}: {
  stage: Stage;
  save: ReturnType<typeof useExtension>['save'];
  onClose: () => void;
}) {
  const { lang, t } = useLang();
  const [endsOn, setEndsOn] = useState(stage.extension?.endsOn ?? '');
  const [reason, setReason] = useState(stage.extension?.reason ?? '');
  const valid = endsOn > stage.end && reason.trim().length > 0;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('stakeholders.calendar.dialogTitle', { stage: pick(stage.name, lang) })}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid)
            save.mutate({ stage: stage.code, endsOn, reason: reason.trim() }, { onSuccess: onClose });
        }}
      >
        <Stack gap="sm">
          <TextInput
            type="date"
            label={t('stakeholders.calendar.endsOn')}
            description={t('stakeholders.calendar.endsOnHint', { date: formatDate(stage.end, lang) })}
            min={stage.end}
            value={endsOn}
            onChange={(e) => setEndsOn(e.currentTarget.value)}
            required
          />
          <Textarea
            label={t('stakeholders.calendar.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={EXTENSION_REASON_MAX_LENGTH}
            required
            autosize
            minRows={2}
          />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('stakeholders.calendar.cancel')}
            </Button>
            <Button type="submit" disabled={!valid} loading={save.isPending}>
              {t('stakeholders.calendar.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
