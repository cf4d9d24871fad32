// Notices: every signed-in person reads and marks only their own (another person's notice is the out-of-
// scope target: 403); reminders to agencies are sent by NACC admins for any agency and by supervisors for
// agencies in their scope only. Content checks: the list and the unread count hold the actor's own
// delivered notices and nothing else (not another person's, not one still waiting to be sent).
import { and, count, eq, isNull } from 'drizzle-orm';
import type { NoticeReason } from '../../src/core/notices/reminders.ts';
import { notices, participations } from '../../src/db/schema/index.ts';
import { loadFramework, YEAR } from '../../src/modules/quality/quality.fixture.testing.ts';
import { allow, both, type CaseWorld, inScopeOnly, type MatrixCase, signedIn } from './cases.ts';
import type { ContentCheck } from './contents.ts';
import type { World } from './world.ts';

const reason = (week: string): NoticeReason => ({ rule: 'weekly_digest', week, lines: [], total: 0 });

async function deliveredNotice(w: World, userId: string, read = false): Promise<string> {
  const now = w.t.deps.now();
  const [row] = await w.db
    .insert(notices)
    .values({
      userId,
      kind: 'digest',
      dedupeKey: w.unique('authz-notice'),
      year: YEAR,
      reason: reason('2025-02-24'),
      status: 'delivered',
      dueAt: now,
      deliveredAt: now,
      readAt: read ? now : null,
    })
    .returning({ id: notices.id });
  return (row as { id: string }).id;
}

export async function setup(w: World) {
  await loadFramework(w.db);
  for (const side of [w.A, w.B])
    await w.db
      .insert(participations)
      .values({ agencyId: side.agency.id, year: YEAR, registered: true, registeredAt: new Date() })
      .onConflictDoNothing();
  // Each actor: one unread, one read, and one still waiting (never listed); other people's notices too.
  for (const actor of Object.values(w.actors)) {
    await deliveredNotice(w, actor.id);
    await deliveredNotice(w, actor.id, true);
    await w.db.insert(notices).values({
      userId: actor.id,
      kind: 'digest',
      dedupeKey: w.unique('authz-pending'),
      year: YEAR,
      reason: reason('2025-03-03'),
      dueAt: w.t.deps.now(),
    });
  }
  for (const other of [w.A.staff, w.B.staff, w.spare.supervisor]) await deliveredNotice(w, other.id);
}

/** The actor's own delivered notices, as the database holds them. */
async function own(c: Parameters<ContentCheck>[0]) {
  return c.w.db
    .select({ id: notices.id, readAt: notices.readAt })
    .from(notices)
    .where(and(eq(notices.userId, c.actor.userId), eq(notices.status, 'delivered')));
}

const listContents: ContentCheck = async (c) => {
  const res = await c.get('/api/notices');
  if (res.status !== 200) return [`notice list: ${res.status}`];
  const body = res.json as { items: { id: string }[]; total: number; unread: number };
  const expected = await own(c);
  const problems: string[] = [];
  const mine = new Set(expected.map((n) => n.id));
  for (const item of body.items)
    if (!mine.has(item.id)) problems.push(`notice list shows ${item.id}, not the actor's`);
  if (expected.length <= 20 && body.items.length !== expected.length)
    problems.push(`notice list has ${body.items.length}, expected ${expected.length}`);
  if (body.total !== expected.length)
    problems.push(`notice total ${body.total}, expected ${expected.length}`);
  const unread = expected.filter((n) => n.readAt === null).length;
  if (body.unread !== unread) problems.push(`notice list unread ${body.unread}, expected ${unread}`);
  if (expected.length === 0) problems.push('the fixture gave the actor no notice to list');
  return problems;
};

const unreadContents: ContentCheck = async (c) => {
  const res = await c.get('/api/notices/unread-count');
  if (res.status !== 200) return [`unread count: ${res.status}`];
  const [row] = await c.w.db
    .select({ n: count() })
    .from(notices)
    .where(and(eq(notices.userId, c.actor.userId), eq(notices.status, 'delivered'), isNull(notices.readAt)));
  const expected = Number(row?.n ?? 0);
  const got = (res.json as { unread: number }).unread;
  return got === expected ? [] : [`unread count ${got}, expected ${expected}`];
};

/** In scope: a fresh notice of the actor's own; out of scope: another person's. */
async function noticeFor(w: CaseWorld): Promise<string> {
  const owner = w.side === 'inScope' && w.actor ? w.actor.id : w.A.staff.id;
  return deliveredNotice(w, owner);
}

export const cases: MatrixCase[] = [
  {
    name: 'GET /api/notices',
    method: 'GET',
    url: () => '/api/notices',
    expect: signedIn(),
    contents: listContents,
  },
  {
    name: 'GET /api/notices/unread-count',
    method: 'GET',
    url: () => '/api/notices/unread-count',
    expect: signedIn(),
    contents: unreadContents,
  },
  {
    name: 'POST /api/notices/:id/read',
    method: 'POST',
    url: async (w) => `/api/notices/${await noticeFor(w)}/read`,
    expect: allow({
      admin: inScopeOnly,
      assessor: inScopeOnly,
      supervisor: inScopeOnly,
      agency_admin: inScopeOnly,
      executive: inScopeOnly,
      agency_staff: inScopeOnly,
    }),
  },
  {
    name: 'POST /api/notices/read-all',
    method: 'POST',
    url: () => '/api/notices/read-all',
    expect: signedIn(),
  },
  {
    name: 'POST /api/notices/reminders',
    method: 'POST',
    url: () => '/api/notices/reminders',
    // A real send: at most one a day per person, agency and stage, so repeating it is harmless.
    body: (w) => ({ year: YEAR, stage: 'oit_answering', agencyIds: [w.target.agency.id] }),
    expect: allow({ admin: both, supervisor: inScopeOnly }),
  },
];
