// What other modules may use of monitoring (the reminders decide who gets one from it): the progress of a
// set of agencies through the year's cycle, by the one rule in src/core/monitoring.
export {
  type AgencyFacts,
  type CycleProgress,
  cycleProgress,
  DUE_SOON_DAYS,
  MONITORED_STAGES,
  MONITORED_TASKS,
  type MonitoredStage,
  type StageProgress,
  type StageProgressState,
  type TaskCode,
  type TaskProgress,
  taskRule,
} from '../../core/monitoring/progress.ts';
export {
  type AgencyProgressRow,
  type AgencySelection,
  agencyProgress,
  type ProgressQuery,
  type ProgressSet,
} from './monitoring.facts.ts';
