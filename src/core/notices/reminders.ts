// Reminders and notices (issue 11 §3): when a reminder is due, when one may be sent, and the key that makes
// each one unique. Pure: the caller passes `now`. Which agencies are behind is not decided here — that is
// the monitoring rule (src/core/monitoring); this file only decides *when* and *how often* to remind.
import { bangkokToday } from '../calendar.ts';
import { assertNever } from '../exhaustive.ts';
import type { MeasureDueStep } from '../measures/due.ts';

/**
 * The calendar stages whose deadline reminds agencies (framework calendar codes): work the agency itself must
 * do — registration, stakeholder data and its approval, collection below the minimum (IIT, EIT part 1), OIT
 * answering and approval, clarification. Scoring and confirmation are the assessors' and never remind one.
 */
export const REMINDER_STAGES = [
  'register',
  'stakeholder_data',
  'iit_collection',
  'eit_collection',
  'oit_answering',
  'clarification',
] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number];

export const NOTICE_KINDS = ['stage_reminder', 'manual_reminder', 'digest', 'measure_reminder'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Delivery states of a notice: waiting, claimed by a sender (leased), delivered, or not sent. */
export const NOTICE_STATUSES = ['pending', 'sending', 'delivered', 'cancelled'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/**
 * Why a notice was not sent: the work was done before it went out, a reminder before a deadline that passed
 * while it waited (quiet hours), a digest with nobody behind any more, a recipient who can no longer sign in,
 * or an improvement measure whose document was revised (a newer version approved or drafted) meanwhile.
 */
export const CANCEL_REASONS = [
  'work_done',
  'deadline_passed',
  'no_laggards',
  'recipient_inactive',
  'document_revised',
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

/** Days before a stage's last day at which agencies with work outstanding are reminded. */
export const REMINDER_STEPS = [7, 3, 1] as const;

/**
 * Which reminder step `daysLeft` falls in: the smallest step at or above it (5 days left → the 7-day
 * reminder, 2 → the 3-day one, 0 → the 1-day one), or null when the deadline is further than every step
 * (or the stage is not open: `daysLeft` null). A planner that was down sends only the latest step, never
 * the ones it missed.
 */
export function reminderStep(daysLeft: number | null): number | null {
  if (daysLeft === null || daysLeft < 0) return null;
  let step: number | null = null;
  for (const s of REMINDER_STEPS) if (daysLeft <= s && (step === null || s < step)) step = s;
  return step;
}

const BANGKOK_OFFSET_MS = 7 * 3_600_000;
const HOUR_MS = 3_600_000;
/** Quiet hours, Asia/Bangkok: nothing is sent from 20:00 until 08:00; what falls due then waits. */
export const QUIET_FROM_HOUR = 20;
export const QUIET_UNTIL_HOUR = 8;

/** The hour of the day in Bangkok (0–23). */
const bangkokHour = (now: Date) => new Date(now.getTime() + BANGKOK_OFFSET_MS).getUTCHours();

export function isQuietTime(now: Date): boolean {
  const h = bangkokHour(now);
  return h >= QUIET_FROM_HOUR || h < QUIET_UNTIL_HOUR;
}

/** The first instant at or after `now` outside quiet hours (`now` itself when it is not quiet). */
export function sendableAt(now: Date): Date {
  if (!isQuietTime(now)) return now;
  const local = new Date(now.getTime() + BANGKOK_OFFSET_MS);
  const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  // Before 08:00: today's 08:00; from 20:00: tomorrow's.
  const morning = day + QUIET_UNTIL_HOUR * HOUR_MS + (bangkokHour(now) >= QUIET_FROM_HOUR ? 24 * HOUR_MS : 0);
  return new Date(morning - BANGKOK_OFFSET_MS);
}

/** The Monday (Bangkok) of the week `now` falls in, as YYYY-MM-DD: a digest is once per such week. */
export function bangkokWeekOf(now: Date): string {
  const today = bangkokToday(now);
  const d = new Date(`${today}T00:00:00Z`);
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - sinceMonday * 24 * HOUR_MS).toISOString().slice(0, 10);
}

/**
 * The idempotency key of a notice (unique in the table): the same reminder to the same person is one row,
 * however many planners, senders or clicks there are.
 * - before a deadline: agency, year, stage, the deadline (an extension is a new deadline) and the step;
 * - sent by a supervisor or NACC: agency, year, stage and the Bangkok day (one a day, whoever sends it);
 * - the weekly digest: the year and the week;
 * - an improvement measure's due date: the document version (its row id), the measure and the step.
 */
export type NoticeKey =
  | {
      kind: 'stage_reminder';
      agencyId: string;
      year: number;
      stage: ReminderStage;
      deadline: string;
      step: number;
    }
  | { kind: 'manual_reminder'; agencyId: string; year: number; stage: ReminderStage; day: string }
  | { kind: 'digest'; year: number; week: string }
  | { kind: 'measure_reminder'; documentId: string; measureId: string; step: MeasureDueStep };

export function noticeKey(k: NoticeKey, userId: string): string {
  switch (k.kind) {
    case 'stage_reminder':
      return `stage:${k.year}:${k.stage}:${k.agencyId}:${k.deadline}:${k.step}:${userId}`;
    case 'manual_reminder':
      return `manual:${k.year}:${k.stage}:${k.agencyId}:${k.day}:${userId}`;
    case 'digest':
      return `digest:${k.year}:${k.week}:${userId}`;
    case 'measure_reminder':
      return `measure:${k.documentId}:${k.measureId}:${k.step}:${userId}`;
    default:
      return assertNever(k);
  }
}

/** What of a stage the agency has not done, as the monitoring rule counted it (task codes of that rule). */
export interface OutstandingTask {
  code: string;
  done: number;
  /** Null while unknown (a minimum sample before the population is entered). */
  required: number | null;
}

/** One agency behind in one stage, as a digest lists it. */
export interface DigestLine {
  agencyId: string;
  agencyName: string;
  stage: ReminderStage;
  deadline: string | null;
  daysLeft: number | null;
  /** Over with work not done, or open and due within the last reminder step. */
  overdue: boolean;
  tasks: OutstandingTask[];
}

/**
 * Why the recipient got the notice, stored with it and shown to them: the rule, the stage, its deadline
 * and the facts when it was decided (refreshed when it was sent).
 */
export type NoticeReason =
  | {
      rule: 'before_deadline';
      agencyName: string;
      stage: ReminderStage;
      deadline: string;
      daysLeft: number;
      step: number;
      tasks: OutstandingTask[];
    }
  | {
      rule: 'sent_by_supervisor';
      agencyName: string;
      stage: ReminderStage;
      deadline: string | null;
      daysLeft: number | null;
      tasks: OutstandingTask[];
      sentBy: { name: string; role: 'admin' | 'supervisor' };
      message: string | null;
    }
  /** `lines` is capped; `total` counts them all. */
  | { rule: 'weekly_digest'; week: string; lines: DigestLine[]; total: number }
  /** An approved improvement measure near or past the end of its period without a "done" progress entry. */
  | {
      rule: 'measure_due';
      agencyName: string;
      documentId: string;
      version: number;
      measureId: string;
      measureTitle: string;
      /** The last day of the measure's period (YYYY-MM-DD). */
      end: string;
      daysLeft: number;
      step: MeasureDueStep;
      /** The latest progress status, or null with no progress entry yet. */
      status: string | null;
    };
