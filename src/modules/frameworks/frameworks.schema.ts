// Request and response schemas of the frameworks API (and the CLI's score input, which shares them).
import { z } from 'zod';
import { ZFramework, ZLocalized } from '../../core/framework/schema.ts';

export const ZYearParams = z.object({ year: z.coerce.number().int().min(2500).max(2700) });

export const ZFrameworkSummary = z.object({
  year: z.number().int(),
  name: ZLocalized,
  version: z.number().int(),
  origin: z.enum(['bundled', 'import', 'authored']),
  importedAt: z.iso.datetime(),
  /** 'question' when the file holds the questions and OIT items; 'structure' when only indicators. */
  level: z.enum(['question', 'structure']),
  counts: z.object({ questions: z.number().int(), oitItems: z.number().int() }),
});
export type FrameworkSummary = z.infer<typeof ZFrameworkSummary>;

export const ZFrameworkDetail = z.object({ version: z.number().int(), framework: ZFramework });

/** A framework file as sent to the import endpoint; validated against ZValidFramework by the service. */
export const ZImportBody = z
  .record(z.string(), z.unknown())
  .describe('A yearly framework in the format of frameworks/fy<year>.json (ZValidFramework)');
export const ZImportResult = z.object({ year: z.number().int(), version: z.number().int() });

const ZScores = z.record(z.string().min(1).max(16), z.number());
/** Published or imported aggregates: every indicator's score, or every instrument's. */
export const ZScoreBody = z
  .object({ indicators: ZScores.optional(), instruments: ZScores.optional() })
  .strict()
  .refine((b) => (b.indicators === undefined) !== (b.instruments === undefined), {
    message: 'give either "indicators" or "instruments", not both',
  });
export type ScoreBody = z.infer<typeof ZScoreBody>;

/** The CLI reads the same body with the fiscal year added. */
export const ZScoreCliInput = z
  .object({
    year: z.number().int().min(2500).max(2700),
    indicators: ZScores.optional(),
    instruments: ZScores.optional(),
  })
  .strict()
  .refine((b) => (b.indicators === undefined) !== (b.instruments === undefined), {
    message: 'give either "indicators" or "instruments", not both',
  });

export const ZScoreOutput = z.object({
  year: z.number().int(),
  /** Per instrument in the framework's order, rounded as the framework says; null when not processed. */
  instruments: z.record(z.string(), z.number().nullable()),
  total: z.number(),
  rating: z.object({ code: z.string(), th: z.string(), en: z.string().optional() }),
});
export type ScoreOutput = z.infer<typeof ZScoreOutput>;

export const ZMinSampleQuery = z.object({
  instrument: z.string().trim().min(1).max(10),
  population: z.coerce.number().int().min(0).max(100_000_000),
  peerGroup: z.string().trim().min(1).max(64).optional(),
  sizeClass: z.string().trim().min(1).max(64).optional(),
});
export type MinSampleQuery = z.infer<typeof ZMinSampleQuery>;
export const ZMinSampleOutput = z.object({
  year: z.number().int(),
  instrument: z.string(),
  population: z.number().int(),
  minimum: z.number().int(),
});

const ZCompareItem = z.object({ code: z.string(), indicator: z.string(), text: ZLocalized });
const ZComparePair = z.object({
  /** The item in the year asked for; null for an item of the previous year that no longer exists. */
  current: ZCompareItem.nullable(),
  /** The previous year's items it continues (several when items were merged). */
  previous: z.array(ZCompareItem),
});
const ZCompareSide = z.object({
  year: z.number().int(),
  version: z.number().int(),
  name: ZLocalized,
  level: z.enum(['question', 'structure']),
  instruments: z.array(
    z.object({ code: z.string(), name: ZLocalized, weight: z.number(), indicators: z.array(z.string()) }),
  ),
  indicators: z.array(
    z.object({
      code: z.string(),
      name: ZLocalized,
      subIndicators: z.array(z.object({ code: z.string(), name: ZLocalized })),
    }),
  ),
});
export const ZCompare = z.object({
  current: ZCompareSide,
  /** The year the crosswalk comes from, else the year before; null when that year is not loaded. */
  previous: ZCompareSide.nullable(),
  /** How items were matched: the current year's crosswalk, equal codes, or nothing to match. */
  matchedBy: z.enum(['crosswalk', 'code', 'none']),
  questions: z.array(ZComparePair),
  oitItems: z.array(ZComparePair),
});
export type Compare = z.infer<typeof ZCompare>;
export type CompareSide = z.infer<typeof ZCompareSide>;
export type ComparePair = z.infer<typeof ZComparePair>;
