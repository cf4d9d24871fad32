import { z } from 'zod';
import { AGENCY_TYPES } from '../../shared/agency-types.ts';
import { ZFiscalYear } from '../../shared/fiscal-year.ts';
import {
  EIT_POPULATION_MAX,
  IIT_POPULATION_MAX,
  PAGE_SIZE_DEFAULT,
  PAGE_SIZE_MAX,
} from '../../shared/limits.ts';

export const ZYearParams = z.object({ year: ZFiscalYear });
const ZLocalizedOut = z.object({ th: z.string(), en: z.string().optional() });

export const ZStakeholderBody = z.strictObject({
  iitPopulation: z
    .number()
    .int()
    .min(0)
    .max(IIT_POPULATION_MAX)
    .nullable()
    .describe('Staff with at least one year of service'),
  eitPopulation: z
    .number()
    .int()
    .min(0)
    .max(EIT_POPULATION_MAX)
    .nullable()
    .describe('Estimated number of service users this year'),
});
export type StakeholderBody = z.infer<typeof ZStakeholderBody>;

export const STAKEHOLDER_STATUSES = [
  'not_entered',
  'awaiting_approval',
  'approved',
  'needs_reapproval',
] as const;
export const ZStakeholderStatus = z.object({
  status: z.enum(STAKEHOLDER_STATUSES),
  /** Both populations entered. */
  entered: z.boolean(),
  /** The executive approved the current revision. */
  approved: z.boolean(),
  /** Approved once, changed since. */
  needsReapproval: z.boolean(),
});
export type StakeholderStatus = z.infer<typeof ZStakeholderStatus>;

const ZUserRef = z.object({ id: z.string(), displayName: z.string() }).nullable();

export const ZStakeholderData = z.object({
  agencyId: z.string(),
  year: z.number().int(),
  iitPopulation: z.number().int().nullable(),
  eitPopulation: z.number().int().nullable(),
  /** 0 before anything was entered; every change adds one. */
  revision: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: ZUserRef,
  approval: z
    .object({ revision: z.number().int(), at: z.string(), by: ZUserRef })
    .nullable()
    .describe('The last approval, which holds only while its revision is the current one'),
  stakeholder: ZStakeholderStatus,
  contacts: z.object({ count: z.number().int(), sampleDrawn: z.boolean() }),
  minimums: z.array(
    z.object({ instrument: z.string(), name: ZLocalizedOut, minimum: z.number().int().nullable() }),
  ),
});
export type StakeholderData = z.infer<typeof ZStakeholderData>;

export const ZContactProblem = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  th: z.string(),
  en: z.string(),
});
export type ContactProblem = z.infer<typeof ZContactProblem>;

export const ZContactsUploadResult = z.object({
  imported: z.number().int(),
  revision: z.number().int().describe('The stakeholder revision after the upload (approval needed again)'),
});

export const ZContactsQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});
export type ContactsQuery = z.infer<typeof ZContactsQuery>;

export const ZContact = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  relation: z.string(),
});
export const ZContactPage = z.object({
  items: z.array(ZContact),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ZProgressEntry = z.object({
  instrument: z.string(),
  name: ZLocalizedOut,
  counted: z.number().int(),
  minimum: z.number().int().nullable(),
  reached: z.boolean(),
  percent: z.number().int().nullable(),
});

export const ZAgencyProgress = z.object({
  agencyId: z.string(),
  year: z.number().int(),
  instruments: z.array(ZProgressEntry),
  stakeholder: ZStakeholderStatus,
  /** The IIT against its approved population: 'full' takes no more responses (issue 8, §3). */
  iitIntake: z.object({
    state: z.enum(['open', 'full', 'awaiting_population']),
    approvedPopulation: z.number().int().nullable(),
    received: z.number().int(),
  }),
});
export type AgencyProgress = z.infer<typeof ZAgencyProgress>;

export const ZProgressListQuery = z.object({
  province: z.string().trim().min(1).optional(),
  type: z.enum(AGENCY_TYPES).optional(),
  sort: z.enum(['behind', 'name']).default('behind').describe('behind: furthest from a minimum first'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});
export type ProgressListQuery = z.infer<typeof ZProgressListQuery>;

export const ZProgressList = z.object({
  year: z.number().int(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  instruments: z.array(z.object({ code: z.string(), name: ZLocalizedOut })),
  items: z.array(
    z.object({
      agency: z.object({
        id: z.string(),
        code: z.string(),
        nameTh: z.string(),
        nameEn: z.string().nullable(),
        type: z.string(),
        provinceCode: z.string().nullable(),
      }),
      instruments: z.array(ZProgressEntry),
      stakeholder: ZStakeholderStatus,
      lowestPercent: z.number().int().describe('-1 when a minimum is unknown (populations not entered)'),
    }),
  ),
});
export type ProgressList = z.infer<typeof ZProgressList>;
