// One notice: what it is about, when it came, and — opened — why the reader got it and what is not done.
import { Badge, Button, Card, Collapse, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { type Notice, useMarkNoticeRead } from '../../api/notices.ts';
import { useLang } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { deadlineWords, headline, measureWords, taskWords, whyWords } from './words.ts';

export function NoticeCard({ notice }: { notice: Notice }) {
  const { lang, t } = useLang();
  const [opened, setOpened] = useState(false);
  const markRead = useMarkNoticeRead();
  const r = notice.reason;
  const unread = notice.readAt === null;
  const detailsId = `notice-${notice.id}`;
  const open = () => {
    setOpened((o) => !o);
    if (unread && !markRead.isPending) markRead.mutate(notice.id);
  };
  return (
    <Card withBorder padding="sm" component="article" aria-labelledby={`${detailsId}-title`}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Group gap="xs">
            {unread && (
              <Badge color="red" size="sm" variant="filled">
                {t('notices.unread')}
              </Badge>
            )}
            <Badge variant="light" size="sm">
              {t(`notices.kind.${notice.kind}`)}
            </Badge>
          </Group>
          <Text id={`${detailsId}-title`} fw={unread ? 700 : 500}>
            {headline(t, notice)}
          </Text>
          {(r.rule === 'before_deadline' || r.rule === 'sent_by_supervisor') && (
            <Text size="sm" c="dimmed">
              {deadlineWords(t, lang, r.deadline, r.daysLeft)}
            </Text>
          )}
          {r.rule === 'measure_due' && (
            <Text size="sm" c="dimmed">
              {measureWords(t, lang, r.end, r.daysLeft, r.status)}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t('notices.receivedAt', { when: formatDateTime(notice.deliveredAt, lang) })} ·{' '}
            {notice.mailed ? t('notices.mailed') : t('notices.inAppOnly')}
          </Text>
        </Stack>
        <Button
          variant="light"
          size="compact-sm"
          onClick={open}
          aria-expanded={opened}
          aria-controls={detailsId}
        >
          {t('notices.open')}
        </Button>
      </Group>
      <Collapse expanded={opened}>
        <Stack id={detailsId} gap="xs" mt="sm">
          <Text size="sm" fw={600}>
            {t('notices.why')}
          </Text>
          <Text size="sm">{whyWords(t, lang, notice)}</Text>
          {r.rule === 'sent_by_supervisor' && r.message && (
            <Text size="sm">{t('notices.message', { message: r.message })}</Text>
          )}
          {(r.rule === 'before_deadline' || r.rule === 'sent_by_supervisor') && r.tasks.length > 0 && (
            <>
              <Text size="sm" fw={600}>
                {t('notices.whatIsLeft')}
              </Text>
              <List size="sm">
                {r.tasks.map((task) => (
                  <List.Item key={task.code}>{taskWords(t, task)}</List.Item>
                ))}
              </List>
            </>
          )}
          {r.rule === 'weekly_digest' && (
            <List size="sm">
              {r.lines.map((l) => (
                <List.Item key={`${l.agencyId}:${l.stage}`}>
                  {l.agencyName} — {t(`notices.stage.${l.stage}`)}:{' '}
                  {l.overdue ? t('notices.overdue') : deadlineWords(t, lang, l.deadline, l.daysLeft)}
                </List.Item>
              ))}
              {r.total > r.lines.length && (
                <List.Item>{t('notices.more', { count: r.total - r.lines.length })}</List.Item>
              )}
            </List>
          )}
        </Stack>
      </Collapse>
    </Card>
  );
}
