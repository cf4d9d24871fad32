import { Badge, Group, Text, Timeline } from '@mantine/core';
import type { Framework } from '@server/core/framework/schema.ts';
import { useLang } from '../i18n/index.ts';
import { stageStatus } from '../lib/calendar.ts';
import { formatDateRange, todayInBangkok } from '../lib/format.ts';
import { pick } from '../lib/localized.ts';

const COLOR = { past: 'gray', current: 'green', upcoming: 'blue' } as const;

/** The year's stages with their dates (BE) and which are running today. */
export function FrameworkCalendar({ calendar, today }: { calendar: Framework['calendar']; today?: string }) {
  const { lang, t } = useLang();
  const day = today ?? todayInBangkok();
  if (calendar.length === 0) return <Text c="dimmed">{t('frameworks.calendar.none')}</Text>;
  const statuses = calendar.map((s) => stageStatus(s, day));
  const lastActive = statuses.reduce((acc, s, i) => (s !== 'upcoming' ? i : acc), -1);
  return (
    <Timeline active={lastActive} bulletSize={18} lineWidth={2}>
      {calendar.map((stage, i) => {
        const status = statuses[i] ?? 'upcoming';
        return (
          <Timeline.Item
            key={stage.code}
            title={
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {pick(stage.name, lang)}
                </Text>
                <Badge size="xs" color={COLOR[status]} variant={status === 'current' ? 'filled' : 'light'}>
                  {t(`frameworks.calendar.${status}`)}
                </Badge>
              </Group>
            }
            aria-current={status === 'current' ? 'step' : undefined}
          >
            <Text size="sm" c="dimmed">
              {formatDateRange(stage.start, stage.end, lang)}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
