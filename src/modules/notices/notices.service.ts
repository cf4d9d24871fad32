// Use cases of the notices API: a person's own notices (list, unread count, mark read) and a reminder sent
// by NACC or a supervisor to chosen agencies (a preview with `dryRun`). Authorization first in each.
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize } from '../../core/authz.ts';
import { bangkokToday } from '../../core/calendar.ts';
import { noticeKey, type ReminderStage } from '../../core/notices/reminders.ts';
import { agencyBriefsByIds, agencyNamesByIds, participatingAgencyIds } from '../agencies/index.ts';
import { appendAudit } from '../audit/index.ts';
import { agencyReminderRecipients, userNamesByIds } from '../users/index.ts';
import { agenciesNotFound, noticeNotFound } from './notices.errors.ts';
import { dueAtFor } from './notices.plan.ts';
import { presentNotice } from './notices.present.ts';
import {
  existingKeys,
  inboxCounts,
  inboxPage,
  markRead,
  type NewNotice,
  noticeOwner,
  queueNotices,
} from './notices.repo.ts';
import type { NoticeList, SendReminderBody, SendReminderResult } from './notices.schema.ts';
import type { StageWorkSource } from './notices.work.ts';
import { wakeNoticeSender } from './notices.worker.ts';

type Deps = Pick<AppDeps, 'db' | 'now' | 'config'>;
export const NOTICE_PAGE_SIZE = 20;

export async function listNotices(
  deps: Deps,
  actor: Actor | null,
  q: { page: number; unread?: 'true' | 'false' | undefined },
): Promise<NoticeList> {
  authorize(actor, 'notice.list', null);
  const unreadOnly = q.unread === 'true';
  const [rows, counts] = await Promise.all([
    inboxPage(deps.db, actor.userId, unreadOnly, q.page, NOTICE_PAGE_SIZE),
    inboxCounts(deps.db, actor.userId),
  ]);
  const names = await agencyNamesByIds(
    deps.db,
    rows.flatMap((r) => (r.agencyId ? [r.agencyId] : [])),
  );
  return {
    items: rows.map((r) => presentNotice(r, names)),
    total: unreadOnly ? counts.unread : counts.total,
    unread: counts.unread,
    page: q.page,
    pageSize: NOTICE_PAGE_SIZE,
  };
}

export async function unreadCount(deps: Deps, actor: Actor | null): Promise<{ unread: number }> {
  authorize(actor, 'notice.list', null);
  return { unread: (await inboxCounts(deps.db, actor.userId)).unread };
}

/** Marks one of the actor's notices read (another person's: 403; unknown or not delivered: 404). */
export async function markNoticeRead(
  deps: Deps,
  actor: Actor | null,
  id: string,
): Promise<{ marked: number; unread: number }> {
  authorize(actor, 'notice.list', null);
  const owner = await noticeOwner(deps.db, id);
  if (owner === null) throw noticeNotFound();
  authorize(actor, 'notice.read', { userId: owner });
  const marked = await markRead(deps.db, actor.userId, id, deps.now());
  return { marked: marked.length, unread: (await inboxCounts(deps.db, actor.userId)).unread };
}

export async function markAllNoticesRead(
  deps: Deps,
  actor: Actor | null,
): Promise<{ marked: number; unread: number }> {
  authorize(actor, 'notice.list', null);
  const marked = await markRead(deps.db, actor.userId, null, deps.now());
  return { marked: marked.length, unread: 0 };
}

/**
 * A reminder to chosen agencies about a stage: to each agency whose own work of the stage is not done, one
 * notice to each of its admins and executives — at most one a day per person, agency and stage, whoever
 * sends it. The sender checks again before it goes (none after the work is done) and waits out quiet hours.
 * NACC for any agency, a supervisor only within its scope (one agency outside it refuses the whole request).
 */
