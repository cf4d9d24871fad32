import { Badge, Group, Text, Timeline } from '@mantine/core';
import type { StagePhase } from '@server/core/calendar.ts';
import { useLang } from '../i18n/index.ts';
import type { StageRow } from '../lib/calendar.ts';
import { formatDate, formatDateRange } from '../lib/format.ts';
import { pick } from '../lib/localized.ts';

const COLOR: Record<StagePhase, string> = { ended: 'gray', open: 'green', upcoming: 'blue' };
const LABEL: Record<StagePhase, 'past' | 'current' | 'upcoming'> = {
  ended: 'past',
  open: 'current',
  upcoming: 'upcoming',
};

/** The year's stages with their dates (BE) and where each stands (lib/calendar.ts: one rule, no recomputing). */
export function FrameworkCalendar({ stages }: { stages: readonly StageRow[] }) {
  const { lang, t } = useLang();
  if (stages.length === 0) return <Text c="dimmed">{t('frameworks.calendar.none')}</Text>;
  const lastActive = stages.reduce((acc, s, i) => (s.phase !== 'upcoming' ? i : acc), -1);
  return (
    <Timeline active={lastActive} bulletSize={18} lineWidth={2}>
      {stages.map((stage) => (
        <Timeline.Item
          key={stage.code}
          title={
            <Group gap="xs">
              <Text fw={600} size="sm">
                {pick(stage.name, lang)}
              </Text>
              <Badge
                size="xs"
                color={COLOR[stage.phase]}
                variant={stage.phase === 'open' ? 'filled' : 'light'}
              >
                {t(`frameworks.calendar.${LABEL[stage.phase]}`)}
              </Badge>
            </Group>
          }
          aria-current={stage.phase === 'open' ? 'step' : undefined}
        >
          <Text size="sm" c="dimmed">
            {formatDateRange(stage.start, stage.end, lang)}
          </Text>
          {stage.extended && (
            <Text size="xs" c="orange">
              {t('home.extendedUntil', { date: formatDate(stage.closesOn, lang) })}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
