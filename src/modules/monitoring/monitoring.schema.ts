// Requests and answers of the monitoring routes: the progress matrix over the actor's scope, the roll-up by
// ministry, agency type or province, their XLSX downloads, and the to-do list of the home page.
import { z } from 'zod';
import { MONITORED_STAGES, MONITORED_TASKS, STAGE_PROGRESS_STATES } from '../../core/monitoring/progress.ts';
import { WAITING_KINDS, WAITING_PAGES } from '../../core/monitoring/waiting.ts';
import { AGENCY_TYPES } from '../../shared/agency-types.ts';
import { ZFiscalYear } from '../../shared/fiscal-year.ts';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../../shared/limits.ts';
import { ZDaysLeft, ZStagePhase } from '../calendar/index.ts';

export const ZYearParams = z.object({ year: ZFiscalYear });
const ZLocalized = z.object({ th: z.string(), en: z.string().optional() });
const ZCode = z
  .string()
  .trim()
  .min(1)
  .max(16)
  .regex(/^[A-Za-z0-9_-]+$/);
const ZIsoDay = z.string().describe('YYYY-MM-DD, a day in Asia/Bangkok');

export const MATRIX_SORTS = [
  'behind',
  'name',
  'code',
  'province',
  'ministry',
  'type',
  ...MONITORED_STAGES,
] as const;
export type MatrixSort = (typeof MATRIX_SORTS)[number];

/** What narrows the agencies of the matrix and the roll-up. */
export const ZMatrixFilter = z.object({
  province: ZCode.optional().describe('Province code'),
  ministry: ZCode.optional().describe('Ministry code'),
  type: z.enum(AGENCY_TYPES).optional(),
  stage: z.enum(MONITORED_STAGES).optional().describe('With `state`: the stage whose state is asked'),
  state: z
    .enum(STAGE_PROGRESS_STATES)
    .optional()
    .describe('Agencies with a stage (or `stage`) in this state'),
  behind: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('Only agencies with their own work outstanding'),
  q: z.string().trim().min(1).max(100).optional().describe('Part of the agency name or code'),
});

