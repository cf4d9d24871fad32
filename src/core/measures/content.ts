// The editable content of a measures document (issue 12 §1) and the snapshot of the published result it was
// made from. The content is stored as one jsonb value per document version and edited as a whole; the
// snapshot is written once, when the document is created from the published result, so the document can
// never disagree with the result it cites (seed 002 printed 97.85 for 87.85).
import { z } from 'zod';
import { WEAK_POINT_CLASSES, WP_INSTRUMENTS } from './weak-points.ts';

const ZLine = z.string().trim().min(1).max(2000);
const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

export const ZWeakPoint = z.strictObject({
  id: z.uuid(),
  instrument: z.enum(WP_INSTRUMENTS),
  indicator: z.string().min(1).max(16),
  /** Display codes as ITAS shows them (i2, ES2, EP4, o27); empty for the indicator as a whole. */
  questionCodes: z.array(z.string().min(1).max(16)).max(20),
  score: z.number().min(0).max(100).nullable(),
  class: z.enum(WEAK_POINT_CLASSES),
  /** ประเด็นที่ต้องปรับปรุง/พัฒนา, in the agency's words (proposed from the question and the advice). */
  text: ZLine,
});
export type WeakPoint = z.infer<typeof ZWeakPoint>;

export const ZMeasure = z
  .strictObject({
    id: z.uuid(),
    title: z.string().trim().min(1).max(500),
    /** The weak points it answers, and/or indicators as a whole. At least one of the two. */
    weakPointIds: z.array(z.uuid()).max(50),
    indicators: z.array(z.string().min(1).max(16)).max(20),
    /** ขั้นตอน/วิธีการปฏิบัติ, in order. */
    steps: z.array(ZLine).min(1).max(30),
    /** The agency's own divisions (agency_divisions ids). */
    divisionIds: z.array(z.uuid()).min(1).max(20),
    from: ZMonth,
    to: ZMonth,
    /** การติดตาม/การรายงานผล. */
    monitoring: ZLine,
  })
  .refine((m) => m.weakPointIds.length + m.indicators.length > 0, {
    message: 'a measure answers at least one weak point or indicator',
    path: ['weakPointIds'],
  })
  .refine((m) => m.from <= m.to, { message: 'the period must not end before it starts', path: ['to'] });
export type Measure = z.infer<typeof ZMeasure>;

export const ZMeasuresContent = z.strictObject({
  /** คำนำ: the agency's own words; a default text is written when empty. */
  foreword: z.string().trim().max(5000).nullable(),
  /** Who prepared it, as printed under the foreword (a division or office, never a person's name). */
  preparedBy: z.string().trim().max(200).nullable(),
  thaiDigits: z.boolean(),
  weakPoints: z.array(ZWeakPoint).max(200),
  measures: z.array(ZMeasure).max(100),
});
export type MeasuresContent = z.infer<typeof ZMeasuresContent>;

const ZText = z.object({ th: z.string(), en: z.string().nullable() });

/** What the document cites of the published result of its source year (a frozen subset of the report). */
export const ZMeasuresSource = z.object({
  runId: z.uuid(),
  year: z.number().int(),
  framework: z.object({ year: z.number().int(), version: z.number().int().nullable() }),
  total: z.number(),
  rating: z.object({ code: z.string(), th: z.string() }),
  passThreshold: z.number(),
  previous: z.object({ year: z.number().int(), total: z.number(), rating: z.string().nullable() }).nullable(),
  instruments: z.array(
    z.object({ code: z.string(), name: ZText, weight: z.number(), score: z.number().nullable() }),
  ),
  indicators: z.array(
    z.object({
      order: z.number().int(),
      instrument: z.string(),
      code: z.string(),
      name: ZText,
      score: z.number().nullable(),
      passes: z.boolean().nullable(),
    }),
  ),
  questions: z.array(
    z.object({
      instrument: z.string(),
      displayCode: z.string(),
      indicator: z.string(),
      text: ZText,
      score: z.number(),
    }),
  ),
  oitItems: z.array(
    z.object({ displayCode: z.string(), indicator: z.string(), title: ZText, score: z.number().nullable() }),
  ),
  advice: z.array(
    z.object({
      instrument: z.string(),
      questionCode: z.string().nullable(),
      issue: z.string(),
      advice: z.string(),
    }),
  ),
  adviceOverall: z.string().nullable(),
  ratings: z.array(
    z.object({
      code: z.string(),
      th: z.string(),
      totalAtLeast: z.number().nullable(),
      condition: z.string().nullable(),
    }),
  ),
});
export type MeasuresSource = z.infer<typeof ZMeasuresSource>;
