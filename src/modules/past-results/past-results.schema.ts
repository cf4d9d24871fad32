// Request and response schemas of the past-results API (import report, year-over-year line, comparison).
import { z } from 'zod';
import { ZLocalized } from '../../core/framework/schema.ts';
import { ZFiscalYear } from '../../shared/fiscal-year.ts';

const ZBoolString = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ZImportQuery = z.strictObject({
  /** Check and report only; nothing is stored. */
  dryRun: ZBoolString.default(false),
  /** Replace results already imported for the same agency and year (else each is a conflict). */
  replace: ZBoolString.default(false),
});
export type ImportQuery = z.infer<typeof ZImportQuery>;

export const ZPastResultProblem = z.object({
  /** The line in the file (CSV) or the row number (XLSX); the header is line 1. */
  line: z.number().int(),
  /** The column as the file names it; null for the whole row or file. */
  column: z.string().nullable(),
  th: z.string(),
  en: z.string(),
});

const ZRating = z.object({
  code: z.string(),
  label: ZLocalized,
  passes: z.boolean(),
});

export const ZImportRowStatus = z.enum(['new', 'replace', 'conflict', 'invalid']);
export type ImportRowStatus = z.infer<typeof ZImportRowStatus>;

export const ZImportReportRow = z.object({
  line: z.number().int(),
  /** new: stored as new; replace: replaces an earlier import; conflict: one exists and replace was not asked. */
  status: ZImportRowStatus,
  agencyCode: z.string().nullable(),
  agencyId: z.uuid().nullable(),
  year: z.number().int().nullable(),
  total: z.number().nullable(),
  rating: ZRating.nullable(),
  problems: z.array(ZPastResultProblem),
});
export type ImportReportRow = z.infer<typeof ZImportReportRow>;

export const ZImportReport = z.object({
  dryRun: z.boolean(),
  /** Whether the rows were stored: never on a dry run; otherwise only when no row has a problem. */
  stored: z.boolean(),
  file: z.string(),
  /** Problems of the file as a whole (unreadable, header); when there are any, no row is checked. */
  problems: z.array(ZPastResultProblem),
  rows: z.array(ZImportReportRow),
  counts: z.object({
    rows: z.number().int(),
    new: z.number().int(),
    replace: z.number().int(),
    conflict: z.number().int(),
    invalid: z.number().int(),
  }),
});
export type ImportReport = z.infer<typeof ZImportReport>;

const ZScore = z.object({ code: z.string(), name: ZLocalized, score: z.number() });

export const ZPastYear = z.object({
  year: z.number().int(),
  total: z.number(),
  rating: ZRating,
  /** The total minus the previous listed year's (two decimals); null for the first year. */
  difference: z.number().nullable(),
  instruments: z.array(ZScore),
  indicators: z.array(ZScore),
  /** Where the row came from (NACC admins only). */
  source: z.object({ file: z.string(), line: z.number().int(), importedAt: z.iso.datetime() }).optional(),
});
export type PastYear = z.infer<typeof ZPastYear>;

export const ZPastResultsLine = z.object({
  agencyId: z.uuid(),
  /** Oldest year first. */
  years: z.array(ZPastYear),
});
export type PastResultsLine = z.infer<typeof ZPastResultsLine>;

export const ZCompareQuery = z.strictObject({
  year: ZFiscalYear,
  /** The earlier year; defaults to the newest stored year before `year`. */
  previous: ZFiscalYear.optional(),
});
export type CompareQuery = z.infer<typeof ZCompareQuery>;

const ZDifference = z.object({
  current: z.number().nullable(),
  previous: z.number().nullable(),
  difference: z.number().nullable(),
});

export const ZYearComparison = z.object({
  currentYear: z.number().int(),
  previousYear: z.number().int(),
  matchedBy: z.enum(['crosswalk', 'code']),
  total: ZDifference,
  rating: z.object({ current: ZRating, previous: ZRating }),
  indicators: z.array(
    ZDifference.extend({ code: z.string(), name: ZLocalized, previousCodes: z.array(z.string()) }),
  ),
});
export type YearComparisonView = z.infer<typeof ZYearComparison>;
