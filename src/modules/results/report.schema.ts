// API shape of an agency's results report (issue 10 §3): everything seed 004 builds by hand, from the stored
// run the reader may see (the same visibility rule as GET /agencies/:id/results/:year), the framework's texts,
// the previous year and the assessors' advice as the run snapshotted it. Names are stable: the report page
// and the XLSX are built from this.
import { z } from 'zod';
import { ADVICE_INSTRUMENTS } from '../../core/results/details.ts';

const ZText = z.object({ th: z.string(), en: z.string().nullable() });
const ZRating = z.object({ code: z.string(), th: z.string(), en: z.string().nullable() });

export const ZReportInstrument = z.object({
  code: z.string().describe('EIT1, EIT2… as the framework names them'),
  name: ZText,
  weight: z.number().describe('Share of the total, in percent'),
  score: z.number().nullable().describe('null when not processed'),
  n: z.number().int().nullable().describe('Counted responses; null for open data (OIT)'),
  minimum: z.number().int().nullable(),
  population: z.number().int().nullable(),
  marginOfError: z.number().nullable().describe('95 %, finite-population corrected, in percentage points'),
  notProcessed: z
    .object({ code: z.string(), th: z.string(), en: z.string() })
    .nullable()
    .describe('Why the instrument was not processed (scored 0); null when it was'),
});

export const ZReportIndicator = z.object({
  order: z.number().int().describe('ลำดับ: 1, 2, … in framework order'),
  instrument: z.string().describe('เครื่องมือ as agencies write it: IIT, EIT, OIT'),
  instruments: z.array(z.string()).describe('The framework instruments that score it (EIT1, EIT2)'),
  code: z.string(),
  name: ZText,
  score: z.number().nullable(),
  threshold: z.number().describe('The pass mark the indicator is read against'),
  passes: z.boolean().nullable().describe('ผ่าน/ไม่ผ่านเกณฑ์; null without a score'),
});

export const ZReportQuestion = z.object({
  instrument: z.string().describe('IIT, EIT1, EIT2'),
  displayCode: z.string().describe('As ITAS shows it (i2, ES2, EP4, I20)'),
  code: z.string(),
  text: ZText,
  indicator: z.string(),
  score: z.number(),
  weakest: z.boolean().describe('Among the weakest of its instrument (rule: src/core/results/weakest.ts)'),
});

export const ZReportOitItem = z.object({
  code: z.string(),
  displayCode: z.string(),
  title: ZText,
  indicator: z.string(),
  subIndicator: z.string(),
  score: z.number().nullable().describe('0 or 100; null when the OIT was not processed'),
  components: z.array(
    z.object({
      index: z.number().int(),
      text: ZText,
      found: z.boolean().nullable().describe('null when the run holds no assessment of the item'),
    }),
  ),
  comment: z.string().nullable(),
  advice: z.string().nullable(),
});

export const ZReportAdviceEntry = z.object({
  instrument: z.enum(ADVICE_INSTRUMENTS),
  questionCode: z.string().nullable().describe('As ITAS shows it; null for the instrument as a whole'),
  questionText: ZText.nullable(),
  issue: z.string(),
  advice: z.string(),
});

export const ZPreviousYear = z.object({
  year: z.number().int(),
  total: z.number(),
  rating: ZRating.nullable(),
  source: z.enum(['run', 'imported']).describe('A published run of this system, or an imported past result'),
});

export const ZAgencyReport = z.object({
  agency: z.object({
    id: z.uuid(),
    code: z.string(),
    nameTh: z.string(),
    nameEn: z.string().nullable(),
    provinceCode: z.string().nullable(),
    type: z.string(),
  }),
  year: z.number().int(),
  runId: z.uuid(),
  basis: z
    .enum(['published', 'embargoed', 'provisional'])
    .describe('`embargoed`: NACC admins before the publication time; `provisional`: not yet published'),
  publication: z
    .object({ id: z.uuid(), publishAt: z.iso.datetime(), reason: z.string().nullable() })
    .nullable(),
  framework: z.object({ year: z.number().int(), version: z.number().int().nullable() }),
  total: z.number(),
  rating: ZRating,
  passes: z.boolean(),
  passThreshold: z.number(),
  previous: ZPreviousYear.nullable().describe(
    'The latest earlier year known: a published run, else imported',
  ),
  difference: z.number().nullable().describe('total − previous.total, two decimals'),
  /** Every earlier year known (published runs over imported results), then this one: the year-over-year line. */
  history: z.array(ZPreviousYear),
  instruments: z.array(ZReportInstrument),
  indicators: z.array(ZReportIndicator),
  questions: z.array(ZReportQuestion).describe('IIT and EIT, question by question, in framework order'),
  oitItems: z.array(ZReportOitItem),
  advice: z.object({
    iit: z.array(ZReportAdviceEntry),
    eit: z.array(ZReportAdviceEntry),
    overall: z.string().nullable(),
  }),
  /** false for runs stored before OIT details and advice were snapshotted (components and advice unknown). */
  detailsAvailable: z.boolean(),
});
export type AgencyReport = z.infer<typeof ZAgencyReport>;
export type ReportInstrument = z.infer<typeof ZReportInstrument>;
export type ReportIndicator = z.infer<typeof ZReportIndicator>;
export type ReportQuestion = z.infer<typeof ZReportQuestion>;
export type ReportOitItem = z.infer<typeof ZReportOitItem>;
export type ReportAdviceEntry = z.infer<typeof ZReportAdviceEntry>;
export type PreviousYear = z.infer<typeof ZPreviousYear>;
