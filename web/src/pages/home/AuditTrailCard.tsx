// The audit trail at a glance for NACC admins: whether the change history still matches its signed
// checkpoints (the server's sentences, in the reader's language), the latest checkpoints, and a button to
// take one now (it is e-mailed to every admin).
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLatestCheckpoints, useTakeCheckpoint, useTrailVerification } from '../../api/audit.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatCount, formatDateTime } from '../../lib/format.ts';

export function AuditTrailCard() {
  const { lang, t } = useLang();
  const verification = useTrailVerification();
  const latest = useLatestCheckpoints(3);
  const take = useTakeCheckpoint();
  const v = verification.data;

  const takeNow = () =>
    take.mutate(undefined, {
      onSuccess: (c) =>
        notifications.show({
          color: 'green',
          title: t('auditTrail.taken'),
          message: t('auditTrail.takenDetail', { seq: formatCount(c.seq, lang) }),
        }),
    });

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            {t('auditTrail.title')}
          </Title>
          {v && (
            <Badge color={v.ok ? 'green' : 'red'} variant="light" role="status">
              {t(`auditTrail.status.${v.status}`)}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('auditTrail.explain')}
        </Text>
        <QueryState query={verification}>
          {(v) => (
            <Alert color={v.ok ? 'green' : 'red'} variant="light">
              <Stack gap={4}>
                {v.messages.map((m) => (
                  <Text key={m.en} size="sm">
                    {lang === 'th' ? m.th : m.en}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}
        </QueryState>
        {latest.data && latest.data.items.length === 0 && <Text size="sm">{t('auditTrail.none')}</Text>}
        {latest.data && latest.data.items.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('auditTrail.latest')}
            </Text>
            {latest.data.items.map((c) => (
              <Text key={c.signed} size="sm">
                {t('auditTrail.item', {
                  seq: formatCount(c.seq, lang),
                  at: formatDateTime(c.takenAt, lang),
                  reason: t(`auditTrail.reason.${c.reason}`, { defaultValue: c.reason }),
                })}
              </Text>
            ))}
          </Stack>
        )}
        {latest.data?.keys[0] && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('auditTrail.fingerprint', { fingerprint: latest.data.keys[0].fingerprint })}
          </Text>
        )}
        <ErrorAlert error={latest.error ?? take.error} />
        <Group>
          <Button variant="light" onClick={takeNow} loading={take.isPending}>
            {t('auditTrail.takeNow')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
