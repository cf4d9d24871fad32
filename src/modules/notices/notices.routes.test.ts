// The notices API with the real monitoring rule behind it: a supervisor previews and sends a reminder to an
// agency of its scope (only stages whose own work is not done, at most once a day per person), never to one
// outside it; the agency's admin and executive get it in the app (and by e-mail), see why, and mark it read;
// nobody reads or marks another person's notices. Sent at night, it waits for the morning; its work done
// before it goes, it is cancelled.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { grantScope, makeProvince, makeUser } from '../../../test/helpers/factories.ts';
import { auditLog, notices, users } from '../../db/schema/index.ts';
import { loadFramework, participatingAgency, YEAR } from '../quality/quality.fixture.testing.ts';
import { sendDueNotices } from './notices.send.ts';
import { stageWork } from './notices.work.ts';

describe('notices API', () => {
  let t: TestApp;
  let A = '';
  let B = '';
  const as: Record<'supervisor' | 'admin' | 'exec' | 'other', Client> = {} as never;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2025-03-03T03:00:00Z')); // 10:00 in Bangkok; OIT answering open until 30 April
    const db = t.deps.db;
    await loadFramework(db);
    const p1 = await makeProvince(db);
    const p2 = await makeProvince(db);
    A = (await participatingAgency(db, { provinceCode: p1.code })).id;
    B = (await participatingAgency(db, { provinceCode: p2.code })).id;
    const sup = await makeUser(db, { role: 'supervisor', email: 'sup@example.go.th' });
    await grantScope(db, sup.id, { provinceCode: p1.code });
    const admin = await makeUser(db, { role: 'agency_admin', agencyId: A, email: 'admin-a@example.go.th' });
    const exec = await makeUser(db, { role: 'executive', agencyId: A });
    const other = await makeUser(db, { role: 'agency_admin', agencyId: B, email: 'admin-b@example.go.th' });
    as.supervisor = await t.signIn(sup.username);
    as.admin = await t.signIn(admin.username);
    as.exec = await t.signIn(exec.username);
    as.other = await t.signIn(other.username);
  });
  afterAll(() => t.close());

  const remind = (c: Client, body: Record<string, unknown>) =>
    c.post('/api/notices/reminders', { year: YEAR, stage: 'oit_answering', agencyIds: [A], ...body });

  it('previews, then sends once a day, only for work not done, only within scope', async () => {
    const preview = await remind(as.supervisor, { dryRun: true });
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p.queued).toBe(0);
    expect(p.agencies[0]).toMatchObject({
      agencyId: A,
      outstanding: true,
      skipped: null,
      deadline: '2025-04-30',
    });
    expect(p.agencies[0].recipients.map((r: { status: string }) => r.status)).toEqual([
      'would_queue',
      'would_queue',
    ]);
    expect(await t.deps.db.select().from(notices)).toHaveLength(0);

    const sent = await remind(as.supervisor, { message: 'กรุณาตอบให้ครบ' });
    expect(sent.json()).toMatchObject({ queued: 2, dryRun: false });
    const again = await remind(as.supervisor, {});
    expect(again.json().queued).toBe(0);
    expect(again.json().agencies[0].recipients.map((r: { status: string }) => r.status)).toEqual([
      'already_sent',
      'already_sent',
    ]);
    // Registration (January) is done: nobody is reminded of it.
    const done = await remind(as.supervisor, { stage: 'register' });
    expect(done.json().agencies[0]).toMatchObject({ skipped: 'work_done', recipients: [] });
    // Outside the supervisor's scope: refused, nothing queued.
    const outside = await remind(as.supervisor, { agencyIds: [A, B] });
    expect(outside.statusCode).toBe(403);
    expect(await t.deps.db.select().from(notices)).toHaveLength(2);
    // Agency people cannot send reminders.
    expect((await remind(as.admin, {})).statusCode).toBe(403);
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityType, 'reminder'));
    expect(audit.map((e) => [e.action, e.agencyId])).toEqual([['request', A]]);
  });

  it('delivers in the app and by mail; each person lists and marks only their own', async () => {
    const report = await sendDueNotices(
      { ...t.deps, publicUrl: t.deps.config.publicUrl, quietHours: true },
      stageWork,
    );
    expect(report).toMatchObject({ delivered: 2, mailed: 1, cancelled: 0 });
    expect(t.outbox.map((m) => m.to)).toEqual(['admin-a@example.go.th']);
    expect(t.outbox[0]?.text).toContain('กรุณาตอบให้ครบ');

    const list = (await as.admin.get('/api/notices')).json();
    expect(list).toMatchObject({ total: 1, unread: 1 });
    expect(list.items[0]).toMatchObject({
      kind: 'manual_reminder',
      stage: 'oit_answering',
      mailed: true,
      agency: { id: A },
      reason: { rule: 'sent_by_supervisor', deadline: '2025-04-30', message: 'กรุณาตอบให้ครบ' },
    });
    expect(list.items[0].reason.tasks.length).toBeGreaterThan(0);
    expect((await as.exec.get('/api/notices')).json()).toMatchObject({ total: 1, unread: 1 });
    expect((await as.other.get('/api/notices')).json()).toMatchObject({ total: 0, items: [] });

    const id = list.items[0].id as string;
    expect((await as.other.post(`/api/notices/${id}/read`)).statusCode).toBe(403);
    expect((await as.exec.post(`/api/notices/${id}/read`)).statusCode).toBe(403);
    expect((await as.admin.post(`/api/notices/${id}/read`)).json()).toEqual({ marked: 1, unread: 0 });
    expect((await as.admin.get('/api/notices/unread-count')).json()).toEqual({ unread: 0 });
    expect((await as.exec.get('/api/notices/unread-count')).json()).toEqual({ unread: 1 });
    expect((await as.exec.post('/api/notices/read-all')).json()).toEqual({ marked: 1, unread: 0 });
    expect((await as.admin.post('/api/notices/00000000-0000-4000-8000-000000000000/read')).statusCode).toBe(
      404,
    );
  });

  it('refuses malformed requests with a clear 400', async () => {
    for (const body of [{ stage: 'oit_scoring' }, { agencyIds: [] }, { agencyIds: ['x'] }, { year: 1999 }]) {
      const res = await remind(as.supervisor, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('invalid_request');
    }
  });
});

