// Sending a reminder to chosen agencies (from the monitoring matrix): choose the stage, preview who gets
// what (the server's dry run: which agencies' work is not done, their admins and executives, who was
// already reminded today, who is skipped and why), then send. Supervisors only for agencies in their scope
// (the server decides).
import { Alert, Button, Group, Modal, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { REMINDER_STAGES, type ReminderStage } from '@server/core/notices/reminders.ts';
import { useEffect, useState } from 'react';
import { type SendReminderResult, useSendReminder } from '../../api/notices.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { deadlineWords, taskWords } from './words.ts';

export interface SendReminderModalProps {
  year: number;
  agencyIds: string[];
  opened: boolean;
  onClose: () => void;
}

export function SendReminderModal({ year, agencyIds, opened, onClose }: SendReminderModalProps) {
  const { lang, t } = useLang();
  const [stage, setStage] = useState<ReminderStage | null>(null);
  const [message, setMessage] = useState('');
  const preview = useSendReminder();
  const send = useSendReminder();
  const { reset: resetPreview } = preview;
  const { reset: resetSend } = send;
  // A new choice of agencies or stage, or a new opening, starts over.
  // biome-ignore lint/correctness/useExhaustiveDependencies: agencyIds' contents, not identity, matter
  useEffect(() => {
    resetPreview();
    resetSend();
  }, [opened, stage, agencyIds.join(','), resetPreview, resetSend]);

  const body = (dryRun: boolean) => ({
    year,
    stage: stage as ReminderStage,
    agencyIds,
    ...(message.trim() ? { message: message.trim() } : {}),
    dryRun,
  });
  const shown: SendReminderResult | undefined = send.data ?? preview.data;
  const toSend = preview.data?.agencies.reduce(
    (n, a) => n + a.recipients.filter((r) => r.status === 'would_queue').length,
    0,
  );
  const quiet = shown && new Date(shown.sendsAt).getTime() - Date.now() > 60_000;

  return (
    <Modal opened={opened} onClose={onClose} title={t('notices.send.title')} size="xl">
      <Stack gap="sm">
        <Text size="sm">{t('notices.send.intro')}</Text>
        <Text size="sm" fw={600}>
          {agencyIds.length === 0
            ? t('notices.send.noAgencies')
            : t('notices.send.agencyCount', { count: agencyIds.length })}
        </Text>
        <Select
          label={t('notices.send.stage')}
          data={REMINDER_STAGES.map((s) => ({ value: s, label: t(`notices.stage.${s}`) }))}
          value={stage}
          onChange={(v) => setStage(v as ReminderStage | null)}
          allowDeselect={false}
        />
        <Textarea
          label={t('notices.send.message')}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
        />
        <ErrorAlert error={preview.error ?? send.error} />
        {shown && <RecipientsTable result={shown} t={t} lang={lang} />}
        {quiet && shown && (
          <Alert color="yellow">
            {t('notices.send.quiet', { when: formatDateTime(shown.sendsAt, lang) })}
          </Alert>
        )}
        {send.data && (
          <Alert color={send.data.queued > 0 ? 'green' : 'gray'} role="status">
            {send.data.queued > 0
              ? t('notices.send.sent', { count: send.data.queued })
              : t('notices.send.nothingSent')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            variant="light"
            disabled={!stage || agencyIds.length === 0}
            loading={preview.isPending}
            onClick={() => preview.mutate(body(true))}
          >
            {t('notices.send.preview')}
          </Button>
          <Button
            disabled={!preview.data || !toSend || send.isSuccess}
            loading={send.isPending}
            onClick={() => send.mutate(body(false))}
          >
            {t('notices.send.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RecipientsTable({
  result,
  t,
  lang,
}: {
  result: SendReminderResult;
  t: ReturnType<typeof useLang>['t'];
  lang: ReturnType<typeof useLang>['lang'];
}) {
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('notices.send.agency')}</Table.Th>
            <Table.Th>{t('notices.whatIsLeft')}</Table.Th>
            <Table.Th>{t('notices.send.recipients')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.agencies.map((a) => (
            <Table.Tr key={a.agencyId}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {lang === 'en' && a.nameEn ? a.nameEn : a.nameTh}
                </Text>
                <Text size="xs" c="dimmed">
                  {deadlineWords(t, lang, a.deadline, a.daysLeft)}
                </Text>
              </Table.Td>
              <Table.Td>
                {a.skipped ? (
                  <Text size="sm">{t(`notices.send.skipped.${a.skipped}`)}</Text>
                ) : (
                  a.tasks.map((task) => (
                    <Text size="sm" key={task.code}>
                      {taskWords(t, task)}
                    </Text>
                  ))
                )}
              </Table.Td>
              <Table.Td>
                {a.recipients.map((r) => (
                  <Text size="sm" key={r.id}>
                    {r.name} ({t(`notices.send.roles.${r.role}`)}) — {t(`notices.send.${r.status}`)}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
