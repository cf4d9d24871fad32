import { z } from 'zod';
import { MINISTRY_KINDS, REGIONS } from '../../db/schema/index.ts';
import { AGENCY_TYPES } from '../../shared/agency-types.ts';

export const ZLabel = z.object({ th: z.string(), en: z.string() });

export const ZProvince = z.object({
  code: z.string().meta({ example: 'TH-47' }),
  nameTh: z.string(),
  nameEn: z.string(),
  region: z.enum(REGIONS),
  regionName: ZLabel,
});
export type Province = z.infer<typeof ZProvince>;

export const ZMinistry = z.object({
  code: z.string().meta({ example: 'MOI' }),
  nameTh: z.string(),
  nameEn: z.string(),
  kind: z.enum(MINISTRY_KINDS),
});
export type Ministry = z.infer<typeof ZMinistry>;

export const ZAgencyTypeInfo = z.object({
  code: z.enum(AGENCY_TYPES),
  th: z.string(),
  en: z.string(),
  localGovernment: z.boolean(),
});

export const ZProvinceList = z.object({ items: z.array(ZProvince) });
export const ZMinistryList = z.object({ items: z.array(ZMinistry) });
export const ZAgencyTypeList = z.object({ items: z.array(ZAgencyTypeInfo) });
