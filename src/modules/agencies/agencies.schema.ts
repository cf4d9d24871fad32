// Request and response shapes of the agency registry (zod; also the OpenAPI documentation).
import { z } from 'zod';
import { nonEmptyPatch } from '../../core/input/patch.ts';
import { MINISTRY_KINDS, REGIONS } from '../../db/schema/index.ts';
import { AGENCY_TYPES } from '../../shared/agency-types.ts';
import { ZFiscalYear } from '../../shared/fiscal-year.ts';

/** Re-exported for oit.schema.ts (removed when OIT is one module). */
export { ZFiscalYear };

import {
  AGENCY_CODE_PATTERN,
  AGENCY_LABEL_MAX_LENGTH,
  AGENCY_NAME_MAX_LENGTH,
  AGENCY_SEARCH_MAX_LENGTH,
  AGENCY_WEBSITE_MAX_LENGTH,
  PAGE_SIZE_DEFAULT,
  PAGE_SIZE_MAX,
} from '../../shared/limits.ts';

/** True for absolute http:// or https:// URLs with a host (what the DB check and assessors expect). */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export const ZAgencyCode = z
  .string()
  .trim()
  .regex(AGENCY_CODE_PATTERN, 'letters, digits, . _ - (at most 64)')
  .meta({ example: '5470101' });
const ZLabel = z.string().trim().min(1).max(AGENCY_LABEL_MAX_LENGTH);
/** An http(s) URL; an empty string clears the website. */
export const ZWebsite = z.union([
  z.literal('').transform(() => null),
  z
    .string()
    .trim()
    .max(AGENCY_WEBSITE_MAX_LENGTH)
    .refine(isHttpUrl, 'must be an http:// or https:// address'),
]);
const ZBoolString = z.enum(['true', 'false']).transform((v) => v === 'true');
const iso = z.iso.datetime();

export const ZAgencyId = z.object({ id: z.uuid() });
export const ZAgencyType = z.enum(AGENCY_TYPES);

export const ZAgencyListQuery = z
  .object({
    q: z.string().trim().max(AGENCY_SEARCH_MAX_LENGTH).optional().describe('Thai or English name or code'),
    province: z.string().trim().min(1).optional().meta({ example: 'TH-47' }),
    type: ZAgencyType.optional(),
    ministry: z.string().trim().min(1).optional().meta({ example: 'MOI' }),
    year: ZFiscalYear.optional().describe('Include each agency’s participation in this fiscal year'),
    registered: ZBoolString.optional().describe(
      'With year: true = registered, false = cycle open but not registered',
    ),
    active: ZBoolString.optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
  })
  .refine((q) => q.registered === undefined || q.year !== undefined, {
    message: 'registered needs year',
    path: ['registered'],
  });
export type AgencyListQuery = z.infer<typeof ZAgencyListQuery>;

export const ZParticipation = z.object({
  year: z.number().int(),
  registered: z.boolean(),
  registeredAt: iso.nullable(),
  openedAt: iso,
});
export type Participation = z.infer<typeof ZParticipation>;

const ZProvinceRef = z.object({ code: z.string(), nameTh: z.string(), nameEn: z.string() });

export const ZAgencySummary = z.object({
  id: z.uuid(),
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string().nullable(),
  type: ZAgencyType,
  peerGroup: z.string().nullable(),
  sizeClass: z.string().nullable(),
  ministryCode: z.string().nullable(),
  provinceCode: z.string().nullable(),
  province: ZProvinceRef.nullable(),
  active: z.boolean(),
  /** The participation in the requested year (null when no year was asked or the cycle is not open). */
  participation: ZParticipation.nullable(),
});
export type AgencySummary = z.infer<typeof ZAgencySummary>;

export const ZAgencyList = z.object({ items: z.array(ZAgencySummary), total: z.number().int() });

export const ZAgencyDetail = ZAgencySummary.omit({ participation: true, province: true }).extend({
  website: z.string().nullable(),
  parent: z
    .object({ id: z.uuid(), code: z.string(), nameTh: z.string(), nameEn: z.string().nullable() })
    .nullable(),
  ministry: z
    .object({ code: z.string(), nameTh: z.string(), nameEn: z.string(), kind: z.enum(MINISTRY_KINDS) })
    .nullable(),
  province: ZProvinceRef.extend({ region: z.enum(REGIONS) }).nullable(),
  participations: z.array(ZParticipation).describe('Newest year first'),
  codeLocked: z
    .boolean()
    .describe(
      'A result of the agency has been published: its code is the open data’s stable identifier and can no longer be changed (409 agency_code_published)',
    ),
  createdAt: iso,
  updatedAt: iso,
});
export type AgencyDetail = z.infer<typeof ZAgencyDetail>;

const agencyFields = {
  code: ZAgencyCode,
  nameTh: z.string().trim().min(1).max(AGENCY_NAME_MAX_LENGTH),
  nameEn: z.string().trim().max(AGENCY_NAME_MAX_LENGTH).nullable().optional(),
  type: ZAgencyType,
  peerGroup: ZLabel.nullable().optional().describe('Group used by frameworks’ sample tables'),
  sizeClass: ZLabel.nullable().optional().describe('S, M, L or a size label used by a framework'),
  ministryCode: z.string().trim().min(1).nullable().optional(),
  provinceCode: z.string().trim().min(1).nullable().optional(),
  parentId: z.uuid().nullable().optional(),
  website: ZWebsite.nullable().optional(),
  active: z.boolean().optional(),
};

export const ZAgencyCreate = z.strictObject(agencyFields);
export type AgencyCreate = z.infer<typeof ZAgencyCreate>;

/** Any subset of the fields; an agency admin may send only nameEn and website. */
export const ZAgencyPatch = nonEmptyPatch(z.strictObject(agencyFields).partial());
export type AgencyPatch = z.infer<typeof ZAgencyPatch>;
/** The fields an agency's own admin may change. */
export const AGENCY_SELF_SERVICE_FIELDS = ['nameEn', 'website'] as const;

export const ZImportProblem = z.object({
  row: z.number().int().describe('Line in the file; the header is line 1'),
  column: z.string().nullable(),
  th: z.string(),
  en: z.string(),
});
export type ImportProblem = z.infer<typeof ZImportProblem>;
export const ZImportResult = z.object({ created: z.number().int(), updated: z.number().int() });