export const ZMatrixQuery = ZMatrixFilter.extend({
  sort: z
    .enum(MATRIX_SORTS)
    .default('behind')
    .describe('behind: furthest behind on its own work; a stage code: by that stage'),
  dir: z
    .enum(['asc', 'desc'])
    .optional()
    .describe('Default: worst first for behind and stages, A→Z otherwise'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});
export type MatrixQuery = z.infer<typeof ZMatrixQuery>;
export type MatrixFilter = z.infer<typeof ZMatrixFilter>;

export const ROLLUP_BY = ['ministry', 'type', 'province'] as const;
export type RollupBy = (typeof ROLLUP_BY)[number];
export const ZRollupQuery = ZMatrixFilter.extend({ by: z.enum(ROLLUP_BY).default('ministry') });
export type RollupQuery = z.infer<typeof ZRollupQuery>;

const ZTask = z.object({
  code: z.enum(MONITORED_TASKS),
  by: z.enum(['agency', 'assessor']),
  optional: z.boolean(),
  done: z.number().int(),
  required: z.number().int().nullable(),
  complete: z.boolean(),
});

export const ZStageCell = z.object({
  code: z.enum(MONITORED_STAGES),
  state: z.enum(STAGE_PROGRESS_STATES),
  phase: ZStagePhase.nullable(),
  deadline: ZIsoDay.nullable().describe('Last day for this agency (extensions applied)'),
  daysLeft: ZDaysLeft,
  extended: z.boolean(),
  agencyOutstanding: z.boolean().describe('Work the agency itself must do is not done'),
  tasks: z.array(ZTask),
});

const ZNamed = z.object({ code: z.string(), name: ZLocalized }).nullable();

export const ZMatrixAgency = z.object({
  id: z.string(),
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string().nullable(),
  type: z.enum(AGENCY_TYPES),
  province: ZNamed,
  ministry: ZNamed,
});

export const ZMatrixRow = z.object({
  agency: ZMatrixAgency,
  registered: z.boolean(),
  behind: z.number().int().describe('Larger: further behind on its own work; 0: nothing outstanding'),
  overdueStages: z.number().int(),
  nextTask: z.enum(MONITORED_TASKS).nullable(),
  stages: z.array(ZStageCell),
});
export type MatrixRow = z.infer<typeof ZMatrixRow>;

export const ZStageInfo = z.object({
  code: z.enum(MONITORED_STAGES),
  name: ZLocalized,
  opensOn: ZIsoDay.nullable(),
  closesOn: ZIsoDay.nullable().describe("The framework's last day (before any agency's extension)"),
});

export const ZMatrix = z.object({
  year: z.number().int(),
  today: ZIsoDay,
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  stages: z.array(ZStageInfo),
  summary: z.object({ agencies: z.number().int(), behind: z.number().int(), overdue: z.number().int() }),
  items: z.array(ZMatrixRow),
});
export type Matrix = z.infer<typeof ZMatrix>;

export const ZRollupGroup = z.object({
  key: z.string().nullable().describe('Ministry, province code or agency type; null: none recorded'),
  name: ZLocalized.nullable(),
  agencies: z.number().int(),
  registered: z.number().int(),
  stakeholderEntered: z.number().int().describe('Agencies whose stakeholder numbers are entered'),
  stakeholderApproved: z.number().int(),
  iitReached: z.number().int(),
  eit1Reached: z.number().int(),
  eit2Reached: z.number().int(),
  oitAnswered: z.number().int().describe('Agencies that answered every OIT item'),
  oitApproved: z.number().int(),
  oitScored: z.number().int().describe('Agencies whose every OIT item the assessors scored'),
  oitClarified: z.number().int().describe('Agencies that clarified every OIT item first scored 0'),
  oitConfirmed: z.number().int(),
  behind: z.number().int().describe('Agencies with their own work outstanding'),
  overdue: z.number().int().describe('Agencies with a stage over and their own work not done'),
});
export type RollupGroup = z.infer<typeof ZRollupGroup>;

export const ZRollup = z.object({
  year: z.number().int(),
  today: ZIsoDay,
  by: z.enum(ROLLUP_BY),
  total: ZRollupGroup,
  groups: z.array(ZRollupGroup),
});
export type Rollup = z.infer<typeof ZRollup>;

export const TODO_KINDS = [
  'agency_task',
  'oit_returned',
  'approve_stakeholders',
  'approve_oit',
  'score_oit',
  'decide_clarifications',
  'confirm_oit',
  'collect_interviews',
  'review_interviews',
  'decide_flags',
  'laggard',
  'agencies_behind',
  'stage_overdue',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export const ZTodoQuery = z.object({ year: ZFiscalYear.optional() });

export const ZTodoItem = z.object({
  kind: z.enum(TODO_KINDS),
  task: z.enum(MONITORED_TASKS).nullable(),
  stage: z.enum(MONITORED_STAGES).nullable(),
  agency: z.object({ id: z.string(), nameTh: z.string(), nameEn: z.string().nullable() }).nullable(),
  count: z.number().int().describe('How many (items, agencies, interviews)'),
  deadline: ZIsoDay.nullable(),
  daysLeft: ZDaysLeft,
  overdue: z.boolean(),
  link: z.string().describe('Where in the web app the work is done'),
});
export type TodoItem = z.infer<typeof ZTodoItem>;

export const ZTodo = z.object({
  year: z.number().int().nullable(),
  items: z.array(ZTodoItem),
  /** More items than listed (the list is capped). */
  more: z.boolean(),
});
export type Todo = z.infer<typeof ZTodo>;

/** The work waiting behind a page's agency picker (quality, EIT part 2, IIT access). */
export const ZWaitingParams = z.object({ page: z.enum(WAITING_PAGES) });
export const ZWaitingQuery = z.object({ year: ZFiscalYear.optional() });

export const ZWaitingAgency = z.object({
  agency: z.object({ id: z.string(), code: z.string(), nameTh: z.string(), nameEn: z.string().nullable() }),
  /** Every item's count added up: the list's order, most first. */
  total: z.number().int(),
  items: z.array(z.object({ kind: z.enum(WAITING_KINDS), count: z.number().int().min(1) })).min(1),
});
export type WaitingAgency = z.infer<typeof ZWaitingAgency>;

export const ZWaiting = z.object({
  page: z.enum(WAITING_PAGES),
  /** The year looked at (the latest framework year unless asked); null when no framework is loaded. */
  year: z.number().int().nullable(),
  agencies: z.array(ZWaitingAgency),
  /** Agencies with work waiting beyond those listed (the list is capped). */
  more: z.number().int(),
});
export type Waiting = z.infer<typeof ZWaiting>;
