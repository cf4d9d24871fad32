import { z } from 'zod';
import { AGENCY_TYPES } from '../../shared/agency-types.ts';
import { ZFiscalYear } from '../../shared/fiscal-year.ts';
import { AGENCY_IMPORT_MAX_ROWS } from '../../shared/limits.ts';
import { ZParticipation } from './agencies.schema.ts';

export const ZYearParam = z.object({ year: ZFiscalYear });

export const ZRegistrationBody = z.strictObject({ registered: z.boolean() });
export const ZParticipationList = z.object({ items: z.array(ZParticipation) });

export const ZOpenCycleBody = z.strictObject({
  filter: z
    .strictObject({
      provinceCode: z.string().trim().min(1).optional(),
      type: z.enum(AGENCY_TYPES).optional(),
      ministryCode: z.string().trim().min(1).optional(),
      agencyIds: z.array(z.uuid()).min(1).max(AGENCY_IMPORT_MAX_ROWS).optional(),
    })
    .optional()
    .describe('Conditions combined with AND; without a filter every active agency is opened'),
});
export type OpenCycleFilter = NonNullable<z.infer<typeof ZOpenCycleBody>['filter']>;

export const ZOpenCycleResult = z.object({
  opened: z.number().int().describe('Participation rows created now'),
  alreadyOpen: z.number().int().describe('Matching agencies whose cycle was already open'),
});

export const ZCycleSummary = z.object({
  year: z.number().int(),
  frameworkLoaded: z.boolean(),
  agencies: z.number().int().describe('Active agencies in your scope'),
  open: z.number().int().describe('Agencies in your scope with the cycle open'),
  registered: z.number().int(),
  notRegistered: z.number().int(),
});
