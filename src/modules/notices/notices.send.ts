// The sender: delivers queued notices — in the app, and by e-mail when the recipient has an address.
//
// One sender across instances, and never the same notice twice: a notice is claimed with
// `FOR UPDATE SKIP LOCKED` and a lease (the evidence worker's pattern: a sender that dies leaves its claim to
// run out, and every write after it is conditional on the claim still being current). The e-mail is sent
// at most once: `mail_started_at` is committed before the mail is handed over, and a later claim of a
// notice whose mail had started delivers it in the app only (noting that the mail's fate is unknown).
// Before sending, the reason is checked again: an agency whose work for the stage is now done, a digest
// with no laggards left, a measure now done or of a revised document, or a recipient who can no longer sign
// in, get nothing (cancelled, audited).
// Nothing is sent in quiet hours (20:00–08:00 Bangkok): due notices wait for the morning.
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../../app/context.ts';
import { assertNever } from '../../core/exhaustive.ts';
import {
  type CancelReason,
  isQuietTime,
  type NoticeReason,
  type ReminderStage,
} from '../../core/notices/reminders.ts';
import { appendAudit } from '../audit/index.ts';
import { recipientNow } from '../users/index.ts';
import { noticeMail } from './notices.mail.ts';
import { recheckMeasure } from './notices.measures.ts';
import { digestLines } from './notices.plan.ts';
import {
  type ClaimedNotice,
  claimNotice,
  markCancelled,
  markDelivered,
  markMailStarted,
} from './notices.repo.ts';
import type { StageWorkSource } from './notices.work.ts';

export type SendDeps = Pick<AppDeps, 'db' | 'now' | 'mailer'> & {
  publicUrl: string;
  /** Off only where configured (NOTICE_QUIET_HOURS=false: end-to-end tests). */
  quietHours: boolean;
};

/** How long a claim holds: far beyond one mail hand-over and the writes around it. */
export const LEASE_MS = 5 * 60_000;

export interface SendReport {
  delivered: number;
  mailed: number;
  cancelled: number;
  /** Finished after the claim had passed to another sender: nothing written. */
  superseded: number;
}

/** Sends every notice due at `deps.now()` (none in quiet hours), one at a time, until none is due. */
export async function sendDueNotices(
  deps: SendDeps,
  source: StageWorkSource,
  log?: Pick<FastifyBaseLogger, 'warn'>,
): Promise<SendReport> {
  const report: SendReport = { delivered: 0, mailed: 0, cancelled: 0, superseded: 0 };
  for (;;) {
    if (deps.quietHours && isQuietTime(deps.now())) return report;
    const job = await claimNotice(deps.db, deps.now(), LEASE_MS);
    if (!job) return report;
    const outcome = await deliver(deps, source, job, log);
    report[outcome === 'mailed' ? 'delivered' : outcome] += 1;
    if (outcome === 'mailed') report.mailed += 1;
  }
}

type Outcome = 'delivered' | 'mailed' | 'cancelled' | 'superseded';

async function deliver(
  deps: SendDeps,
  source: StageWorkSource,
  job: ClaimedNotice,
  log?: Pick<FastifyBaseLogger, 'warn'>,
): Promise<Outcome> {
  const recipient = await recipientNow(deps.db, job.userId);
  if (!recipient?.canSignIn) return cancel(deps, job, 'recipient_inactive');
  const fresh = await recheck(deps, source, job);
  if ('cancel' in fresh) return cancel(deps, job, fresh.cancel);
  const reason = fresh.reason;
  let mailedTo: string | null = null;
  let mailError: string | null = null;
  if (job.mailStartedAt !== null) {
    // An earlier claim handed the mail over and died before recording it: never mail twice.
    mailError = 'interrupted';
  } else if (recipient.email) {
    if (!(await markMailStarted(deps.db, job, deps.now()))) return 'superseded';
    try {
      await deps.mailer.send(noticeMail(deps.publicUrl, recipient.email, job.year, reason));
      mailedTo = recipient.email;
    } catch (err) {
      log?.warn({ err, notice: job.id }, 'a notice could not be e-mailed; it is shown in the app');
      mailError = 'send_failed';
    }
  }
  const now = deps.now();
  const written = await deps.db.transaction(async (tx) => {
    if (!(await markDelivered(tx, job, now, { reason, mailedTo, mailError }))) return false;
    await appendAudit(
      tx,
      {
        actor: null,
        agencyId: job.agencyId,
        entityType: 'reminder',
        entityId: entityIdOf(job),
        action: 'deliver',
        after: {
          notice: job.id,
          kind: job.kind,
          recipient: job.userId,
          mailed: mailedTo !== null,
          mailError,
          reason,
        },
      },
      now,
    );
    return true;
  });
  if (!written) return 'superseded';
  return mailedTo !== null ? 'mailed' : 'delivered';
}

/** The audit entity of a notice: the agency's year and stage, or the digest's year and week. */
export function entityIdOf(job: Pick<ClaimedNotice, 'agencyId' | 'year' | 'stage' | 'reason'>): string {
  if (job.reason.rule === 'weekly_digest') return `digest:${job.year}:${job.reason.week}`;
  if (job.reason.rule === 'measure_due') return `${job.agencyId}:${job.year}:measure:${job.reason.measureId}`;
  return `${job.agencyId}:${job.year}:${job.stage}`;
}

async function cancel(deps: SendDeps, job: ClaimedNotice, why: CancelReason): Promise<Outcome> {
  const now = deps.now();
  const written = await deps.db.transaction(async (tx) => {
    if (!(await markCancelled(tx, job, now, why))) return false;
    await appendAudit(
      tx,
      {
        actor: null,
        agencyId: job.agencyId,
        entityType: 'reminder',
        entityId: entityIdOf(job),
        action: 'cancel',
        after: { notice: job.id, kind: job.kind, recipient: job.userId, why },
      },
      now,
    );
    return true;
  });
  return written ? 'cancelled' : 'superseded';
}

/** The reason as it stands now, or why the notice must not go: "none after the work is done". */
async function recheck(
  deps: SendDeps,
  source: StageWorkSource,
  job: ClaimedNotice,
): Promise<{ reason: NoticeReason } | { cancel: CancelReason }> {
  const r = job.reason;
  switch (r.rule) {
    case 'before_deadline':
    case 'sent_by_supervisor': {
      if (job.agencyId === null) return { cancel: 'work_done' };
      const work = (await source(deps.db, job.year, { agencyIds: [job.agencyId] }, deps.now())).find(
        (w) => w.stage === (job.stage as ReminderStage),
      );
      if (!work?.outstanding) return { cancel: 'work_done' };
      if (r.rule === 'before_deadline' && work.phase !== 'open') return { cancel: 'deadline_passed' };
      return {
        reason: {
          ...r,
          tasks: work.tasks,
          daysLeft: work.daysLeft ?? r.daysLeft,
          deadline: work.deadline ?? r.deadline,
        } as NoticeReason,
      };
    }
    case 'weekly_digest': {
      const { lines, total } = await digestLines(deps, source, job.userId, job.year);
      if (lines.length === 0) return { cancel: 'no_laggards' };
      return { reason: { ...r, lines, total } };
    }
    case 'measure_due':
      return recheckMeasure(deps.db, deps.now(), r);
    default:
      return assertNever(r);
  }
}