export async function sendReminder(
  deps: Deps,
  actor: Actor | null,
  body: SendReminderBody,
  source: StageWorkSource,
): Promise<SendReminderResult> {
  authorize(actor, 'notice.sendAny', null);
  const ids = [...new Set(body.agencyIds)];
  const briefs = await agencyBriefsByIds(deps.db, ids);
  if (briefs.size !== ids.length) throw agenciesNotFound();
  for (const brief of briefs.values()) authorize(actor, 'notice.send', brief);

  const now = deps.now();
  const stage = body.stage as ReminderStage;
  const participating = new Set(await participatingAgencyIds(deps.db, body.year, { agencyIds: ids }));
  const work = participating.size
    ? (await source(deps.db, body.year, { agencyIds: [...participating] }, now)).filter(
        (w) => w.stage === stage,
      )
    : [];
  const workOf = new Map(work.map((w) => [w.agencyId, w]));
  const recipients = await agencyReminderRecipients(deps.db, [...participating]);
  const day = bangkokToday(now);
  const keyOf = (agencyId: string, userId: string) =>
    noticeKey({ kind: 'manual_reminder', agencyId, year: body.year, stage, day }, userId);
  const already = await existingKeys(
    deps.db,
    recipients.map((r) => keyOf(r.agencyId, r.id)),
  );
  const sendsAt = dueAtFor(now, deps.config.notices.quietHours);
  const message = body.message && body.message.length > 0 ? body.message : null;
  const me = (await userNamesByIds(deps.db, [actor.userId])).get(actor.userId);
  const sentBy = {
    name: me?.displayName ?? actor.username,
    role: actor.role === 'admin' ? ('admin' as const) : ('supervisor' as const),
  };

  const agencies: SendReminderResult['agencies'] = ids.map((id) => {
    const b = briefs.get(id) as NonNullable<ReturnType<typeof briefs.get>>;
    const w = workOf.get(id);
    const own = recipients.filter((r) => r.agencyId === id);
    const skipped = !participating.has(id)
      ? ('not_participating' as const)
      : !w?.outstanding
        ? ('work_done' as const)
        : own.length === 0
          ? ('no_recipients' as const)
          : null;
    return {
      agencyId: id,
      code: b.code,
      nameTh: b.nameTh,
      nameEn: b.nameEn,
      outstanding: w?.outstanding ?? false,
      deadline: w?.deadline ?? null,
      daysLeft: w?.daysLeft ?? null,
      tasks: w?.tasks ?? [],
      skipped,
      recipients:
        skipped === null
          ? own.map((r) => ({
              id: r.id,
              name: r.displayName,
              role: r.role === 'executive' ? ('executive' as const) : ('agency_admin' as const),
              status: already.has(keyOf(id, r.id))
                ? ('already_sent' as const)
                : body.dryRun
                  ? ('would_queue' as const)
                  : ('queued' as const),
            }))
          : [],
    };
  });
  const rows: NewNotice[] = agencies.flatMap((a) =>
    a.recipients
      .filter((r) => r.status === 'queued')
      .map((r) => ({
        userId: r.id,
        kind: 'manual_reminder' as const,
        dedupeKey: keyOf(a.agencyId, r.id),
        year: body.year,
        agencyId: a.agencyId,
        stage,
        reason: {
          rule: 'sent_by_supervisor' as const,
          agencyName: a.nameTh,
          stage,
          deadline: a.deadline,
          daysLeft: a.daysLeft,
          tasks: a.tasks,
          sentBy,
          message,
        },
        dueAt: sendsAt,
        createdBy: actor.userId,
      })),
  );
  let queued = 0;
  if (!body.dryRun && rows.length > 0) {
    const keys = await deps.db.transaction(async (tx) => {
      const done = new Set(await queueNotices(tx, rows, now));
      for (const a of agencies) {
        const mine = rows.filter((r) => r.agencyId === a.agencyId && done.has(r.dedupeKey));
        if (mine.length === 0) continue;
        await appendAudit(
          tx,
          {
            actor,
            agencyId: a.agencyId,
            entityType: 'reminder',
            entityId: `${a.agencyId}:${body.year}:${stage}`,
            action: 'request',
            after: { stage, year: body.year, recipients: mine.map((r) => r.userId), message, tasks: a.tasks },
          },
          now,
        );
      }
      return done;
    });
    queued = keys.size;
    // A concurrent click queued some first: those recipients are already sent today.
    for (const a of agencies)
      for (const r of a.recipients)
        if (r.status === 'queued' && !keys.has(keyOf(a.agencyId, r.id))) r.status = 'already_sent';
    if (queued > 0) wakeNoticeSender();
  }
  return { year: body.year, stage, dryRun: body.dryRun, sendsAt: sendsAt.toISOString(), queued, agencies };
}
