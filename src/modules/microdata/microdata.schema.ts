// Request schemas of the microdata export (issue 11 §5).
import { z } from 'zod';
import { ZFiscalYear } from '../../shared/fiscal-year.ts';

export const ZYearParams = z.strictObject({ year: ZFiscalYear });
