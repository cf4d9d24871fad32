// Drizzle queries of the notices table: the outbox (queue, claim with a lease, finish) and each person's
// list of delivered notices.
import { and, asc, count, desc, eq, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { CancelReason, NoticeKind, NoticeReason } from '../../core/notices/reminders.ts';
import type { DbOrTx } from '../../db/client.ts';
import { notices } from '../../db/schema/index.ts';

const n = notices;
export type NoticeRow = typeof notices.$inferSelect;
export type NewNotice = {
  userId: string;
  kind: NoticeKind;
  dedupeKey: string;
  year: number;
  agencyId: string | null;
  stage: string | null;
  reason: NoticeReason;
  dueAt: Date;
  createdBy: string | null;
};

/**
 * Queues notices; a key already queued (or sent, or cancelled) is left alone — the unique key is what makes
 * a reminder reach a person once. Returns the keys actually queued.
 */
export async function queueNotices(db: DbOrTx, rows: readonly NewNotice[], now: Date): Promise<string[]> {
  const queued: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((r) => ({ ...r, status: 'pending' as const, createdAt: now }));
    const done = await db
      .insert(n)
      .values(chunk)
      .onConflictDoNothing({ target: n.dedupeKey })
      .returning({ key: n.dedupeKey });
    queued.push(...done.map((d) => d.key));
  }
  return queued;
}

/** Which of these keys exist already (whatever their state). */
export async function existingKeys(db: DbOrTx, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .select({ key: n.dedupeKey })
    .from(n)
    .where(inArray(n.dedupeKey, [...keys]));
  return new Set(rows.map((r) => r.key));
}

export type ClaimedNotice = Pick<
  NoticeRow,
  'id' | 'userId' | 'kind' | 'year' | 'agencyId' | 'stage' | 'reason' | 'attempts' | 'mailStartedAt'
>;

/**
 * Claims one due notice: a pending one whose time has come, or one claimed before whose lease ran out (its
 * sender died). `FOR UPDATE SKIP LOCKED` lets senders on every instance claim side by side; the lease
 * (due_at while sending) is how long the claim holds — the evidence worker's pattern.
 */
export async function claimNotice(db: DbOrTx, now: Date, leaseMs: number): Promise<ClaimedNotice | null> {
  const due = db
    .select({ id: n.id })
    .from(n)
    .where(and(inArray(n.status, ['pending', 'sending']), lte(n.dueAt, now)))
    .orderBy(asc(n.dueAt))
    .limit(1)
    .for('update', { skipLocked: true });
  const [row] = await db
    .update(n)
    .set({ status: 'sending', attempts: sql`${n.attempts} + 1`, dueAt: new Date(now.getTime() + leaseMs) })
    .where(inArray(n.id, due))
    .returning({
      id: n.id,
      userId: n.userId,
      kind: n.kind,
      year: n.year,
      agencyId: n.agencyId,
      stage: n.stage,
      reason: n.reason,
      attempts: n.attempts,
      mailStartedAt: n.mailStartedAt,
    });
  return row ?? null;
}

/** Only the claim that is still current may write: a notice claimed again after its lease is the new claim's. */
const stillMine = (job: ClaimedNotice) =>
  and(eq(n.id, job.id), eq(n.status, 'sending'), eq(n.attempts, job.attempts));

/** Records that the mail is being handed over (committed first: a later claim never mails it again). */
export async function markMailStarted(db: DbOrTx, job: ClaimedNotice, now: Date): Promise<boolean> {
  const rows = await db
    .update(n)
    .set({ mailStartedAt: now })
    .where(and(stillMine(job), isNull(n.mailStartedAt)))
    .returning({ id: n.id });
  return rows.length > 0;
}

export async function markDelivered(
  db: DbOrTx,
  job: ClaimedNotice,
  now: Date,
  o: { reason: NoticeReason; mailedTo: string | null; mailError: string | null },
): Promise<boolean> {
  const rows = await db
    .update(n)
    .set({ status: 'delivered', deliveredAt: now, dueAt: now, ...o })
    .where(stillMine(job))
    .returning({ id: n.id });
  return rows.length > 0;
}

export async function markCancelled(
  db: DbOrTx,
  job: ClaimedNotice,
  now: Date,
  why: CancelReason,
): Promise<boolean> {
  const rows = await db
    .update(n)
    .set({ status: 'cancelled', cancelledReason: why, dueAt: now })
    .where(stillMine(job))
    .returning({ id: n.id });
  return rows.length > 0;
}

const inbox = (userId: string, unreadOnly: boolean): SQL | undefined =>
  and(eq(n.userId, userId), eq(n.status, 'delivered'), unreadOnly ? isNull(n.readAt) : undefined);

/** A person's delivered notices, newest first, one page. */
export function inboxPage(db: DbOrTx, userId: string, unreadOnly: boolean, page: number, pageSize: number) {
  return db
    .select({
      id: n.id,
      kind: n.kind,
      year: n.year,
      agencyId: n.agencyId,
      stage: n.stage,
      reason: n.reason,
      deliveredAt: n.deliveredAt,
      readAt: n.readAt,
      mailedTo: n.mailedTo,
    })
    .from(n)
    .where(inbox(userId, unreadOnly))
    .orderBy(desc(n.deliveredAt), desc(n.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
}
export type InboxRow = Awaited<ReturnType<typeof inboxPage>>[number];

export async function inboxCounts(db: DbOrTx, userId: string): Promise<{ total: number; unread: number }> {
  const [row] = await db
    .select({ total: count(), unread: sql<number>`count(*) filter (where ${n.readAt} is null)::int` })
    .from(n)
    .where(inbox(userId, false));
  return { total: Number(row?.total ?? 0), unread: Number(row?.unread ?? 0) };
}

/** Marks the person's delivered notices read (the given one, or all); returns the ids newly marked. */
export async function markRead(db: DbOrTx, userId: string, id: string | null, now: Date): Promise<string[]> {
  const rows = await db
    .update(n)
    .set({ readAt: now })
    .where(and(inbox(userId, true), id === null ? undefined : eq(n.id, id)))
    .returning({ id: n.id });
  return rows.map((r) => r.id);
}

/** Whose delivered notice this is (null when there is no such delivered notice). */
export async function noticeOwner(db: DbOrTx, id: string): Promise<string | null> {
  const [row] = await db
    .select({ userId: n.userId })
    .from(n)
    .where(and(eq(n.id, id), eq(n.status, 'delivered')));
  return row?.userId ?? null;
}
