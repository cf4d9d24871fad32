// How a stage's state looks: a colour always paired with words (never colour alone).
import type { StageProgressState } from '@server/core/monitoring/progress.ts';

export const STATE_COLOR: Record<StageProgressState, string> = {
  done: 'teal',
  upcoming: 'gray',
  open: 'blue',
  due_soon: 'orange',
  overdue: 'red',
  unscheduled: 'gray',
};

export const STAGE_STATES: readonly StageProgressState[] = [
  'overdue',
  'due_soon',
  'open',
  'upcoming',
  'done',
  'unscheduled',
];
