// API shapes of the provincial plans (issue 12 §3): a plan per province or ministry and fiscal year, its
// activities in order, each with a period (a month, a range of months or exact days), the responsible
// offices, a status, notes and the calendar stages it chases agencies through.
import { z } from 'zod';
import { PLAN_SCOPE_KINDS } from '../../core/authz.ts';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES } from '../../core/plans/activity.ts';
import { isIsoDate } from '../../core/plans/period.ts';
import { CHASE_STAGES } from '../../core/plans/template.ts';
import { ZFiscalYear } from '../../shared/fiscal-year.ts';

export const PLAN_LIMITS = { activities: 60, title: 1000, offices: 10, office: 200, notes: 2000 } as const;

export const ZPlanScopeKind = z.enum(PLAN_SCOPE_KINDS).describe('`province` or `ministry`');

export const ZPlanParams = z.object({
  year: ZFiscalYear,
  kind: ZPlanScopeKind,
  code: z.string().min(1).max(32).describe('The province’s code (TH-47) or the ministry’s'),
});
export type PlanParams = z.infer<typeof ZPlanParams>;
export const ZPlanYearParams = z.object({ year: ZFiscalYear });
export const ZPlanExportParams = ZPlanParams.extend({ format: z.enum(['docx', 'pdf']) });
export const ZPlanExportQuery = z.object({
  digits: z.enum(['thai', 'arabic']).default('thai').describe('Thai digits (๒๕๖๘, the default) or Arabic'),
});

const ZYearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM (Gregorian)')
  .describe('A month as YYYY-MM, Gregorian (shown in the Buddhist Era)');
const ZDay = z
  .string()
  .refine(isIsoDate, 'a real day as YYYY-MM-DD (Gregorian)')
  .describe('A day as YYYY-MM-DD, Gregorian (shown in the Buddhist Era)');

const ordered = (p: { from: string; to: string }) => p.from <= p.to;
const reversed = { message: 'the period ends before it starts', path: ['to'] };

export const ZPlanPeriod = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('month'), month: ZYearMonth }),
    z.strictObject({ kind: z.literal('months'), from: ZYearMonth, to: ZYearMonth }).refine(ordered, reversed),
    z.strictObject({ kind: z.literal('dates'), from: ZDay, to: ZDay }).refine(ordered, reversed),
  ])
  .describe(
    'When: `month` (มกราคม 2568), `months` (ธันวาคม 2567 – กุมภาพันธ์ 2568) or `dates` (15–30 เมษายน 2568). ' +
      'Within a year either side of the fiscal year (400 `plan_period_outside_year`).',
  );

const text = (max: number) => z.string().trim().min(1).max(max);

export const ZPlanActivityInput = z.strictObject({
  kind: z.enum(ACTIVITY_KINDS).describe('The template kind it came from, or `other`'),
  title: text(PLAN_LIMITS.title).describe('กิจกรรม/การดำเนินงาน'),
  period: ZPlanPeriod,
  offices: z
    .array(text(PLAN_LIMITS.office))
    .min(1)
    .max(PLAN_LIMITS.offices)
    .describe('หน่วยงานผู้รับผิดชอบ, in order'),
  status: z.enum(ACTIVITY_STATUSES).default('planned'),
  notes: z.string().trim().max(PLAN_LIMITS.notes).nullable().default(null),
  chases: z
    .array(z.enum(CHASE_STAGES))
    .max(CHASE_STAGES.length)
    .refine((l) => new Set(l).size === l.length, 'a stage is named once')
    .default([])
    .describe('The calendar stages whose agencies behind this activity chases'),
});

export const ZPlanBody = z
  .strictObject({
    activities: z.array(ZPlanActivityInput).max(PLAN_LIMITS.activities).describe('The whole plan, in order'),
    version: z
      .number()
      .int()
      .min(0)
      .describe(
        'The `version` read (0 for a plan not saved yet): a save over a newer one answers 409 `plan_changed`',
      ),
  })
  .meta({
    example: {
      activities: [
        {
          kind: 'chase_oit',
          title: 'ติดตามเร่งรัดการตอบแบบตรวจ OIT และการอนุมัติโดยผู้บริหาร',
          period: { kind: 'dates', from: '2025-01-01', to: '2025-04-30' },
          offices: ['สำนักงานจังหวัดสกลนคร'],
          status: 'in_progress',
          notes: null,
          chases: ['oit_answering'],
        },
      ],
      version: 0,
    },
  });
export type PlanBody = z.infer<typeof ZPlanBody>;

const ZLocalizedName = z.object({ th: z.string(), en: z.string() });
export const ZPlanScope = z.object({ kind: ZPlanScopeKind, code: z.string(), name: ZLocalizedName });
export type PlanScope = z.infer<typeof ZPlanScope>;

const ZPeriodOut = z.union([
  z.object({ kind: z.literal('month'), month: z.string() }),
  z.object({ kind: z.literal('months'), from: z.string(), to: z.string() }),
  z.object({ kind: z.literal('dates'), from: z.string(), to: z.string() }),
]);

export const ZChaseLink = z.object({
  stage: z.enum(CHASE_STAGES),
  /** The monitoring view of the agencies in the plan's scope still behind on that stage. */
  href: z.string(),
  /** How many agencies of the scope have their own work outstanding in that stage now; null: not counted. */
  behind: z.number().int().nullable(),
});

export const ZPlanActivity = z.object({
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string(),
  period: ZPeriodOut,
  offices: z.array(z.string()),
  status: z.enum(ACTIVITY_STATUSES),
  notes: z.string().nullable(),
  chases: z.array(ZChaseLink),
});
export type PlanActivityView = z.infer<typeof ZPlanActivity>;

export const ZTemplateActivity = z.object({
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string().describe('In Thai, the years filled in'),
  titleEn: z.string(),
  period: ZPeriodOut.describe('From the year’s framework calendar where the activity follows a stage'),
  offices: z.array(z.string()),
  chases: z.array(z.enum(CHASE_STAGES)),
});
export type TemplateActivityView = z.infer<typeof ZTemplateActivity>;

export const ZPlanStage = z.object({
  code: z.string(),
  name: ZLocalizedName,
  start: z.string(),
  end: z.string(),
});

export const ZPlan = z.object({
  year: z.number().int(),
  scope: ZPlanScope,
  /** False until the first save: the page offers the template. */
  exists: z.boolean(),
  activities: z.array(ZPlanActivity),
  /** 0 while nothing was saved; send it back in the PUT body. */
  version: z.number().int(),
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  canEdit: z.boolean(),
  template: z.array(ZTemplateActivity),
  /** The year's framework calendar (empty when no framework is loaded for the year). */
  calendar: z.array(ZPlanStage),
  limits: z.object({
    activities: z.number().int(),
    title: z.number().int(),
    offices: z.number().int(),
    office: z.number().int(),
    notes: z.number().int(),
  }),
});
export type Plan = z.infer<typeof ZPlan>;

export const ZPlanSummary = z.object({
  scope: ZPlanScope,
  exists: z.boolean(),
  activities: z.number().int(),
  done: z.number().int(),
  version: z.number().int(),
  updatedAt: z.iso.datetime().nullable(),
  canEdit: z.boolean(),
});
export const ZPlanList = z.object({ year: z.number().int(), plans: z.array(ZPlanSummary) });
export type PlanList = z.infer<typeof ZPlanList>;
export type PlanSummary = z.infer<typeof ZPlanSummary>;
