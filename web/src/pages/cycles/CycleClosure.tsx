// Closing a year (NACC): with a reason, confirmed first; from then no stage of the year is open for any
// agency. A closed year can be reopened (audited like the closing).
import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CYCLE_CLOSE_REASON_MAX_LENGTH } from '@server/shared/limits.ts';
import { useState } from 'react';
import { type CycleCalendar, useCycleClosure } from '../../api/cycles.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDateTime, formatFiscalYear } from '../../lib/format.ts';

/** Where the year stands: closed (by whom, when, why) or not. */
export function ClosureStatus({ cycle }: { cycle: CycleCalendar }) {
  const { lang, t } = useLang();
  const c = cycle.closure;
  if (!c) return null;
  return (
    <Alert color="gray" title={t('cycles.status.closed')} data-testid="cycle-closed">
      {t('cycles.status.closedBy', {
        when: formatDateTime(c.closedAt, lang),
        who: c.closedBy?.displayName ?? '–',
        reason: c.reason,
      })}
    </Alert>
  );
}

export function CycleClosure({ cycle }: { cycle: CycleCalendar }) {
  const { lang, t } = useLang();
  const { close, reopen } = useCycleClosure(cycle.year);
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const year = formatFiscalYear(cycle.year, lang);

  if (cycle.closure)
    return (
      <Paper withBorder p="md" component="section" aria-labelledby="cycle-close">
        <Stack gap="sm">
          <Title order={2} size="h4" id="cycle-close">
            {t('cycles.close.reopen')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('cycles.close.reopenHint')}
          </Text>
          <ErrorAlert error={reopen.error} />
          <Group>
            <Button
              variant="light"
              color="orange"
              loading={reopen.isPending}
              onClick={() =>
                reopen.mutate(undefined, {
                  onSuccess: () =>
                    notifications.show({ color: 'green', message: t('cycles.close.reopened') }),
                })
              }
            >
              {t('cycles.close.reopen')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cycle-close">
      <Stack
        gap="sm"
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim()) setAsking(true);
        }}
      >
        <Title order={2} size="h4" id="cycle-close">
          {t('cycles.close.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('cycles.close.hint')}
        </Text>
        <Textarea
          label={t('cycles.close.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={CYCLE_CLOSE_REASON_MAX_LENGTH}
          autosize
          minRows={2}
          required
        />
        <ErrorAlert error={close.error} />
        <Group>
          <Button type="submit" color="red" variant="light" disabled={!reason.trim()}>
            {t('cycles.close.go', { year })}
          </Button>
        </Group>
      </Stack>
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('cycles.close.confirmTitle')} centered>
        <Stack gap="md">
          <Text>{t('cycles.close.confirmBody', { year })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              {t('cycles.extend.cancel')}
            </Button>
            <Button
              color="red"
              loading={close.isPending}
              onClick={() =>
                close.mutate(reason.trim(), {
                  onSuccess: () => {
                    setAsking(false);
                    setReason('');
                    notifications.show({ color: 'green', message: t('cycles.close.done') });
                  },
                  onError: () => setAsking(false),
                })
              }
            >
              {t('cycles.close.go', { year })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
