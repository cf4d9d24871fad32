// Request and response schemas of lessons learned (issue 11 §4).
import { z } from 'zod';
import { ZLocalized } from '../../core/framework/schema.ts';
import { ZFiscalYear } from '../../shared/fiscal-year.ts';
import { LESSONS_SCOPE_KINDS, LESSONS_SCOPE_PATTERN } from '../../shared/lessons.ts';

export const ZLessonsScope = z
  .string()
  .regex(LESSONS_SCOPE_PATTERN, {
    message:
      'scope: nation, province:<code> or ministry:<code> / ขอบเขต: nation, province:<รหัส> หรือ ministry:<รหัส>',
  })
  .describe('`nation` (NACC), `province:<code>` or `ministry:<code>`')
  .meta({ example: 'province:TH-47' });

export const ZYearParams = z.strictObject({ year: ZFiscalYear });
export const ZLessonsQuery = z.strictObject({ scope: ZLessonsScope });

export const ZTargetBody = z.strictObject({
  scope: ZLessonsScope,
  threshold: z.number().min(0).max(100).describe('The score an agency must reach (89 in seed 000)'),
  share: z.number().min(0).max(1).describe('The share of agencies that must reach it, 0–1 (1 = 100 %)'),
});
export type TargetBody = z.infer<typeof ZTargetBody>;

const ZWords = z.object({ th: z.string(), en: z.string().nullable() });

export const ZScopeOption = z.object({
  key: z.string(),
  kind: z.enum(LESSONS_SCOPE_KINDS),
  code: z.string().nullable(),
  name: ZWords,
});
export const ZScopeList = z.object({ items: z.array(ZScopeOption) });
export type ScopeOption = z.infer<typeof ZScopeOption>;

const ZAgency = z.object({
  id: z.uuid(),
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string().nullable(),
  type: z.object({ code: z.string(), th: z.string(), en: z.string().nullable() }),
});
const ZRating = z.object({ code: z.string(), th: z.string(), en: z.string().nullable() });

export const ZTargetReading = z.object({
  threshold: z.number(),
  targetShare: z.number(),
  reached: z.number().int(),
  share: z.number().nullable(),
  met: z.boolean().nullable(),
});

export const ZTarget = z.object({
  year: z.number().int(),
  scope: z.string(),
  threshold: z.number(),
  share: z.number(),
  updatedAt: z.string(),
});
export type Target = z.infer<typeof ZTarget>;

export const ZLessons = z.object({
  year: z.number().int(),
  scope: ZScopeOption,
  publication: z.object({ id: z.uuid(), publishAt: z.string(), reason: z.string().nullable() }),
  framework: z.object({
    year: z.number().int(),
    version: z.number().int().nullable(),
    passThreshold: z.number(),
    nationalTargetShare: z.number().nullable(),
  }),
  summary: z.object({
    agencies: z.number().int(),
    mean: z.number().nullable(),
    passing: z.number().int(),
    share: z.number().nullable(),
    lastYear: z.object({
      year: z.number().int(),
      agencies: z.number().int(),
      mean: z.number().nullable(),
      passing: z.number().int().nullable(),
      share: z.number().nullable(),
    }),
  }),
  targets: z.object({
    national: ZTargetReading.nullable().describe('The framework’s national share at its pass threshold'),
    own: ZTargetReading.extend({ updatedAt: z.string() })
      .nullable()
      .describe('The target set for this scope and year, if any'),
  }),
  canSetTarget: z.boolean(),
  ratings: z.array(
    ZRating.extend({
      passes: z.boolean().nullable(),
      count: z.number().int(),
      share: z.number().nullable(),
      lastYear: z.number().int(),
      change: z.number().int(),
    }),
  ),
  heatmap: z.object({
    indicators: z.array(z.object({ code: z.string(), name: ZLocalized })),
    rows: z.array(
      z.object({
        agency: ZAgency,
        total: z.number(),
        rating: ZRating,
        cells: z.array(z.number().nullable()).describe('Per indicator; null when withheld (n < 5) or none'),
      }),
    ),
    provinces: z
      .array(
        z.object({
          code: z.string(),
          name: ZWords,
          agencies: z.number().int(),
          total: z.number().nullable(),
          cells: z.array(z.number().nullable()).describe('Per indicator: the mean of the shown agency cells'),
          counted: z.array(z.number().int()).describe('Per indicator: how many agencies the mean is over'),
        }),
      )
      .nullable()
      .describe('The nation only: a row per province (means of its agencies), best mean total first'),
  }),
  oitItems: z.array(
    z.object({
      code: z.string(),
      indicator: z.string(),
      title: ZLocalized,
      assessed: z.number().int(),
      failed: z.number().int(),
    }),
  ),
  questions: z.array(
    z.object({
      instrument: z.string(),
      code: z.string().describe('The code ITAS shows for the instrument'),
      indicator: z.string(),
      text: ZLocalized,
      assessed: z.number().int(),
      failed: z.number().int(),
      mean: z.number().nullable(),
    }),
  ),
  topPerformers: z.array(
    z.object({
      type: z.object({ code: z.string(), th: z.string(), en: z.string().nullable() }),
      agencies: z.array(z.object({ agency: ZAgency, total: z.number(), rating: ZRating })),
    }),
  ),
  fell: z.array(
    z.object({
      agency: ZAgency,
      total: z.number(),
      rating: ZRating,
      lastYear: z.object({ total: z.number(), rating: ZRating, source: z.enum(['run', 'imported']) }),
      change: z.number(),
      lostPass: z.boolean(),
    }),
  ),
});
export type Lessons = z.infer<typeof ZLessons>;
