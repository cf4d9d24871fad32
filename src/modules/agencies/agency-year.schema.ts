// The path parameters of every agency-year route (/agencies/:id/…/:year), declared once.
import { z } from 'zod';
import { ZFiscalYear } from '../../shared/fiscal-year.ts';

export const ZAgencyYearParams = z.object({ id: z.uuid(), year: ZFiscalYear });
export type AgencyYearParams = z.infer<typeof ZAgencyYearParams>;
