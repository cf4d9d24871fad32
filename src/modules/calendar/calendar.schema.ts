import { z } from 'zod';
import { EXTENSION_REASON_MAX_LENGTH } from '../../shared/limits.ts';

const ZLocalizedOut = z.object({ th: z.string(), en: z.string().optional() });
const ZIsoDay = z.iso.date().meta({ example: '2025-07-15' });

export const ZStageCode = z
  .string()
  .regex(/^[a-z_]{2,32}$/)
  .meta({ example: 'iit_collection' });

export const ZExtensionBody = z.strictObject({
  endsOn: ZIsoDay.describe(
    'The new last day of the stage for this agency (Asia/Bangkok); later than the framework’s',
  ),
  reason: z.string().trim().min(1).max(EXTENSION_REASON_MAX_LENGTH),
});
export type ExtensionBody = z.infer<typeof ZExtensionBody>;

/** How every page says where a stage stands (src/core/calendar.ts `stageState`), OIT pages included. */
export const ZStagePhase = z
  .enum(['upcoming', 'open', 'ended'])
  .describe('Not open yet, open now, or over for this agency (extensions applied)');
export const ZDaysLeft = z
  .number()
  .int()
  .nullable()
  .describe('Whole days to the last day while open (0 on the last day); null when not open');

export const ZCalendarStage = z.object({
  code: z.string(),
  name: ZLocalizedOut,
  start: ZIsoDay,
  /** The framework's last day. */
  end: ZIsoDay,
  /** The last day for this agency (after any extension). */
  effectiveEnd: ZIsoDay,
  open: z.boolean(),
  phase: ZStagePhase,
  daysLeft: ZDaysLeft,
  extended: z.boolean(),
  extension: z
    .object({
      endsOn: ZIsoDay,
      reason: z.string(),
      grantedAt: z.string(),
      grantedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
    })
    .nullable(),
});
export type CalendarStage = z.infer<typeof ZCalendarStage>;

export const ZAgencyCalendar = z.object({
  agencyId: z.string(),
  year: z.number().int(),
  today: ZIsoDay.describe('Today in Asia/Bangkok'),
  stages: z.array(ZCalendarStage),
  current: z.array(z.string()).describe('Codes of the stages open now for this agency'),
  next: z.string().nullable().describe('The stage that opens next for this agency, if any'),
  allEnded: z.boolean().describe('Every stage is over for this agency (extensions included)'),
  closed: z.boolean().describe('NACC closed the year: no stage is open for anyone'),
});
export type AgencyCalendar = z.infer<typeof ZAgencyCalendar>;
