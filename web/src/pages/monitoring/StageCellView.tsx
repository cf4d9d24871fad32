// One agency × stage cell of the matrix: the state in words on its colour, the deadline (Buddhist Era) and
// the days left, whether the agency itself still owes work, and each task's count.
import { Badge, Stack, Text } from '@mantine/core';
import type { StageCell } from '../../api/monitoring.ts';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import { STATE_COLOR } from './stage-view.ts';

export function StageCellView({ cell }: { cell: StageCell }) {
  const { lang, t } = useLang();
  const open = cell.state === 'open' || cell.state === 'due_soon';
  return (
    <Stack gap={2} miw={130}>
      <Badge
        color={STATE_COLOR[cell.state]}
        variant={cell.state === 'overdue' ? 'filled' : 'light'}
        size="sm"
      >
        {t(`monitoring.state.${cell.state}`)}
      </Badge>
      {cell.deadline && cell.state !== 'done' && (
        <Text size="xs">
          {t('monitoring.cell.deadline', { date: formatDate(cell.deadline, lang) })}
          {cell.extended ? ` · ${t('monitoring.cell.extended')}` : ''}
        </Text>
      )}
      {open && cell.daysLeft !== null && (
        <Text size="xs" fw={cell.state === 'due_soon' ? 700 : undefined}>
          {cell.daysLeft === 0
            ? t('monitoring.cell.lastDay')
            : t('monitoring.cell.daysLeft', { n: cell.daysLeft })}
        </Text>
      )}
      {cell.agencyOutstanding && (
        <Text size="xs" c="red.8" fw={600}>
          {t('monitoring.cell.agencyOutstanding')}
        </Text>
      )}
      {cell.tasks.map((task) => (
        <Text size="xs" c="dimmed" key={task.code}>
          {t(`monitoring.task.${task.code}`)}: {taskAmount(task, t)}
          {task.by === 'assessor' ? ` (${t('monitoring.cell.assessorsWork')})` : ''}
        </Text>
      ))}
    </Stack>
  );
}

function taskAmount(task: StageCell['tasks'][number], t: ReturnType<typeof useLang>['t']) {
  if (task.required === null) return t('monitoring.cell.unknown', { done: task.done });
  if (task.required === 1 && task.done <= 1)
    return task.complete ? t('monitoring.cell.yes') : t('monitoring.cell.no');
  return t('monitoring.cell.of', { done: task.done, required: task.required });
}
