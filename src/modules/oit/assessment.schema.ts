// Requests and responses of the assessor side of OIT: bulk assignments, the assessor's queue, the
// assessment of one agency (answers, original and latest evidence, scores, clarifications, the OIT score),
// scoring, submitting, clarifications, confirmation and reopening. Also the OpenAPI documentation; the web
// pages use these shapes (z.infer) as they are.
import { z } from 'zod';
import { OIT_STAGES } from '../../core/oit/stage.ts';
import { OIT_ITEM_STATES, OIT_REVIEW_STATUSES } from '../../core/oit/states.ts';
import { AGENCY_TYPES } from '../../shared/agency-types.ts';
import { OIT_ASSESSMENT_TEXT_MAX_LENGTH, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../../shared/limits.ts';
import { ZAgencyYearParams } from '../agencies/index.ts';
import { ZDaysLeft, ZStagePhase } from '../calendar/index.ts';
import { ZSnapshotSummary } from '../evidence/index.ts';

/** Agencies named in one bulk assignment. */
export const OIT_BULK_ASSIGN_MAX = 5000;

const iso = z.iso.datetime({ offset: true });
const ZText = z.string().trim().max(OIT_ASSESSMENT_TEXT_MAX_LENGTH);
const ZLocalizedOut = z.object({ th: z.string(), en: z.string().optional() });
const ZPerson = z.object({ id: z.uuid(), displayName: z.string() }).nullable();

/** An item of the assessment in a path (any code: an unknown one is a 404 from the service). */
export const ZAssessmentItemParams = ZAgencyYearParams.extend({
  code: z.string().min(1).max(40).meta({ example: 'o1' }),
});

// ── Bulk assignment ────────────────────────────────────────────────────────────────────────────────────
export const ZBulkAssignBody = z
  .strictObject({
    assessorId: z.uuid(),
    filter: z
      .strictObject({
        provinceCode: z.string().trim().min(1).optional().meta({ example: 'TH-47' }),
        agencyType: z.enum(AGENCY_TYPES).optional(),
        ministryCode: z.string().trim().min(1).optional(),
      })
      .refine((f) => Object.values(f).some((v) => v !== undefined), {
        message: 'give at least one of provinceCode, agencyType, ministryCode',
      })
      .optional()
      .describe('Conditions combined with AND, over agencies taking part in the year'),
    agencyIds: z.array(z.uuid()).min(1).max(OIT_BULK_ASSIGN_MAX).optional().describe('An explicit list'),
  })
  .refine((b) => (b.filter === undefined) !== (b.agencyIds === undefined), {
    message: 'give either filter or agencyIds',
  });
export type BulkAssignBody = z.infer<typeof ZBulkAssignBody>;

export const ZBulkAssignResult = z
  .object({
    year: z.number().int(),
    assessorId: z.uuid(),
    matched: z.number().int().describe('Participating agencies the filter or list named'),
    added: z.number().int().describe('Assignments created now'),
    alreadyAssigned: z.number().int().describe('Matched agencies the assessor already had'),
    assigned: z.number().int().describe('The assessor’s assignments of the year after the change'),
  })
  .meta({ id: 'OitBulkAssignResult' });
export type BulkAssignResult = z.infer<typeof ZBulkAssignResult>;

// ── Stages ─────────────────────────────────────────────────────────────────────────────────────────────
export const ZStageInfo = z
  .object({
    code: z.enum(OIT_STAGES),
    name: ZLocalizedOut,
    opensOn: z.string().describe('First day (Asia/Bangkok)'),
    closesOn: z.string().describe('Last day after any extension: the deadline'),
    open: z.boolean(),
    phase: ZStagePhase,
    daysLeft: ZDaysLeft,
    extended: z.boolean(),
  })
  .meta({ id: 'OitStage' });
export type StageInfo = z.infer<typeof ZStageInfo>;

// ── Queue ──────────────────────────────────────────────────────────────────────────────────────────────
export const ZQueueQuery = z.object({
  province: z.string().trim().min(1).optional().describe('Admins: one province'),
  status: z.enum(OIT_REVIEW_STATUSES).optional(),
  assessorId: z.uuid().optional().describe('Admins: the agencies of one assessor'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});
export type QueueQuery = z.infer<typeof ZQueueQuery>;

export const ZOitCounts = z.object({
  applicable: z.number().int().describe('Items that apply to the agency’s type'),
  approved: z.number().int().describe('Items the executive approved (and later states)'),
  scored: z.number().int(),
  disputed: z.number().int().describe('Clarifications filed'),
  undecided: z.number().int().describe('Clarifications waiting for the assessor'),
});

export const ZQueueRow = z.object({
  agency: z.object({
    id: z.uuid(),
    code: z.string(),
    nameTh: z.string(),
    nameEn: z.string().nullable(),
    type: z.string(),
    provinceCode: z.string().nullable(),
  }),
  status: z.enum(OIT_REVIEW_STATUSES),
  counts: ZOitCounts,
  assessors: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
  stage: ZStageInfo.nullable().describe('The stage of the agency’s next step; null once confirmed'),
  deadline: z.string().nullable().describe('The last day of that stage (after any extension)'),
  overdue: z.boolean().describe('The stage has ended and the step is not done'),
});
export const ZQueue = z
  .object({ year: z.number().int(), items: z.array(ZQueueRow), total: z.number().int() })
  .meta({ id: 'OitQueue' });
export type Queue = z.infer<typeof ZQueue>;
export type QueueRow = z.infer<typeof ZQueueRow>;

// ── Assessment view ────────────────────────────────────────────────────────────────────────────────────
export const ZUrlEvidence = z.object({
  url: z.string(),
  original: ZSnapshotSummary.nullable().describe('The snapshot taken at the executive’s approval'),
  latest: ZSnapshotSummary.nullable().describe('The newest finished check of the URL (else the one queued)'),
});

export const ZItemScore = z
  .object({
    score: z.union([z.literal(0), z.literal(100)]),
    componentsFound: z.array(z.number().int()),
    comment: z.string().nullable(),
    advice: z.string().nullable(),
    originalScore: z.number().int().nullable().describe('The score before an accepted clarification'),
    assessor: ZPerson,
    updatedAt: iso,
  })
  .meta({ id: 'OitItemScore' });
export type ItemScore = z.infer<typeof ZItemScore>;

export const ZClarification = z
  .object({
    explanation: z.string(),
    location: z.string().nullable(),
    filedBy: ZPerson,
    filedAt: iso,
    decision: z.enum(['accepted', 'rejected']).nullable(),
    decisionReason: z.string().nullable(),
    decidedBy: ZPerson,
    decidedAt: iso.nullable(),
  })
  .meta({ id: 'OitClarification' });
export type Clarification = z.infer<typeof ZClarification>;

export const ZAssessmentItem = z.object({
  code: z.string(),
  indicator: z.string(),
  subIndicator: z.string(),
  title: ZLocalizedOut,
  components: z.array(ZLocalizedOut),
  conditions: z.object({
    period: ZLocalizedOut.optional(),
    mainWebsite: z.boolean(),
    note: ZLocalizedOut.optional(),
  }),
  answer: z
    .object({
      state: z.enum(OIT_ITEM_STATES),
      has: z.boolean().nullable(),
      urls: z.array(z.string()),
      explanation: z.string().nullable(),
      approvedAt: iso.nullable(),
    })
    .nullable(),
  evidence: z.array(ZUrlEvidence),
  score: ZItemScore.nullable().describe('Hidden (null) from the agency and supervisors until assessed'),
  clarification: ZClarification.nullable(),
  can: z.object({ score: z.boolean(), clarify: z.boolean(), decide: z.boolean() }),
});
export type AssessmentItem = z.infer<typeof ZAssessmentItem>;

export const ZOitScore = z
  .object({
    instrument: z.string(),
    score: z.number(),
    indicators: z.record(z.string(), z.number()),
    subIndicators: z.record(z.string(), z.number()),
    applicableItems: z.number().int(),
    scoredItems: z.number().int(),
    complete: z.boolean().describe('False while items are unscored (they count as 0)'),
  })
  .meta({ id: 'OitScore' });

export const ZReviewInfo = z.object({
  status: z.enum(OIT_REVIEW_STATUSES),
  approvedAt: iso.nullable(),
  assessedAt: iso.nullable(),
  assessedBy: ZPerson,
  confirmedAt: iso.nullable(),
  confirmedBy: ZPerson,
  reopenedAt: iso.nullable(),
  reopenedBy: ZPerson,
  reopenReason: z.string().nullable(),
});
export type ReviewInfo = z.infer<typeof ZReviewInfo>;

export const ZAssessment = z
  .object({
    agency: z.object({ id: z.uuid(), code: z.string(), nameTh: z.string(), type: z.string() }),
    year: z.number().int(),
    review: ZReviewInfo,
    stages: z.array(ZStageInfo).describe('The OIT stages of the framework calendar, with extensions'),
    current: ZStageInfo.nullable().describe('The stage of the agency’s next step and its deadline'),
    counts: ZOitCounts,
    scoresVisible: z.boolean().describe('False for the agency and supervisors until assessed'),
    oitScore: ZOitScore.nullable(),
    indicators: z.array(
      z.object({
        code: z.string(),
        name: ZLocalizedOut,
        subIndicators: z.array(
          z.object({ code: z.string(), name: ZLocalizedOut, items: z.array(ZAssessmentItem) }),
        ),
      }),
    ),
    can: z.object({
      submit: z.boolean(),
      confirm: z.boolean(),
      reopen: z.boolean(),
    }),
  })
  .meta({ id: 'OitAssessment' });
export type Assessment = z.infer<typeof ZAssessment>;

// ── Writes ─────────────────────────────────────────────────────────────────────────────────────────────
export const ZScoreBody = z.strictObject({
  score: z.union([z.literal(0), z.literal(100)]),
  componentsFound: z.array(z.number().int().min(0).max(99)).max(100),
  comment: ZText.optional().nullable(),
  advice: ZText.optional().nullable().describe('Required when the score is 0'),
});
export type ScoreBody = z.infer<typeof ZScoreBody>;

export const ZClarificationBody = z.strictObject({
  explanation: ZText.min(1),
  location: ZText.optional().nullable().describe('Where on the original pages the data was'),
});
export type ClarificationBody = z.infer<typeof ZClarificationBody>;

export const ZDecisionBody = z.strictObject({
  decision: z.enum(['accepted', 'rejected']),
  reason: ZText.optional().nullable().describe('Required when rejected'),
});
export type DecisionBody = z.infer<typeof ZDecisionBody>;

export const ZReopenBody = z.strictObject({ reason: ZText.min(1) });

export const ZReviewResult = z
  .object({
    agencyId: z.uuid(),
    year: z.number().int(),
    status: z.enum(OIT_REVIEW_STATUSES),
    items: z.number().int().describe('Items whose state changed'),
    oitScore: ZOitScore.nullable(),
  })
  .meta({ id: 'OitReviewResult' });
export type ReviewResult = z.infer<typeof ZReviewResult>;

/** What a write on one item answers: the item's state, its score and clarification, the OIT score now. */
export const ZItemResult = z
  .object({
    code: z.string(),
    state: z.enum(OIT_ITEM_STATES),
    score: ZItemScore.nullable(),
    clarification: ZClarification.nullable(),
    oitScore: ZOitScore.nullable(),
  })
  .meta({ id: 'OitItemResult' });
export type ItemResult = z.infer<typeof ZItemResult>;
