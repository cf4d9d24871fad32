// Shapes of the agency side of OIT: request bodies, and the responses the web app builds on (checklist,
// readiness, item history). Every field the UI shows is decided by the server, including what the viewer
// may do (`can`).
import { z } from 'zod';
import { OIT_ITEM_STATES, OIT_REVIEW_STATUSES } from '../../core/oit/states.ts';
import {
  OIT_EXPLANATION_MAX_LENGTH,
  OIT_RETURN_COMMENT_MAX_LENGTH,
  OIT_URL_MAX_LENGTH,
  OIT_URLS_MAX,
} from '../../shared/limits.ts';
import { ZAgencyYearParams } from '../agencies/index.ts';
import { ZAuditEntry } from '../audit/index.ts';
import { ZDaysLeft, ZStagePhase } from '../calendar/index.ts';
import { type SnapshotSummary, ZSnapshotSummary } from '../evidence/index.ts';

const ZLocalizedOut = z.object({ th: z.string(), en: z.string().optional() });
const ZName = z.object({ th: z.string(), en: z.string() });
const ZIsoDay = z.iso.date().meta({ example: '2025-04-30' });
const ZInstant = z.string().meta({ example: '2025-03-01T03:00:00.000Z' });
const ZItemCode = z
  .string()
  .regex(/^[A-Za-z]{1,3}[0-9]{1,3}$/)
  .meta({ example: 'o1' });
const ZUserRef = z.object({ id: z.string(), displayName: z.string() });

/** A fiscal year (Buddhist era) in a path. */
const ZYear = z.coerce.number().int().min(2550).max(2700).meta({ example: 2568 });
export const ZYearParams = z.object({ year: ZYear });
export const ZItemParams = ZAgencyYearParams.extend({ code: ZItemCode });

// Requests. The hard caps here only bound the payload; the documented limits are checked by the service,
// which answers with one Thai and English message per problem (400 oit_invalid_answer).
export const ZSaveAnswerBody = z.strictObject({
  has: z
    .boolean()
    .nullable()
    .describe('true = the agency publishes it; false = it does not; null = undecided'),
  urls: z
    .array(z.string().max(OIT_URL_MAX_LENGTH * 4))
    .max(OIT_URLS_MAX * 5)
    .default([])
    .describe(
      `Absolute http(s) URLs of the evidence, at most ${OIT_URLS_MAX}, each at most ${OIT_URL_MAX_LENGTH} characters; ` +
        'blank entries are ignored and repeats kept once. Kept (not required) when has=false.',
    ),
  explanation: z
    .string()
    .max(OIT_EXPLANATION_MAX_LENGTH * 4)
    .nullable()
    .default(null)
    .describe(`How to reach the data from the home page (at most ${OIT_EXPLANATION_MAX_LENGTH} characters)`),
});
export type SaveAnswerBody = z.infer<typeof ZSaveAnswerBody>;

export const ZAssigneeBody = z.strictObject({
  userId: z
    .uuid()
    .nullable()
    .describe('An active agency staff or agency admin account of the agency; null = nobody'),
});
export type AssigneeBody = z.infer<typeof ZAssigneeBody>;

export const ZReturnBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        code: ZItemCode,
        comment: z
          .string()
          .max(OIT_RETURN_COMMENT_MAX_LENGTH * 4)
          .describe(`What to change (required; at most ${OIT_RETURN_COMMENT_MAX_LENGTH} characters)`),
      }),
    )
    .min(1)
    .max(500),
});
export type ReturnBody = z.infer<typeof ZReturnBody>;

// Responses.
export const ZItemState = z.enum(OIT_ITEM_STATES);
export const ZReviewStatus = z.enum(OIT_REVIEW_STATUSES);

export const ZStageWindow = z.object({
  code: z.literal('oit_answering'),
  name: ZLocalizedOut.nullable(),
  open: z.boolean(),
  opensOn: ZIsoDay.nullable(),
  closesOn: ZIsoDay.nullable().describe('The last day for this agency, after any extension'),
  phase: ZStagePhase.nullable().describe('null when the framework has no answering stage'),
  daysLeft: ZDaysLeft,
  extended: z.boolean(),
  today: ZIsoDay.describe('Today in Asia/Bangkok'),
});
export type StageWindowView = z.infer<typeof ZStageWindow>;

/**
 * The latest check of one URL: the evidence module's snapshot summary (its newest result, or the queued
 * check of a URL never checked yet), the same shape as its own lists, so one component shows both.
 */
export const ZEvidenceCheck = ZSnapshotSummary;
export type EvidenceCheck = SnapshotSummary;

export const ZUrlView = z.object({
  url: z.string(),
  warnings: z
    .array(z.enum(['not_main_domain', 'main_website_unknown']))
    .describe(
      'not_main_domain: not on the agency’s main website; main_website_unknown: no website on record',
    ),
  evidence: ZEvidenceCheck.nullable(),
});

