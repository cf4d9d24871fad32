// Which agencies have work of their own outstanding in a stage: the one place where reminders ask. The rule
// itself is the monitoring rule (src/core/monitoring, through `agencyProgress` of the monitoring module, over
// the facts it counts); this file only adapts its answer to what a reminder needs — no second version of it.
import type { StagePhase } from '../../core/calendar.ts';
import { type OutstandingTask, REMINDER_STAGES, type ReminderStage } from '../../core/notices/reminders.ts';
import type { Db } from '../../db/client.ts';
import { agencyProgress } from '../monitoring/index.ts';

/** One agency in one reminder stage, as the monitoring rule sees it now. */
export interface StageWork {
  agencyId: string;
  stage: ReminderStage;
  /** The stage's phase for the agency (its extensions included); null when the calendar has no such stage. */
  phase: StagePhase | null;
  /** The last day (Asia/Bangkok) after any extension. */
  deadline: string | null;
  daysLeft: number | null;
  /** Work the agency itself must do in this stage is not done (never the assessors' work). */
  outstanding: boolean;
  /** The agency's tasks of the stage not complete yet. */
  tasks: OutstandingTask[];
}

/** Which agencies: a list (a reminder, a re-check, a digest's scope) or, said out loud, all of them. */
export type WorkSelection = { agencyIds: readonly string[] } | { everyAgency: true };

/**
 * The work of the selected agencies taking part in the year, in every reminder stage of the year's
 * calendar: one entry per agency and stage. Replaceable in tests through the planner's and sender's
 * parameters.
 */
export type StageWorkSource = (
  db: Db,
  year: number,
  select: WorkSelection,
  now: Date,
) => Promise<StageWork[]>;

const isReminderStage = (code: string): code is ReminderStage =>
  (REMINDER_STAGES as readonly string[]).includes(code);

/**
 * The reminders' source of truth: the monitoring rule's progress of the selected agencies (seven queries
 * whatever their number), each reminder stage with whether the agency's own work is outstanding
 * (`agencyOutstanding`: never the assessors' work) and the agency's tasks not complete.
 */
export const stageWork: StageWorkSource = async (db, year, select, now) => {
  if ('agencyIds' in select && select.agencyIds.length === 0) return [];
  const set = await agencyProgress(db, { year, now, select });
  return set.rows.flatMap((row) =>
    row.progress.stages.flatMap((s): StageWork[] =>
      isReminderStage(s.code)
        ? [
            {
              agencyId: row.agency.id,
              stage: s.code,
              phase: s.phase,
              deadline: s.deadline,
              daysLeft: s.daysLeft,
              outstanding: s.agencyOutstanding,
              tasks: s.tasks
                .filter((t) => t.by === 'agency' && !t.complete)
                .map((t) => ({ code: t.code, done: t.done, required: t.required })),
            },
          ]
        : [],
    ),
  );
};
