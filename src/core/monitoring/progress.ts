// An agency's progress through the year's cycle, for the people who chase it (supervisors, NACC), the
// to-do lists and the reminders: one rule. From what the agency has done (facts the modules count) and the
// calendar (the one stage-window rule, `calendarState`), each stage gets its state, deadline and days left,
// and whether work **the agency itself must do** is outstanding — EIT part 2, OIT scoring and confirmation
// are the assessors' work, never counted against the agency. Pure: no I/O, the caller passes `now`.
import { type CalendarState, calendarState, type StageDates, type StagePhase } from '../calendar.ts';
import { assertNever } from '../exhaustive.ts';

/** Counted responses against the minimum sample; `minimum` is null while the population is unknown. */
export interface SampleCount {
  counted: number;
  minimum: number | null;
}

/** What one agency has done this year, as counted by the modules that own the data. */
export interface AgencyFacts {
  registered: boolean;
  stakeholder: { entered: boolean; approved: boolean };
  /** Null when the year's framework has no such survey instrument. */
  iit: SampleCount | null;
  eit1: SampleCount | null;
  eit2: SampleCount | null;
  oit: {
    /** OIT items that apply to the agency's type (0: the framework has no open-data instrument). */
    items: number;
    answered: number;
    approved: number;
    scored: number;
    /** Items the assessors first scored 0: the ones the agency may clarify. */
    scoredZero: number;
    clarified: number;
    confirmed: number;
  };
}

/** Who does a task: the agency (its admin, staff and executive) or the assessors. */
export type Doer = 'agency' | 'assessor';

export const MONITORED_TASKS = [
  'registration',
  'stakeholder_entry',
  'stakeholder_approval',
  'iit',
  'eit1',
  'eit2',
  'oit_answers',
  'oit_approval',
  'oit_scoring',
  'oit_clarification',
  'oit_confirmation',
] as const;
export type TaskCode = (typeof MONITORED_TASKS)[number];

/** The calendar stages monitored, in cycle order (codes of the framework calendar). */
export const MONITORED_STAGES = [
  'register',
  'stakeholder_data',
  'iit_collection',
  'eit_collection',
  'oit_answering',
  'oit_scoring',
  'clarification',
  'confirmation',
] as const;
export type MonitoredStage = (typeof MONITORED_STAGES)[number];

interface TaskRule {
  stage: MonitoredStage;
  by: Doer;
  /** An optional task (clarifying an item scored 0) is never late: the agency may leave it. */
  optional: boolean;
}

const TASKS: Record<TaskCode, TaskRule> = {
  registration: { stage: 'register', by: 'agency', optional: false },
  stakeholder_entry: { stage: 'stakeholder_data', by: 'agency', optional: false },
  stakeholder_approval: { stage: 'stakeholder_data', by: 'agency', optional: false },
  iit: { stage: 'iit_collection', by: 'agency', optional: false },
  eit1: { stage: 'eit_collection', by: 'agency', optional: false },
  eit2: { stage: 'eit_collection', by: 'assessor', optional: false },
  oit_answers: { stage: 'oit_answering', by: 'agency', optional: false },
  oit_approval: { stage: 'oit_answering', by: 'agency', optional: false },
  oit_scoring: { stage: 'oit_scoring', by: 'assessor', optional: false },
  oit_clarification: { stage: 'clarification', by: 'agency', optional: true },
  oit_confirmation: { stage: 'confirmation', by: 'assessor', optional: false },
};

export const taskRule = (code: TaskCode): TaskRule => TASKS[code];

export interface TaskProgress {
  code: TaskCode;
  by: Doer;
  optional: boolean;
  done: number;
  /** How many are needed; null while unknown (a minimum sample before the population is entered). */
  required: number | null;
  complete: boolean;
}

/**
 * A stage's state: `done` (every task complete), `upcoming` (not open yet), `open` (in time), `due_soon`
 * (open, at most DUE_SOON_DAYS left), `overdue` (over, work not done), `unscheduled` (no such stage in the
 * year's calendar and work not done).
 */
