// Request and response shapes of the notices API (zod; the web app imports the types).
import { z } from 'zod';
import { CANCEL_REASONS, NOTICE_KINDS, REMINDER_STAGES } from '../../core/notices/reminders.ts';
import { ZFiscalYear } from '../../shared/fiscal-year.ts';

export const ZReminderStage = z.enum(REMINDER_STAGES);
export const ZCancelReason = z.enum(CANCEL_REASONS);

const ZOutstandingTask = z.object({
  code: z
    .string()
    .meta({ description: 'A task of the monitoring rule (registration, iit, oit_approval, …)' }),
  done: z.number(),
  required: z.number().nullable(),
});

const ZDigestLine = z.object({
  agencyId: z.uuid(),
  agencyName: z.string(),
  stage: ZReminderStage,
  deadline: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  tasks: z.array(ZOutstandingTask),
});

export const ZNoticeReason = z.discriminatedUnion('rule', [
  z.object({
    rule: z.literal('before_deadline'),
    agencyName: z.string(),
    stage: ZReminderStage,
    deadline: z.string(),
    daysLeft: z.number().int(),
    step: z.number().int(),
    tasks: z.array(ZOutstandingTask),
  }),
  z.object({
    rule: z.literal('sent_by_supervisor'),
    agencyName: z.string(),
    stage: ZReminderStage,
    deadline: z.string().nullable(),
    daysLeft: z.number().int().nullable(),
    tasks: z.array(ZOutstandingTask),
    sentBy: z.object({ name: z.string(), role: z.enum(['admin', 'supervisor']) }),
    message: z.string().nullable(),
  }),
  z.object({
    rule: z.literal('weekly_digest'),
    week: z.string(),
    lines: z.array(ZDigestLine),
    total: z.number().int(),
  }),
  z.object({
    rule: z.literal('measure_due'),
    agencyName: z.string(),
    documentId: z.uuid(),
    version: z.number().int(),
    measureId: z.string(),
    measureTitle: z.string(),
    end: z.string(),
    daysLeft: z.number().int(),
    step: z.union([z.literal(14), z.literal(3), z.literal('overdue')]),
    status: z.string().nullable(),
  }),
]);

export const ZNotice = z.object({
  id: z.uuid(),
  kind: z.enum(NOTICE_KINDS),
  year: z.number().int(),
  agency: z
    .object({ id: z.uuid(), code: z.string(), nameTh: z.string(), nameEn: z.string().nullable() })
    .nullable(),
  stage: ZReminderStage.nullable(),
  /** Why the recipient got it: the rule, the stage, its deadline and the facts when it was sent. */
  reason: ZNoticeReason,
  deliveredAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
  /** Whether it was also e-mailed. */
  mailed: z.boolean(),
});
export type Notice = z.infer<typeof ZNotice>;

export const ZNoticeListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  unread: z.enum(['true', 'false']).optional(),
});

export const ZNoticeList = z.object({
  items: z.array(ZNotice),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type NoticeList = z.infer<typeof ZNoticeList>;

export const ZUnreadCount = z.object({ unread: z.number().int() });
export const ZNoticeId = z.object({ id: z.uuid() });
export const ZMarkedRead = z.object({ marked: z.number().int(), unread: z.number().int() });

export const ZSendReminderBody = z.strictObject({
  year: ZFiscalYear,
  stage: ZReminderStage,
  agencyIds: z.array(z.uuid()).min(1).max(500),
  message: z.string().trim().max(500).optional(),
  /** Only say who would get what (the preview), queue nothing. */
  dryRun: z.boolean().default(false),
});
export type SendReminderBody = z.infer<typeof ZSendReminderBody>;

export const SKIP_REASONS = ['not_participating', 'work_done', 'no_recipients'] as const;
export const RECIPIENT_STATUSES = ['queued', 'would_queue', 'already_sent'] as const;

export const ZSendReminderResult = z.object({
  year: z.number().int(),
  stage: ZReminderStage,
  dryRun: z.boolean(),
  /** When the queued reminders go: now, or the end of quiet hours (08:00 Bangkok). */
  sendsAt: z.iso.datetime(),
  queued: z.number().int(),
  agencies: z.array(
    z.object({
      agencyId: z.uuid(),
      code: z.string(),
      nameTh: z.string(),
      nameEn: z.string().nullable(),
      outstanding: z.boolean(),
      deadline: z.string().nullable(),
      daysLeft: z.number().int().nullable(),
      tasks: z.array(ZOutstandingTask),
      skipped: z.enum(SKIP_REASONS).nullable(),
      recipients: z.array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          role: z.enum(['agency_admin', 'executive']),
          status: z.enum(RECIPIENT_STATUSES),
        }),
      ),
    }),
  ),
});
export type SendReminderResult = z.infer<typeof ZSendReminderResult>;
