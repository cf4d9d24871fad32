// The one schema every yearly ITA framework file must satisfy. Frameworks change every year, so everything
// year-specific (instruments, weights, questions, samples, ratings, calendar) lives here as data.
import { z } from 'zod';
import { AGENCY_TYPES } from '../../shared/agency-types.ts';
import { frameworkProblems } from './cross-checks.ts';

export const ZLocalized = z.object({
  th: z.string().trim().min(1),
  en: z.string().trim().min(1).optional(),
});
export type Localized = z.infer<typeof ZLocalized>;

const code = (re: RegExp, what: string) => z.string().regex(re, { message: `invalid ${what} code` });
export const ZInstrumentCode = code(/^[A-Z][A-Z0-9]{1,9}$/, 'instrument');
export const ZIndicatorCode = code(/^[1-9][0-9]?$/, 'indicator');
export const ZSubIndicatorCode = code(/^[1-9][0-9]?\.[1-9][0-9]?$/, 'sub-indicator');
export const ZQuestionCode = code(/^[A-Za-z]{1,3}[0-9]{1,3}$/, 'question');
export const ZDisplayCode = code(/^[A-Za-z]{1,3}[0-9]{1,3}$/, 'display');
const ZIsoDate = z.iso.date();
const ZAgencyType = z.enum(AGENCY_TYPES);

/** Who collects the instrument's data; decides which collection flow the system offers. */
export const ZCollection = z.enum(['internal_staff', 'external_self', 'external_assessor', 'open_data']);

/** Conditions without which an instrument is "not processed" (seed 004, processing conditions). */
export const ZProcessingCondition = z.enum([
  'registered', // agency registered for the year (if not, nothing is processed)
  'population_entered', // the stakeholder number/list was entered as required
  'minimum_sample', // responses ≥ minimum sample
  'answered', // OIT answered as required
]);

export const ZSampleFormula = z.object({
  kind: z.literal('formula'),
  /** Base of the share: the instrument's own population, or another instrument's minimum. */
  of: z.union([z.literal('population'), z.object({ minimumOf: ZInstrumentCode })]).default('population'),
  share: z.number().gt(0).max(1),
  atLeast: z.number().int().min(0),
  /** Populations smaller than this are surveyed in full. */
  allBelow: z.number().int().min(1).optional(),
  /** Populations larger than `above` need only `minimum`. */
  cap: z.object({ above: z.number().int().min(1), minimum: z.number().int().min(1) }).optional(),
});

export const ZSampleTable = z.object({
  kind: z.literal('table'),
  rows: z
    .array(
      z.object({
        peerGroup: z.string().min(1),
        sizeClass: z.string().min(1).optional(),
        minimum: z.number().int().min(1),
      }),
    )
    .min(1),
  /** Used for agencies whose peer group/size is not in the table. */
  otherwise: ZSampleFormula.optional(),
});
export const ZSampleRule = z.discriminatedUnion('kind', [ZSampleFormula, ZSampleTable]);
export type SampleRule = z.infer<typeof ZSampleRule>;

export const ZInstrument = z.object({
  code: ZInstrumentCode,
  name: ZLocalized,
  collection: ZCollection,
  /** Percentage of the total; the weights of a framework sum to 100. */
  weight: z.number().gt(0).max(100),
  /** Indicators scored by this instrument; EIT parts 1 and 2 share theirs. */
  indicators: z.array(ZIndicatorCode).min(1),
  sample: ZSampleRule.optional(),
  processing: z.array(ZProcessingCondition).default(['registered']),
});
export type Instrument = z.infer<typeof ZInstrument>;

export const ZIndicator = z.object({
  code: ZIndicatorCode,
  name: ZLocalized,
  subIndicators: z.array(z.object({ code: ZSubIndicatorCode, name: ZLocalized })).default([]),
});
export type Indicator = z.infer<typeof ZIndicator>;

export const ZScaleOption = z.object({
  value: z.string().regex(/^[a-z0-9_]{1,32}$/),
  label: ZLocalized,
  score: z.number().min(0).max(100),
});
export const ZScale = z.object({
  code: z.string().regex(/^[a-z0-9_]{1,32}$/),
  name: ZLocalized.optional(),
  options: z.array(ZScaleOption).min(2),
});
export type Scale = z.infer<typeof ZScale>;

export const ZApplicability = z
  .object({
    onlyTypes: z.array(ZAgencyType).min(1).optional(),
    exceptTypes: z.array(ZAgencyType).min(1).optional(),
  })
  .refine((a) => !(a.onlyTypes && a.exceptTypes), {
    message: 'use onlyTypes or exceptTypes, not both',
    params: {
      th: 'เลือกได้อย่างใดอย่างหนึ่ง: ใช้กับประเภทหน่วยงานที่ระบุเท่านั้น หรือยกเว้นประเภทที่ระบุ',
      en: 'choose either "only these agency types" or "all but these agency types", not both',
    },
  });