export const ZAnswerView = z.object({
  state: ZItemState,
  stateName: ZName,
  has: z.boolean().nullable(),
  urls: z.array(ZUrlView),
  explanation: z.string().nullable(),
  answered: z.boolean().describe('"hasn’t", or "has" with a URL and an explanation'),
  assignee: ZUserRef.nullable(),
  returnComment: z.string().nullable().describe('The executive’s comment when the item was returned'),
  updatedAt: ZInstant.nullable(),
  updatedBy: ZUserRef.nullable(),
  approvedAt: ZInstant.nullable(),
});
export type AnswerView = z.infer<typeof ZAnswerView>;

const ZProgress = z.object({ answered: z.number().int(), total: z.number().int() });

export const ZChecklistItem = z.object({
  code: z.string(),
  title: ZLocalizedOut,
  components: z.array(ZLocalizedOut).describe('What the page must show; 100 only if every one is shown'),
  conditions: z.object({
    period: ZLocalizedOut.optional(),
    mainWebsite: z.boolean(),
    note: ZLocalizedOut.optional(),
  }),
  paraphrased: z.boolean(),
  answer: ZAnswerView,
  can: z.object({ edit: z.boolean(), delegate: z.boolean() }),
});
export type ChecklistItem = z.infer<typeof ZChecklistItem>;

export const ZReviewView = z.object({
  status: ZReviewStatus,
  statusName: ZName,
  submittedAt: ZInstant.nullable(),
  submittedBy: ZUserRef.nullable(),
  approvedAt: ZInstant.nullable(),
  approvedBy: ZUserRef.nullable(),
  assessedAt: ZInstant.nullable(),
  confirmedAt: ZInstant.nullable(),
  reopenedAt: ZInstant.nullable(),
  reopenReason: z.string().nullable(),
});
export type ReviewView = z.infer<typeof ZReviewView>;

export const ZChecklist = z.object({
  agency: z.object({
    id: z.string(),
    code: z.string(),
    nameTh: z.string(),
    website: z.string().nullable().describe('The main website; URLs elsewhere earn a warning'),
  }),
  year: z.number().int(),
  frameworkVersion: z.number().int(),
  review: ZReviewView,
  stage: ZStageWindow,
  progress: ZProgress.extend({
    submitted: z.number().int().describe('Items submitted for approval or further'),
    approved: z.number().int().describe('Items approved by the executive (or assessed since)'),
  }),
  unanswered: z.array(z.string()).describe('Applicable items not answered yet (submit refuses while any)'),
  indicators: z.array(
    z.object({
      code: z.string(),
      name: ZLocalizedOut,
      progress: ZProgress,
      subIndicators: z.array(
        z.object({
          code: z.string(),
          name: ZLocalizedOut,
          progress: ZProgress,
          items: z.array(ZChecklistItem),
        }),
      ),
    }),
  ),
  can: z
    .object({
      edit: z.boolean().describe('The viewer may edit at least one item now'),
      delegate: z.boolean(),
      submit: z.boolean(),
      approve: z.boolean(),
      return: z.boolean(),
    })
    .describe('What the viewer may do now (role, scope, stage window and item states)'),
  assignees: z
    .array(ZUserRef.extend({ role: z.enum(['agency_admin', 'agency_staff']) }))
    .describe('Accounts items may be delegated to (only for a viewer who may delegate)'),
});
export type Checklist = z.infer<typeof ZChecklist>;

const ZReadinessCounts = z.object({
  total: z.number().int(),
  answered: z.number().int(),
  approved: z.number().int(),
  evidenceReachable: z
    .number()
    .int()
    .describe('"Has" items whose every URL answered 2xx at its latest check'),
});

export const ZReadiness = z.object({
  agencyId: z.string(),
  year: z.number().int(),
  ...ZReadinessCounts.shape,
  subIndicators: z.array(
    ZReadinessCounts.extend({
      code: z.string(),
      indicator: z.string(),
      name: ZLocalizedOut,
      wouldBeScore: z.number().nullable(),
    }),
  ),
  items: z.array(
    z.object({
      code: z.string(),
      indicator: z.string(),
      subIndicator: z.string(),
      answered: z.boolean(),
      approved: z.boolean(),
      has: z.boolean().nullable(),
      evidence: z.enum(['reachable', 'broken', 'checking', 'none']),
      wouldPass: z.boolean(),
    }),
  ),
  wouldBe: z
    .object({ instrument: z.string(), score: z.number().nullable() })
    .nullable()
    .describe('The OIT score if every "has" item with reachable evidence passed and every other item failed'),
});
export type ReadinessView = z.infer<typeof ZReadiness>;

export const ZItemHistory = z.object({
  entityId: z.string().describe('The item’s audit entity id: agencyId:year:itemCode'),
  items: z.array(ZAuditEntry).describe('Answer, score and clarification entries of the item, newest first'),
});
export type ItemHistory = z.infer<typeof ZItemHistory>;