export const STAGE_PROGRESS_STATES = [
  'done',
  'upcoming',
  'open',
  'due_soon',
  'overdue',
  'unscheduled',
] as const;
export type StageProgressState = (typeof STAGE_PROGRESS_STATES)[number];

/** Days left at or under which an open stage with work outstanding is "due soon". */
export const DUE_SOON_DAYS = 7;

export interface StageProgress {
  code: MonitoredStage;
  state: StageProgressState;
  /** The stage's phase for this agency (extensions included); null when the calendar has no such stage. */
  phase: StagePhase | null;
  opensOn: string | null;
  /** The last day (Asia/Bangkok) after any extension for this agency. */
  deadline: string | null;
  daysLeft: number | null;
  extended: boolean;
  tasks: TaskProgress[];
  /** Work the agency itself must do in this stage is not done while the stage is open or over. */
  agencyOutstanding: boolean;
}

export interface CycleProgress {
  stages: StageProgress[];
  /** The first agency task outstanding (the agency's next step), or null. */
  nextAgencyTask: TaskCode | null;
  /** Agency stages over with the agency's own work not done. */
  overdueStages: number;
  /** Larger is further behind on the agency's own work; 0 when nothing of the agency's is outstanding. */
  behind: number;
  /**
   * NACC closed the year (at or before now): every stage has ended and no write of it is accepted any more,
   * so nothing is outstanding — no to-do step, no reminder, nobody behind — while each stage's `state` still
   * records what was left undone (`overdue`).
   */
  closed: boolean;
}

function task(code: TaskCode, done: number, required: number | null): TaskProgress {
  const r = TASKS[code];
  return {
    code,
    by: r.by,
    optional: r.optional,
    done,
    required,
    complete: required !== null && done >= required,
  };
}

const flag = (code: TaskCode, yes: boolean) => task(code, yes ? 1 : 0, 1);
const sample = (code: TaskCode, s: SampleCount | null) =>
  s === null ? null : task(code, s.counted, s.minimum);

/** The tasks of the year for the agency, in cycle order (survey instruments the framework lacks left out). */
export function tasksOf(f: AgencyFacts): TaskProgress[] {
  const all: (TaskProgress | null)[] = [
    flag('registration', f.registered),
    flag('stakeholder_entry', f.stakeholder.entered),
    flag('stakeholder_approval', f.stakeholder.approved),
    sample('iit', f.iit),
    sample('eit1', f.eit1),
    sample('eit2', f.eit2),
    ...(f.oit.items === 0
      ? []
      : [
          task('oit_answers', f.oit.answered, f.oit.items),
          task('oit_approval', f.oit.approved, f.oit.items),
          task('oit_scoring', f.oit.scored, f.oit.items),
          // What there is to clarify is known once every item is scored.
          task('oit_clarification', f.oit.clarified, f.oit.scored >= f.oit.items ? f.oit.scoredZero : null),
          task('oit_confirmation', f.oit.confirmed, f.oit.items),
        ]),
  ];
  return all.filter((t): t is TaskProgress => t !== null);
}

type CalendarStage = CalendarState<StageDates>['stages'][number];

function stateOf(stage: CalendarStage | undefined, tasks: readonly TaskProgress[]): StageProgressState {
  // An optional task never holds a stage back once the stage is over.
  const done = tasks.every((t) => t.complete || (t.optional && stage?.phase === 'ended'));
  if (done) return 'done';
  if (stage === undefined) return 'unscheduled';
  switch (stage.phase) {
    case 'upcoming':
      return 'upcoming';
    case 'open':
      return stage.daysLeft !== null && stage.daysLeft <= DUE_SOON_DAYS ? 'due_soon' : 'open';
    case 'ended':
      return 'overdue';
    default:
      return assertNever(stage.phase);
  }
}

/**
 * Whether an agency task counts as outstanding in a stage of this phase (not before the stage opens, never
 * in a closed year: the work can no longer be done).
 */
