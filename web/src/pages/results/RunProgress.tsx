// A run's progress: the bar (done of total agencies), its status in words and how long it has taken. The
// run's query polls while it is queued or running (resultQueries.run), so the bar moves on its own.
import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Run } from '../../api/results.ts';
import { useLang } from '../../i18n/index.ts';
import { elapsedMs, formatDuration, progressPercent } from './run-view.ts';

export const STATUS_COLOR: Record<Run['status'], string> = {
  queued: 'gray',
  running: 'blue',
  done: 'green',
  failed: 'red',
};

export function RunStatusBadge({ status }: { status: Run['status'] }) {
  const { t } = useLang();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-status={status}>
      {t(`processing.status.${status}`)}
    </Badge>
  );
}

/** Re-renders every second while `on`, so the elapsed time ticks between polls. */
function useNow(on: boolean): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => setNow(new Date()), 1_000);
    return () => clearInterval(timer);
  }, [on]);
  return now;
}

export function RunProgress({ run }: { run: Run }) {
  const { lang, t } = useLang();
  const active = run.status === 'queued' || run.status === 'running';
  const now = useNow(active);
  const percent = run.status === 'done' ? 100 : progressPercent(run);
  const elapsed = elapsedMs(run, now);
  const label =
    run.progress.total > 0
      ? t('processing.progress.label', { done: run.progress.done, total: run.progress.total })
      : t('processing.progress.counting');
  return (
    <Stack gap={6}>
      <Group gap="sm" wrap="wrap">
        <RunStatusBadge status={run.status} />
        <Text size="sm" aria-live="polite">
          {run.status === 'queued' ? t('processing.progress.waiting') : label}
        </Text>
        {elapsed !== null && (
          <Text size="sm" c="dimmed">
            {t('processing.progress.elapsed', { time: formatDuration(elapsed, lang) })}
          </Text>
        )}
      </Group>
      <Progress
        value={percent}
        color={STATUS_COLOR[run.status]}
        size="lg"
        striped={active}
        animated={run.status === 'running'}
        aria-label={label}
        data-testid="run-progress"
      />
    </Stack>
  );
}
