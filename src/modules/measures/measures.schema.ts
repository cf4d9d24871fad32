// API shapes of the measures module (issue 12 §1–2).
import { z } from 'zod';
import { ZMeasuresContent, ZMeasuresSource } from '../../core/measures/content.ts';
import { EFFECT_STATUSES } from '../../core/measures/effect.ts';
import { MEASURES_STATUSES, MEASURES_STEPS } from '../../core/measures/states.ts';
import { MEASURE_PROGRESS_STATUSES } from '../../db/schema/measures.ts';
import { ZDaysLeft, ZStagePhase } from '../calendar/index.ts';

const ZSigned = z.object({ at: z.iso.datetime(), by: z.string().nullable() }).nullable();

export const ZMeasuresDocument = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.enum(MEASURES_STATUSES),
  source: ZMeasuresSource,
  content: ZMeasuresContent,
  updatedAt: z.iso.datetime(),
  updatedBy: z.string().nullable(),
  prepared: ZSigned,
  reviewed: ZSigned,
  approved: ZSigned,
  publishedAt: z.iso.datetime().nullable(),
  /** The public address of a published version (no login): the OIT evidence URL of the measures item. */
  publicPath: z.string().nullable(),
  progressSigned: ZSigned,
});

export const ZEvidenceFile = z.object({
  id: z.uuid(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  /** Where whoever reads the measures downloads it. */
  path: z.string(),
});

export const ZProgressEntry = z.object({
  id: z.uuid(),
  measureId: z.uuid(),
  day: z.iso.date(),
  status: z.enum(MEASURE_PROGRESS_STATUSES),
  note: z.string(),
  evidenceUrl: z.string().nullable(),
  files: z.array(ZEvidenceFile),
  createdAt: z.iso.datetime(),
  createdBy: z.string().nullable(),
});

export const ZEffect = z.object({
  measureId: z.uuid(),
  status: z.enum(EFFECT_STATUSES),
  meanChange: z.number().nullable(),
  lines: z.array(
    z.object({
      kind: z.enum(['indicator', 'question']),
      code: z.string(),
      instrument: z.string().nullable(),
      before: z.number().nullable(),
      after: z.number().nullable(),
      change: z.number().nullable(),
    }),
  ),
});

export const ZDivision = z.object({ id: z.uuid(), name: z.string(), active: z.boolean() });

export const ZMeasuresView = z.object({
  agencyId: z.uuid(),
  year: z.number().int(),
  sourceYear: z.number().int(),
  document: ZMeasuresDocument.nullable(),
  versions: z.array(
    z.object({
      id: z.uuid(),
      version: z.number().int(),
      status: z.enum(MEASURES_STATUSES),
      approvedAt: z.iso.datetime().nullable(),
      publishedAt: z.iso.datetime().nullable(),
    }),
  ),
  divisions: z.array(ZDivision),
  progress: z.array(ZProgressEntry),
  /** Per measure: did its targets improve in `year`'s published result ('pending' until then). */
  effects: z.array(ZEffect),
  /**
   * The year's `measures` stage for the agency now (src/core/calendar.ts, extension and closure included):
   * drawing up and editing only while `phase` is open; null while the year's framework is not loaded.
   */
  stage: z
    .object({
      phase: ZStagePhase.nullable(),
      opensOn: z.string().nullable(),
      closesOn: z.string().nullable(),
      daysLeft: ZDaysLeft,
      closed: z.boolean(),
    })
    .nullable(),
  can: z.object({
    create: z.boolean(),
    edit: z.boolean(),
    prepare: z.boolean(),
    review: z.boolean(),
    approve: z.boolean(),
    return: z.boolean(),
    revise: z.boolean(),
    publish: z.boolean(),
    progress: z.boolean(),
    signProgress: z.boolean(),
  }),
});
export type MeasuresView = z.infer<typeof ZMeasuresView>;

/** The measures year (N+1); the document is made from the published result of N. */
export const ZMeasuresParams = z.strictObject({
  id: z.uuid(),
  year: z.coerce.number().int().min(2560).max(2700),
});

export const ZSaveBody = z.strictObject({
  content: ZMeasuresContent,
  /** The `updatedAt` read: a save over a newer one answers 409 `measures_changed`. */
  updatedAt: z.iso.datetime().optional(),
});

export const ZStepBody = z.strictObject({ step: z.enum(MEASURES_STEPS) });

export const ZExportQuery = z.strictObject({
  /** A version number; the newest when absent. */
  version: z.coerce.number().int().min(1).max(1000).optional(),
});

export const ZProgressBody = z.strictObject({
  measureId: z.uuid(),
  day: z.iso.date(),
  status: z.enum(MEASURE_PROGRESS_STATUSES),
  note: z.string().trim().min(1).max(2000),
  evidenceUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable(),
});

export const ZEvidenceParams = z.strictObject({
  id: z.uuid(),
  year: z.coerce.number().int().min(2560).max(2700),
  fileId: z.uuid(),
});

export const ZDivisionBody = z.strictObject({ name: z.string().trim().min(1).max(200) });
export const ZDivisionPatch = z
  .strictObject({ name: z.string().trim().min(1).max(200).optional(), active: z.boolean().optional() })
  .refine((b) => b.name !== undefined || b.active !== undefined, { message: 'nothing to change' });
export const ZDivisionParams = z.strictObject({ id: z.uuid(), divisionId: z.uuid() });
export const ZAgencyParams = z.strictObject({ id: z.uuid() });

export const ZLibraryEntry = z.object({
  id: z.uuid(),
  indicator: z.string(),
  title: z.string(),
  steps: z.array(z.string()),
  monitoring: z.string(),
  active: z.boolean(),
});
export const ZLibraryBody = z.strictObject({
  indicator: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z._-]{1,16}$/),
  title: z.string().trim().min(1).max(500),
  steps: z.array(z.string().trim().min(1).max(2000)).min(1).max(30),
  monitoring: z.string().trim().min(1).max(2000),
  active: z.boolean().default(true),
});
export const ZLibraryParams = z.strictObject({ entryId: z.uuid() });

export const ZOverviewParams = z.strictObject({ year: z.coerce.number().int().min(2560).max(2700) });
export const ZOverviewRow = z.object({
  agency: z.object({ id: z.uuid(), code: z.string(), nameTh: z.string() }),
  status: z.enum(MEASURES_STATUSES).nullable(),
  version: z.number().int().nullable(),
  measures: z.number().int(),
  done: z.number().int().describe('Measures whose latest progress entry is "done"'),
  sourceTotal: z.number().nullable().describe('Total of the source year (N) the document cites'),
  total: z.number().nullable().describe('Total of the measures year (N+1), once published'),
  change: z.number().nullable(),
});
export const ZOverview = z.object({ year: z.number().int(), rows: z.array(ZOverviewRow) });

export const ZPublicParams = z.strictObject({ documentId: z.uuid() });