function outstanding(t: TaskProgress, phase: StagePhase | null, closed = false): boolean {
  if (closed || t.by !== 'agency' || t.complete) return false;
  if (t.optional) return phase === 'open' && t.required !== null;
  return phase === 'open' || phase === 'ended';
}

/**
 * The agency's progress through the year: each monitored stage (framework calendar, the agency's
 * extensions by stage code, now) with its tasks, state, deadline and days left.
 */
export function cycleProgress(
  facts: AgencyFacts,
  calendar: readonly StageDates[],
  extensions: ReadonlyMap<string, string>,
  now: Date,
  /** When NACC closed the year (no stage is open after it), or null. */
  yearClosedAt: Date | null = null,
): CycleProgress {
  return progressInCalendar(facts, calendarState(calendar, extensions, now, yearClosedAt));
}

/**
 * `cycleProgress` from the agency's calendar state worked out already (`calendarState` of the framework's
 * calendar, the agency's extensions, now, the year's closing): the same state serves every agency without
 * extensions at one moment, and working it out is most of the cost of a scope's progress.
 */
export function progressInCalendar(facts: AgencyFacts, cal: CalendarState<StageDates>): CycleProgress {
  const byCode = new Map(cal.stages.map((s) => [s.code, s]));
  const tasks = tasksOf(facts);
  const stages: StageProgress[] = [];
  for (const code of MONITORED_STAGES) {
    const own = tasks.filter((t) => TASKS[t.code].stage === code);
    if (own.length === 0) continue;
    const s = byCode.get(code);
    const phase = s?.phase ?? null;
    stages.push({
      code,
      state: stateOf(s, own),
      phase,
      opensOn: s?.opensOn ?? null,
      deadline: s?.closesOn ?? null,
      daysLeft: s?.daysLeft ?? null,
      extended: s?.extended ?? false,
      tasks: own,
      agencyOutstanding: own.some((t) => outstanding(t, phase, cal.closed)),
    });
  }
  if (cal.closed) return { stages, nextAgencyTask: null, overdueStages: 0, behind: 0, closed: true };
  const next = stages.flatMap((s) => s.tasks.filter((t) => outstanding(t, s.phase)))[0]?.code ?? null;
  const overdueStages = stages.filter((s) => s.phase === 'ended' && lateTasks(s).length > 0).length;
  return { stages, nextAgencyTask: next, overdueStages, behind: behindKey(stages), closed: false };
}

/**
 * How far behind the agency is on its own required work, as one number to sort by (larger: further
 * behind): first the number of stages over with required agency work not done, then how soon the nearest open
 * deadline with work outstanding falls, then how much of the outstanding work is missing. Doing more never
 * raises it; with nothing of the agency's outstanding it is 0.
 */
export function behindKey(stages: readonly StageProgress[]): number {
  let overdue = 0;
  let nearest: number | null = null;
  let missing = 0;
  for (const s of stages) {
    const late = lateTasks(s);
    if (late.length === 0) continue;
    if (s.phase === 'ended') overdue += 1;
    else if (s.daysLeft !== null) nearest = nearest === null ? s.daysLeft : Math.min(nearest, s.daysLeft);
    for (const t of late) missing += missingShare(t);
  }
  const urgency = nearest === null ? 0 : 999 - Math.min(Math.max(nearest, 0), 998);
  // 11 tasks at most, each missing at most 1: 90 per task keeps the sum under 1,000.
  return overdue * 1_000_000 + urgency * 1_000 + Math.round(missing * 90);
}

/** The stage's required agency tasks outstanding (none before the stage opens). */
const lateTasks = (s: StageProgress) => s.tasks.filter((t) => !t.optional && outstanding(t, s.phase));

/** The share of a task not done yet (1 while the requirement is unknown). */
function missingShare(t: TaskProgress): number {
  if (t.required === null) return 1;
  if (t.required === 0) return 0;
  return Math.max(0, 1 - t.done / t.required);
}
