// Counted / minimum per survey instrument as labelled progress bars (the label is read by screen readers).
import { Group, Progress, Stack, Text } from '@mantine/core';
import { useLang } from '../../i18n/index.ts';
import { pick } from '../../lib/localized.ts';
import { countOfMinimum, type ProgressEntryView, progressColor } from './progress-view.ts';

export type NamedEntry = ProgressEntryView & { name: { th: string; en?: string | undefined } };

export function progressLabel(e: NamedEntry, t: ReturnType<typeof useLang>['t'], lang: 'th' | 'en'): string {
  const instrument = `${e.instrument} ${pick(e.name, lang)}`;
  return e.minimum === null
    ? t('stakeholders.progress.barUnknown', { instrument, counted: e.counted })
    : t('stakeholders.progress.bar', {
        instrument,
        counted: e.counted,
        minimum: e.minimum,
        percent: e.percent,
      });
}

export function ProgressBars({ entries, compact = false }: { entries: NamedEntry[]; compact?: boolean }) {
  const { lang, t } = useLang();
  return (
    <Stack gap={compact ? 4 : 'sm'}>
      {entries.map((e) => (
        <Stack key={e.instrument} gap={2}>
          {!compact && (
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" fw={500}>
                {e.instrument} · {pick(e.name, lang)}
              </Text>
              <Text size="sm" c={e.reached ? 'green' : undefined} style={{ whiteSpace: 'nowrap' }}>
                {countOfMinimum(e, lang)}
              </Text>
            </Group>
          )}
          <Progress
            value={e.percent ?? 0}
            color={progressColor(e)}
            size={compact ? 'sm' : 'lg'}
            aria-label={progressLabel(e, t, lang)}
          />
        </Stack>
      ))}
    </Stack>
  );
}