export const ZQuestion = z.object({
  code: ZQuestionCode,
  indicator: ZIndicatorCode,
  text: ZLocalized,
  scale: z.string(),
  /** Reversed questions score 100 − the option's score (negatively worded). */
  polarity: z.enum(['positive', 'reversed']).default('positive'),
  /** A question with sub-items is answered per sub-item; the question's score is their mean. */
  subItems: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z0-9]{1,4}$/),
        text: ZLocalized,
        polarity: z.enum(['positive', 'reversed']).optional(),
      }),
    )
    .default([]),
  appliesTo: ZApplicability.optional(),
  /**
   * The code ITAS shows (and agencies cite) per instrument that asks the question, when it differs from
   * `code`: EIT parts 1 and 2 ask the same questions under codes of their own (FY2568: e2 is ES2 in part 1
   * and EP2 in part 2). Read it through displayCodeOf (src/core/results/display.ts), which has the rule
   * for frameworks without it.
   */
  display: z.record(ZInstrumentCode, ZDisplayCode).optional(),
  paraphrased: z.boolean().default(false),
});
export type Question = z.infer<typeof ZQuestion>;

export const ZOitItem = z.object({
  code: ZQuestionCode,
  indicator: ZIndicatorCode,
  subIndicator: ZSubIndicatorCode,
  title: ZLocalized,
  /** What the page must show; the item scores 100 only if every component is shown. */
  components: z.array(ZLocalized).min(1),
  conditions: z
    .object({
      period: ZLocalized.optional(),
      mainWebsite: z.boolean().default(true),
      note: ZLocalized.optional(),
    })
    .default({ mainWebsite: true }),
  appliesTo: ZApplicability.optional(),
  paraphrased: z.boolean().default(false),
});
export type OitItem = z.infer<typeof ZOitItem>;

/** Ordered rules: the first whose conditions hold gives the rating. */
export const ZRatingRule = z.object({
  code: z.string().regex(/^[A-Za-z_]{1,24}$/),
  label: ZLocalized,
  totalAtLeast: z.number().min(0).max(100).optional(),
  everyInstrumentAtLeast: z.number().min(0).max(100).optional(),
  someInstrumentBelow: z.number().min(0).max(100).optional(),
  passes: z.boolean(),
});
export const ZRatingScheme = z.object({
  rules: z.array(ZRatingRule).min(1),
  passThreshold: z.number().min(0).max(100),
  /** Share of agencies the national plan wants passing (0–1). */
  nationalTargetShare: z.number().min(0).max(1).optional(),
});
export type RatingScheme = z.infer<typeof ZRatingScheme>;

export const ZStage = z
  .object({ code: z.string().regex(/^[a-z_]{2,32}$/), name: ZLocalized, start: ZIsoDate, end: ZIsoDate })
  .refine((s) => s.start <= s.end, {
    message: 'a stage must not end before it starts',
    path: ['end'],
    params: { th: 'วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น', en: 'the stage must not end before it starts' },
  });

export const ZFramework = z.object({
  year: z.number().int().min(2550).max(2700),
  name: ZLocalized,
  /**
   * Where the content came from, in Thai and English; paraphrased texts are marked per question too. Versions
   * stored before the note had a Thai text hold a plain string: `validateFramework` reads that as `{ th }`.
   */
  source: ZLocalized,
  instruments: z.array(ZInstrument).min(1),
  indicators: z.array(ZIndicator).min(1),
  scales: z.array(ZScale).default([]),
  questions: z.array(ZQuestion).default([]),
  oitItems: z.array(ZOitItem).default([]),
  rating: ZRatingScheme,
  policy: z
    .object({
      unprocessedInstrument: z.enum(['zero']).default('zero'),
      decimals: z.number().int().min(0).max(4).default(2),
      rounding: z.enum(['half_up']).default('half_up'),
      showScoresDuringCollection: z.boolean().default(false),
    })
    .default({
      unprocessedInstrument: 'zero',
      decimals: 2,
      rounding: 'half_up',
      showScoresDuringCollection: false,
    }),
  calendar: z.array(ZStage).default([]),
  crosswalk: z
    .object({ fromYear: z.number().int(), codes: z.array(z.object({ from: z.string(), to: z.string() })) })
    .optional(),
});
export type FrameworkInput = z.input<typeof ZFramework>;
export type Framework = z.infer<typeof ZFramework>;

/** A framework that also passes the cross-checks; each issue carries the Thai message in `params.th`. */
export const ZValidFramework = ZFramework.superRefine((f, ctx) => {
  for (const p of frameworkProblems(f))
    ctx.addIssue({ code: 'custom', message: p.en, path: p.path, params: { th: p.th, en: p.en } });
});
