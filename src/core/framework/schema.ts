// The one schema every yearly ITA framework file must satisfy. Frameworks change every year, so everything
// year-specific (instruments, weights, questions, samples, ratings, calendar) lives here as data.
import { z } from 'zod';
import { AGENCY_TYPES } from '../../shared/agency-types.ts';

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
  .refine((a) => !(a.onlyTypes && a.exceptTypes), { message: 'use onlyTypes or exceptTypes, not both' });

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
  .refine((s) => s.start <= s.end, { message: 'a stage must not end before it starts' });

export const ZFramework = z.object({
  year: z.number().int().min(2550).max(2700),
  name: ZLocalized,
  /** Where the content came from; paraphrased texts are marked per question too. */
  source: z.string().min(1),
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

/** Cross-reference checks that a single field's schema cannot express. */
export function frameworkProblems(f: Framework): string[] {
  const problems: string[] = [];
  const dupes = (what: string, codes: string[]) => {
    const seen = new Set<string>();
    for (const c of codes) {
      if (seen.has(c)) problems.push(`duplicate ${what} code "${c}"`);
      seen.add(c);
    }
  };
  dupes(
    'instrument',
    f.instruments.map((i) => i.code),
  );
  dupes(
    'indicator',
    f.indicators.map((i) => i.code),
  );
  dupes(
    'sub-indicator',
    f.indicators.flatMap((i) => i.subIndicators.map((s) => s.code)),
  );
  dupes(
    'scale',
    f.scales.map((s) => s.code),
  );
  dupes('question', [...f.questions.map((q) => q.code), ...f.oitItems.map((o) => o.code)]);
  dupes(
    'rating',
    f.rating.rules.map((r) => r.code),
  );
  dupes(
    'stage',
    f.calendar.map((s) => s.code),
  );

  const weightSum = f.instruments.reduce((s, i) => s + i.weight, 0);
  if (Math.abs(weightSum - 100) > 1e-9) problems.push(`instrument weights sum to ${weightSum}, not 100`);

  const indicators = new Map(f.indicators.map((i) => [i.code, i]));
  const instrumentCodes = new Set(f.instruments.map((i) => i.code));
  const surveyIndicators = new Set<string>();
  const oitIndicators = new Set<string>();
  for (const inst of f.instruments) {
    for (const code of inst.indicators) {
      if (!indicators.has(code)) problems.push(`instrument ${inst.code} refers to unknown indicator ${code}`);
      (inst.collection === 'open_data' ? oitIndicators : surveyIndicators).add(code);
    }
    const s = inst.sample;
    const ref = s?.kind === 'formula' ? s.of : s?.kind === 'table' ? s.otherwise?.of : undefined;
    if (ref && ref !== 'population') {
      if (!instrumentCodes.has(ref.minimumOf) || ref.minimumOf === inst.code)
        problems.push(`instrument ${inst.code}: sample refers to unknown instrument ${ref.minimumOf}`);
    }
  }
  for (const ind of f.indicators) {
    if (!surveyIndicators.has(ind.code) && !oitIndicators.has(ind.code))
      problems.push(`indicator ${ind.code} belongs to no instrument`);
    if (oitIndicators.has(ind.code) && ind.subIndicators.length === 0)
      problems.push(`open-data indicator ${ind.code} needs sub-indicators`);
  }
  const scales = new Set(f.scales.map((s) => s.code));
  for (const q of f.questions) {
    if (!surveyIndicators.has(q.indicator))
      problems.push(`question ${q.code}: indicator ${q.indicator} is not scored by a survey instrument`);
    if (!scales.has(q.scale)) problems.push(`question ${q.code}: unknown scale "${q.scale}"`);
    dupes(
      `sub-item of ${q.code}`,
      q.subItems.map((s) => s.code),
    );
  }
  for (const o of f.oitItems) {
    const ind = indicators.get(o.indicator);
    if (!oitIndicators.has(o.indicator))
      problems.push(`OIT item ${o.code}: indicator ${o.indicator} is not open data`);
    else if (!ind?.subIndicators.some((s) => s.code === o.subIndicator))
      problems.push(
        `OIT item ${o.code}: sub-indicator ${o.subIndicator} is not under indicator ${o.indicator}`,
      );
  }
  // A framework at question level must cover every indicator; a structure-level one (no questions) may not.
  if (f.questions.length > 0) {
    for (const code of surveyIndicators)
      if (!f.questions.some((q) => q.indicator === code)) problems.push(`indicator ${code} has no questions`);
  }
  if (f.oitItems.length > 0) {
    for (const ind of f.indicators.filter((i) => oitIndicators.has(i.code)))
      for (const sub of ind.subIndicators)
        if (!f.oitItems.some((o) => o.subIndicator === sub.code))
          problems.push(`sub-indicator ${sub.code} has no items`);
  }
  const last = f.rating.rules.at(-1);
  if (
    last &&
    (last.totalAtLeast !== undefined ||
      last.everyInstrumentAtLeast !== undefined ||
      last.someInstrumentBelow !== undefined)
  )
    problems.push('the last rating rule must have no conditions, so that every total gets a rating');
  return problems;
}

export const ZValidFramework = ZFramework.superRefine((f, ctx) => {
  for (const message of frameworkProblems(f)) ctx.addIssue({ code: 'custom', message });
});
