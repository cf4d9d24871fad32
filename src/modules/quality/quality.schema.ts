// Request and response shapes of the quality review (flags, decisions) and of suppressed breakdowns.
import { z } from 'zod';
import { QUALITY_BULK_MAX } from '../../shared/limits.ts';

export const REVIEW_REASON_MAX_LENGTH = 1000;

export const ZResponseParams = z.object({ id: z.uuid() });

export const ZReviewBody = z
  .strictObject({
    decision: z.enum(['keep', 'exclude']),
    reason: z.string().trim().max(REVIEW_REASON_MAX_LENGTH).optional(),
  })
  .refine((b) => b.decision === 'keep' || (b.reason ?? '').length > 0, {
    path: ['reason'],
    message: 'A reason is required to exclude a response (ต้องระบุเหตุผลเมื่อคัดคำตอบออก)',
  });
export type ReviewBody = z.infer<typeof ZReviewBody>;

export const ZFlag = z.object({
  code: z.string().meta({ example: 'speeder' }),
  th: z.string(),
  en: z.string(),
  evidence: z.record(z.string(), z.union([z.number(), z.string()])),
});

export const ZReview = z.object({
  responseId: z.uuid(),
  decision: z.enum(['keep', 'exclude']),
  reason: z.string().nullable(),
  decidedAt: z.iso.datetime(),
});
export type Review = z.infer<typeof ZReview>;

export const ZReviewUndone = z.object({ responseId: z.uuid(), decision: z.null() });

/** One decision, with one reason, for many flagged responses of one agency-year (each still audited). */
export const ZBulkReviewBody = z
  .strictObject({
    responseIds: z
      .array(z.uuid())
      .min(1)
      .max(QUALITY_BULK_MAX)
      .refine((ids) => new Set(ids).size === ids.length, {
        message: 'A response is listed twice (มีแบบสอบถามซ้ำในรายการ)',
      })
      .describe(`Responses of this agency and year, at most ${QUALITY_BULK_MAX}`),
    decision: z.enum(['keep', 'exclude']),
    reason: z.string().trim().max(REVIEW_REASON_MAX_LENGTH).optional(),
  })
  .refine((b) => b.decision === 'keep' || (b.reason ?? '').length > 0, {
    path: ['reason'],
    message: 'A reason is required to exclude a response (ต้องระบุเหตุผลเมื่อคัดคำตอบออก)',
  });
export type BulkReviewBody = z.infer<typeof ZBulkReviewBody>;

export const ZBulkReviewResult = z.object({
  reviews: z.array(ZReview),
  changed: z.number().int().describe('Decisions written now (each with its own audit entry)'),
  unchanged: z.number().int().describe('Responses that already had this decision and reason'),
});

export const ZFlaggedResponse = z.object({
  /** The response's id: random, and tells nothing about the respondent. */
  id: z.uuid(),
  instrument: z.string(),
  day: z.iso.date(),
  /** How long the respondent took, as the band kept (seconds, `to` null when open-ended); null if not measured. */
  duration: z.object({ fromSeconds: z.number().int(), toSeconds: z.number().int().nullable() }).nullable(),
  channel: z.string(),
  flags: z.array(ZFlag),
  /** The chosen option's position (1 = first) per answer item in questionnaire order; "-" unanswered. */
  answerVector: z.string().describe('Only what a reviewer needs to judge straight-lining and duplicates'),
  review: ZReview.nullable(),
});

export const ZInstrumentQuality = z.object({
  instrument: z.string(),
  responses: z.number().int(),
  /** Accepted but not yet released (they join `responses` in shuffled batches, for anonymity). */
  held: z.number().int(),
  excluded: z.number().int(),
  flaggedResponses: z.number().int(),
  flagCounts: z.record(z.string(), z.number().int()),
});

export const ZQualityReport = z.object({
  agencyId: z.uuid(),
  year: z.number().int(),
  /** false for supervisors: agency-level flags and counts only, no per-response data. */
  detail: z.boolean(),
  instruments: z.array(ZInstrumentQuality),
  agencyFlags: z.array(ZFlag.extend({ instrument: z.string().nullable() })),
  /** The IIT against its approved population: 'full' takes no more responses. */
  iitIntake: z.object({
    state: z.enum(['open', 'full', 'awaiting_population']),
    approvedPopulation: z.number().int().nullable(),
    received: z.number().int(),
  }),
  responses: z.array(ZFlaggedResponse).nullable(),
});
export type QualityReport = z.infer<typeof ZQualityReport>;
export type FlaggedResponse = z.infer<typeof ZFlaggedResponse>;

export const ZBreakdownQuery = z.object({ by: z.enum(['day', 'channel', 'instrument']) });

export const ZBreakdown = z.object({
  by: z.enum(['day', 'channel', 'instrument']),
  /**
   * Groups smaller than this are hidden, with one more hidden when a single small group could be recovered
   * (core/surveys/suppression.ts). Hidden rows do not say why.
   */
  minimumGroupSize: z.number().int(),
  total: z
    .number()
    .int()
    .nullable()
    .describe('The sum over all groups; null when any group is hidden, since it would reveal them'),
  groups: z.array(
    z.object({
      key: z.string(),
      count: z.number().int().nullable(),
      suppressed: z.boolean(),
    }),
  ),
});
export type Breakdown = z.infer<typeof ZBreakdown>;

export type BulkReviewResult = z.infer<typeof ZBulkReviewResult>;
