// The stage of the agency's next step and its deadline (Buddhist-Era dates), with the year's OIT stages.
import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { OitReviewStatus, StageInfo } from '../../../api/oit-assessment.ts';
import { useLang } from '../../../i18n/index.ts';
import { formatDate, formatDateRange, todayInBangkok } from '../../../lib/format.ts';
import { pick } from '../../../lib/localized.ts';
import { stageTiming } from './assess-view.ts';
import { ReviewStatusBadge } from './ReviewStatusBadge.tsx';

export function StageBanner({
  current,
  stages,
  status,
}: {
  current: StageInfo | null;
  stages: readonly StageInfo[];
  status: OitReviewStatus;
}) {
  const { lang, t } = useLang();
  const today = todayInBangkok();
  const timing = current ? stageTiming(current, today) : null;
  const color = !timing
    ? 'green'
    : timing.phase === 'ended'
      ? 'red'
      : timing.phase === 'open'
        ? 'blue'
        : 'gray';
  return (
    <Paper withBorder p="md" style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={2} size="h4">
            {t('oitAssess.stage.title')}
          </Title>
          <ReviewStatusBadge status={status} />
        </Group>
        {current && timing ? (
          <>
            <Group gap="xs" wrap="wrap">
              <Text fw={600} data-testid="oit-stage">
                {pick(current.name, lang)}
              </Text>
              {current.extended && (
                <Badge color="orange" variant="light">
                  {t('oitAssess.stage.extended')}
                </Badge>
              )}
            </Group>
            <Text size="sm" data-testid="oit-deadline">
              {timing.phase === 'upcoming'
                ? t('oitAssess.stage.opensOn', {
                    opens: formatDate(current.opensOn, lang),
                    closes: formatDate(current.closesOn, lang),
                  })
                : t('oitAssess.stage.deadline', { date: formatDate(current.closesOn, lang) })}{' '}
              {timing.phase === 'open' &&
                (timing.daysLeft === 0
                  ? t('oitAssess.stage.lastDay')
                  : t('oitAssess.stage.daysLeft', { days: timing.daysLeft }))}
            </Text>
            {timing.phase === 'ended' && (
              <Text size="sm" c="red" fw={600}>
                {t('oitAssess.stage.ended')}
              </Text>
            )}
          </>
        ) : (
          <Text size="sm">{t('oitAssess.stage.none')}</Text>
        )}
        {stages.length > 0 && (
          <details>
            <summary>
              <Text span size="sm">
                {t('oitAssess.stage.all')}
              </Text>
            </summary>
            <List size="sm" mt="xs" spacing={2}>
              {stages.map((s) => (
                <List.Item key={s.code}>
                  {pick(s.name, lang)}: {formatDateRange(s.opensOn, s.closesOn, lang)}
                  {s.extended ? ` · ${t('oitAssess.stage.extended')}` : ''}
                  {s.code === current?.code ? ` · ${t('oitAssess.stage.current')}` : ''}
                </List.Item>
              ))}
            </List>
          </details>
        )}
      </Stack>
    </Paper>
  );
}