// A reminder sent from the matrix at night waits for the morning — the e-mail and the in-app notice alike
// (the sender delivers both at once) — and one whose work is done before it goes is never sent: both by the
// real monitoring rule.
describe('a reminder sent from the matrix, at night and for work done meanwhile', () => {
  let t: TestApp;
  const ids = { A: '', B: '', supervisor: '', admin: '', exec: '', adminB: '', execB: '' };
  const sendDeps = () => ({ ...t.deps, publicUrl: t.deps.config.publicUrl, quietHours: true });
  const rowsOf = (agencyId: string) =>
    t.deps.db.select().from(notices).where(eq(notices.agencyId, agencyId)).orderBy(notices.userId);
  const inbox = async (userId: string) => {
    const [user] = await t.deps.db.select().from(users).where(eq(users.id, userId));
    return (await (await t.signIn(user?.username as string)).get('/api/notices')).json();
  };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.deps.db;
    await loadFramework(db);
    const p = await makeProvince(db);
    ids.A = (await participatingAgency(db, { provinceCode: p.code })).id;
    ids.B = (await participatingAgency(db, { provinceCode: p.code })).id;
    ids.supervisor = (await makeUser(db, { role: 'supervisor' })).id;
    await grantScope(db, ids.supervisor, { provinceCode: p.code });
    const people = [
      ['admin', 'agency_admin', ids.A],
      ['exec', 'executive', ids.A],
      ['adminB', 'agency_admin', ids.B],
      ['execB', 'executive', ids.B],
    ] as const;
    for (const [key, role, agencyId] of people)
      ids[key] = (await makeUser(db, { role, agencyId, email: `${key.toLowerCase()}@example.go.th` })).id;
  });
  afterAll(() => t.close());

  const supervisor = async () => {
    const [u] = await t.deps.db.select().from(users).where(eq(users.id, ids.supervisor));
    return t.signIn(u?.username as string);
  };

  it('waits out quiet hours: nothing mailed or shown before 08:00 Bangkok, both at 08:00', async () => {
    t.clock.set(new Date('2025-03-03T14:30:00Z')); // 21:30 in Bangkok
    const res = await (await supervisor()).post('/api/notices/reminders', {
      year: YEAR,
      stage: 'oit_answering',
      agencyIds: [ids.A],
    });
    expect(res.statusCode).toBe(200);
    const morning = new Date('2025-03-04T01:00:00Z'); // 08:00 in Bangkok
    expect(res.json()).toMatchObject({ queued: 2, sendsAt: morning.toISOString() });
    expect((await rowsOf(ids.A)).map((r) => [r.status, r.dueAt])).toEqual([
      ['pending', morning],
      ['pending', morning],
    ]);
    expect(await sendDueNotices(sendDeps(), stageWork)).toMatchObject({ delivered: 0, cancelled: 0 });
    t.clock.set(new Date(morning.getTime() - 60_000)); // 07:59
    expect(await sendDueNotices(sendDeps(), stageWork)).toMatchObject({ delivered: 0, cancelled: 0 });
    expect(t.outbox).toHaveLength(0);
    expect(await inbox(ids.admin)).toMatchObject({ total: 0, unread: 0, items: [] });

    t.clock.set(morning);
    expect(await sendDueNotices(sendDeps(), stageWork)).toMatchObject({ delivered: 2, mailed: 2 });
    expect(t.outbox.map((m) => m.to).sort()).toEqual(['admin@example.go.th', 'exec@example.go.th']);
    const list = await inbox(ids.admin);
    expect(list).toMatchObject({ total: 1, unread: 1 });
    expect(list.items[0]).toMatchObject({
      kind: 'manual_reminder',
      mailed: true,
      reason: { rule: 'sent_by_supervisor', stage: 'oit_answering' },
    });
  });

  it('cancels a reminder whose work the agency finished between queuing and sending', async () => {
    t.outbox.length = 0;
    t.clock.set(new Date('2025-02-20T03:00:00Z')); // 10:00 in Bangkok; stakeholder data due 28 February
    const [adminB] = await t.deps.db.select().from(users).where(eq(users.id, ids.adminB));
    const [execB] = await t.deps.db.select().from(users).where(eq(users.id, ids.execB));
    const entered = await (await t.signIn(adminB?.username as string)).put(
      `/api/agencies/${ids.B}/stakeholders/${YEAR}`,
      { iitPopulation: 40, eitPopulation: 300 },
    );
    expect(entered.statusCode, entered.body).toBe(200);
    const sent = await (await supervisor()).post('/api/notices/reminders', {
      year: YEAR,
      stage: 'stakeholder_data',
      agencyIds: [ids.B],
    });
    expect(sent.json()).toMatchObject({
      queued: 2,
      agencies: [{ outstanding: true, tasks: [{ code: 'stakeholder_approval', done: 0, required: 1 }] }],
    });
    // The executive approves before the sender comes round.
    const approved = await (await t.signIn(execB?.username as string)).post(
      `/api/agencies/${ids.B}/stakeholders/${YEAR}/approve`,
    );
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await sendDueNotices(sendDeps(), stageWork)).toMatchObject({ delivered: 0, cancelled: 2 });
    expect(t.outbox).toHaveLength(0);
    expect((await rowsOf(ids.B)).map((r) => [r.status, r.cancelledReason])).toEqual([
      ['cancelled', 'work_done'],
      ['cancelled', 'work_done'],
    ]);
    expect(await inbox(ids.adminB)).toMatchObject({ total: 0, items: [] });
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'reminder'), eq(auditLog.agencyId, ids.B)));
    expect(audit.map((e) => e.action).sort()).toEqual(['cancel', 'cancel', 'request']);
  });
});
