// Requests and responses of EIT part 2: the sample the assessor draws, interviews entered by the
// interviewer, and the supervising assessor's review.
import { z } from 'zod';
import {
  FAILED_OUTCOMES,
  INTERVIEW_OUTCOMES,
  INTERVIEW_STATUSES,
  type InterviewOutcome,
  type InterviewStatus,
} from '../../core/surveys/index.ts';
import { AGENCY_TYPES } from '../../shared/agency-types.ts';

const iso = z.iso.datetime({ offset: true });

export const ZInterviewIdParams = z.object({ id: z.uuid() });

export const ZDrawBody = z.strictObject({
  /** Ordered replacements to draw after the selection; at least the sample size (the default). */
  reserves: z.number().int().min(0).max(10_000).optional(),
});
export type DrawBody = z.infer<typeof ZDrawBody>;

// The closed lists live in the surveys core (the database schema holds to them too).
export const OUTCOMES = INTERVIEW_OUTCOMES;
export type Outcome = InterviewOutcome;
export { FAILED_OUTCOMES, INTERVIEW_STATUSES, type InterviewStatus };

const ZAnswerValue = z.union([z.string().max(100), z.record(z.string().max(40), z.string().max(100))]);

export const ZEnterInterviewBody = z.strictObject({
  contactId: z.uuid(),
  outcome: z.enum(OUTCOMES),
  startedAt: iso,
  endedAt: iso,
  paradata: z.strictObject({
    /** Seconds spent on each question, by question code. */
    questionDurations: z
      .record(z.string().min(1).max(40), z.number().min(0).max(86_400))
      .refine((r) => Object.keys(r).length <= 300, 'too many questions'),
  }),
  /** Required when the interview was completed, forbidden otherwise. */
  answers: z
    .record(z.string().min(1).max(40), ZAnswerValue)
    .refine((r) => Object.keys(r).length <= 300, 'too many answers')
    .optional(),
});
export type EnterInterviewBody = z.infer<typeof ZEnterInterviewBody>;

export const ZInterviewListQuery = z.object({ status: z.enum(INTERVIEW_STATUSES).optional() });
export const ZRejectBody = z.strictObject({ reason: z.string().trim().min(1).max(2000) });

const ZContact = z.object({
  id: z.uuid(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  relation: z.string(),
});
const ZPerson = z.object({ id: z.uuid(), displayName: z.string() }).nullable();

export const ZInterview = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  year: z.number().int(),
  contact: ZContact,
  interviewer: ZPerson,
  outcome: z.enum(OUTCOMES),
  status: z.enum(INTERVIEW_STATUSES),
  startedAt: iso,
  endedAt: iso,
  durationSeconds: z.number().int(),
  paradata: z.object({ questionDurations: z.record(z.string(), z.number()) }),
  /** The answers awaiting review; null once reviewed (they then live, unlinked, among the responses). */
  pendingAnswers: z.record(z.string(), z.unknown()).nullable(),
  reviewer: ZPerson,
  reviewedAt: iso.nullable(),
  reviewReason: z.string().nullable(),
  /** Whether the viewer may approve or reject it (not the interviewer: four eyes). */
  canReview: z.boolean(),
});
export type Interview = z.infer<typeof ZInterview>;
export const ZInterviewList = z.object({ items: z.array(ZInterview) });

const ZSampleContact = z.object({
  id: z.uuid(),
  /** Null when the contact was removed from the agency's list after the draw. */
  contact: ZContact.nullable(),
  role: z.enum(['selected', 'reserve']),
  /** 1-based position in the selection or in the reserve order. */
  position: z.number().int(),
  /** Whether the interviewer may call this contact now (selected, or a reserve released by a failure). */
  usable: z.boolean(),
  status: z.enum(['not_called', ...OUTCOMES]),
  interviews: z.array(
    z.object({ id: z.uuid(), outcome: z.enum(OUTCOMES), status: z.enum(INTERVIEW_STATUSES) }),
  ),
});
export type SampleContact = z.infer<typeof ZSampleContact>;

export const ZSampleView = z.object({
  prerequisites: z.object({
    contacts: z.number().int(),
    eitPopulation: z.number().int().nullable(),
    /** The framework's part-2 minimum for this agency; null until the EIT population is entered. */
    minimum: z.number().int().nullable(),
  }),
  sample: z
    .object({
      id: z.uuid(),
      seed: z.string(),
      algorithm: z.string(),
      size: z.number().int(),
      reserveCount: z.number().int(),
      releasedReserves: z.number().int(),
      drawnAt: iso,
      drawnBy: ZPerson,
      progress: z.object({
        /** Completed interviews a reviewer approved: the ones that count. */
        approved: z.number().int(),
        /** Completed interviews waiting for review. */
        awaitingReview: z.number().int(),
      }),
      contacts: z.array(ZSampleContact),
    })
    .nullable(),
});
export type SampleView = z.infer<typeof ZSampleView>;

export const ZSampleVerification = z.object({
  matches: z.boolean(),
  algorithm: z.string(),
  seed: z.string(),
  contactsNow: z.number().int(),
  /** Sampled contacts no longer on the agency's list. */
  missingContacts: z.number().int(),
  redrawn: z.object({ selected: z.array(z.uuid()), reserves: z.array(z.uuid()) }),
});
export type SampleVerification = z.infer<typeof ZSampleVerification>;

const ZLocalized = z.object({ th: z.string(), en: z.string().optional() });
export const ZQuestionnaire = z.object({
  year: z.number().int(),
  instrument: z.object({ code: z.string(), name: ZLocalized }),
  agencyType: z.enum(AGENCY_TYPES),
  groups: z.array(
    z.object({
      indicator: z.object({ code: z.string(), name: ZLocalized }),
      questions: z.array(
        z.object({
          code: z.string(),
          text: ZLocalized,
          scaleCode: z.string(),
          options: z.array(z.object({ value: z.string(), label: ZLocalized })),
          subItems: z.array(z.object({ code: z.string(), text: ZLocalized })),
        }),
      ),
    }),
  ),
});
