// The cycle screen of a fiscal year: the year's stages as the server states them, its closure, the
// extensions granted (within the viewer's scope), extensions for many agencies at once, closing the year.
import { z } from 'zod';
import { AGENCY_TYPES } from '../../shared/agency-types.ts';
import { ZFiscalYear } from '../../shared/fiscal-year.ts';
import { CYCLE_CLOSE_REASON_MAX_LENGTH, EXTENSION_REASON_MAX_LENGTH } from '../../shared/limits.ts';
import { ZDaysLeft, ZStageCode, ZStagePhase } from './calendar.schema.ts';

const ZLocalizedOut = z.object({ th: z.string(), en: z.string().optional() });
const ZIsoDay = z.iso.date().meta({ example: '2025-07-15' });

export const ZCycleYearParams = z.object({ year: ZFiscalYear });

export const ZCycleStage = z.object({
  code: z.string(),
  name: ZLocalizedOut,
  start: ZIsoDay,
  end: ZIsoDay,
  open: z.boolean(),
  phase: ZStagePhase,
  daysLeft: ZDaysLeft,
});

const ZPerson = z.object({ id: z.string(), displayName: z.string() }).nullable();

export const ZCycleExtension = z.object({
  agency: z.object({ id: z.string(), code: z.string(), nameTh: z.string(), nameEn: z.string().nullable() }),
  stage: z.string(),
  endsOn: ZIsoDay,
  reason: z.string(),
  grantedAt: z.string(),
  grantedBy: ZPerson,
});

export const ZCycleCalendar = z.object({
  year: z.number().int(),
  frameworkLoaded: z.boolean(),
  today: ZIsoDay.describe('Today in Asia/Bangkok (the server’s clock)'),
  stages: z
    .array(ZCycleStage)
    .describe("The framework's own dates by the one rule (src/core/calendar.ts), without extensions"),
  current: z.array(z.string()),
  next: z.string().nullable(),
  allEnded: z.boolean(),
  closure: z
    .object({ closedAt: z.string(), reason: z.string(), closedBy: ZPerson })
    .nullable()
    .describe('Set when NACC closed the year: no stage is open for any agency'),
  extensions: z.array(ZCycleExtension).describe('Extensions of agencies in your scope, newest first'),
  extensionsTotal: z.number().int(),
});
export type CycleCalendar = z.infer<typeof ZCycleCalendar>;

export const ZExtensionTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('agency'), agencyId: z.uuid() }),
  z.strictObject({ kind: z.literal('province'), provinceCode: z.string().trim().min(1).max(16) }),
  z.strictObject({ kind: z.literal('agencyType'), agencyType: z.enum(AGENCY_TYPES) }),
  z.strictObject({ kind: z.literal('all') }),
]);
export type ExtensionTarget = z.infer<typeof ZExtensionTarget>;

export const ZBulkExtensionBody = z.strictObject({
  target: ZExtensionTarget.describe('Which participating agencies: one, a province, an agency type, or all'),
  stage: ZStageCode,
  endsOn: ZIsoDay.describe('The new last day (Asia/Bangkok); later than the framework’s'),
  reason: z.string().trim().min(1).max(EXTENSION_REASON_MAX_LENGTH),
});
export type BulkExtensionBody = z.infer<typeof ZBulkExtensionBody>;

export const ZBulkExtensionResult = z.object({
  extended: z.number().int().describe('Agencies whose stage now ends on endsOn (each audited)'),
  agencyIds: z.array(z.string()),
});

export const ZCloseCycleBody = z.strictObject({
  reason: z.string().trim().min(1).max(CYCLE_CLOSE_REASON_MAX_LENGTH),
});
