// Reminders: who gets one (the agency's admins and executives who can sign in, for a stage whose own work
// is not done, at 7/3/1 days before its deadline), none twice (also with two senders at once, and after a
// sender died mid-mail), none after the work is done, none in quiet hours, and the weekly digest of a
// supervisor lists the laggards of their scope only. Audited.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { grantScope, makeProvince, makeUser } from '../../../test/helpers/factories.ts';
import { auditLog, notices } from '../../db/schema/index.ts';
import { loadFramework, participatingAgency } from '../quality/quality.fixture.testing.ts';
import { fakeWork } from './notices.fixture.testing.ts';
import { planDigests, planStageReminders } from './notices.plan.ts';
import { claimNotice, markMailStarted } from './notices.repo.ts';
import { LEASE_MS, sendDueNotices } from './notices.send.ts';
import { runNotices, startNoticeWorker } from './notices.worker.ts';

const bkk = (local: string) => new Date(`${local}+07:00`);

describe('reminders before a deadline', () => {
  let t: TestApp;
  let work: ReturnType<typeof fakeWork>;
  const A = { id: '', admin: '', executive: '' };
  let B = '';
  const sendDeps = () => ({ ...t.deps, publicUrl: 'https://ita.example', quietHours: true });
  const planDeps = () => ({ ...t.deps, quietHours: true });
  const run = () => runNotices(t.deps, work.source, { plan: true });
  const mailsTo = (email: string) => t.outbox.filter((m) => m.to === email);

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.deps.db;
    await loadFramework(db);
    A.id = (await participatingAgency(db)).id;
    B = (await participatingAgency(db)).id;
    A.admin = (
      await makeUser(db, { role: 'agency_admin', agencyId: A.id, email: 'admin-a@example.go.th' })
    ).id;
    A.executive = (
      await makeUser(db, { role: 'executive', agencyId: A.id, email: 'exec-a@example.go.th' })
    ).id;
    // Never reminded: staff, a deactivated admin, an executive awaiting confirmation, another agency's admin
    // whose work is done.
    await makeUser(db, { role: 'agency_staff', agencyId: A.id, email: 'staff-a@example.go.th' });
    await makeUser(db, {
      role: 'agency_admin',
      agencyId: A.id,
      email: 'gone-a@example.go.th',
      active: false,
    });
    await makeUser(db, {
      role: 'executive',
      agencyId: A.id,
      email: 'proposed-a@example.go.th',
      awaitingConfirmation: true,
    });
    await makeUser(db, { role: 'agency_admin', agencyId: B, email: 'admin-b@example.go.th' });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.deps.db.delete(notices);
    t.outbox.length = 0;
    work = fakeWork();
    for (const stage of ['oit_answering', 'iit_collection', 'eit_collection'] as const)
      work.setDone(B, stage);
  });

  it('reminds the admins and executives of an agency whose work is not done, once, with why', async () => {
    t.clock.set(bkk('2025-04-25T10:00:00')); // OIT answering ends 30 April: 5 days left → the 7-day step
    const first = await run();
    expect(first).toMatchObject({ queued: 2, delivered: 2, mailed: 2, cancelled: 0 });
    expect(t.outbox.map((m) => m.to).sort()).toEqual(['admin-a@example.go.th', 'exec-a@example.go.th']);
    const [mail] = mailsTo('admin-a@example.go.th');
    expect(mail?.subject).toContain('ITA 2568');
    expect(mail?.text).toContain('30 เมษายน 2568');
    expect(mail?.text).toContain('เหลืออีก 5 วัน');
    expect(mail?.text).toContain(`${t.deps.config.publicUrl}/notices`);
    const rows = await t.deps.db.select().from(notices);
    expect(rows.every((r) => r.status === 'delivered' && r.agencyId === A.id)).toBe(true);
    expect(rows[0]?.reason).toMatchObject({
      rule: 'before_deadline',
      stage: 'oit_answering',
      deadline: '2025-04-30',
      daysLeft: 5,
      step: 7,
      tasks: [{ code: 'oit_answers', done: 3, required: 10 }],
    });
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'reminder'), eq(auditLog.action, 'deliver')));
    expect(audit.filter((e) => e.agencyId === A.id)).toHaveLength(2);

    // The same day, the next day (4 left: still the 7-day step): nothing again.
    expect(await run()).toMatchObject({ queued: 0, delivered: 0 });
    t.clock.set(bkk('2025-04-26T10:00:00'));
    expect(await run()).toMatchObject({ queued: 0, delivered: 0 });
    expect(t.outbox).toHaveLength(2);
    // 3 days left: the next step, once.
    t.clock.set(bkk('2025-04-27T09:00:00'));
    expect(await run()).toMatchObject({ queued: 2, mailed: 2 });
    expect(await run()).toMatchObject({ queued: 0, mailed: 0 });
    expect(mailsTo('admin-a@example.go.th')).toHaveLength(2);
  });

  it('the background worker plans and sends on its own, and stops cleanly', async () => {
    t.clock.set(bkk('2025-04-25T10:00:00'));
    const worker = startNoticeWorker(t.deps, work.source, { warn: () => {} });
    try {
      worker.wake();
      await vi.waitFor(() => expect(t.outbox).toHaveLength(2), { timeout: 20_000, interval: 50 });
    } finally {
      await worker.stop();
    }
    const rows = await t.deps.db.select().from(notices);
    expect(rows.map((r) => r.status)).toEqual(['delivered', 'delivered']);
  });

  it('two senders at once send each notice once', async () => {
    t.clock.set(bkk('2025-04-29T10:00:00')); // 1 day left
    await planStageReminders(planDeps(), work.source);
    const reports = await Promise.all([
      sendDueNotices(sendDeps(), work.source),
      sendDueNotices(sendDeps(), work.source),
    ]);
    expect(reports.reduce((s, r) => s + r.mailed, 0)).toBe(2);
    expect(t.outbox.map((m) => m.to).sort()).toEqual(['admin-a@example.go.th', 'exec-a@example.go.th']);
  });

  it('a notice whose sender died is delivered after the lease — and never mailed twice', async () => {
    t.clock.set(bkk('2025-04-29T10:00:00'));
    await planStageReminders(planDeps(), work.source);
    // One sender claims a notice and hands its mail over, then dies before recording it.
    const job = await claimNotice(t.deps.db, t.deps.now(), LEASE_MS);
    expect(job).not.toBeNull();
    expect(await markMailStarted(t.deps.db, job as NonNullable<typeof job>, t.deps.now())).toBe(true);
    // Before the lease runs out, the other notice only.
    expect(await sendDueNotices(sendDeps(), work.source)).toMatchObject({ delivered: 1, mailed: 1 });
    t.clock.advance(LEASE_MS + 1000);
    expect(await sendDueNotices(sendDeps(), work.source)).toMatchObject({ delivered: 1, mailed: 0 });
    const [row] = await t.deps.db
      .select()
      .from(notices)
      .where(eq(notices.id, (job as { id: string }).id));
    expect(row).toMatchObject({ status: 'delivered', mailError: 'interrupted', mailedTo: null, attempts: 2 });
    expect(t.outbox).toHaveLength(1);
  });

  it('waits out quiet hours, and sends nothing once the work is done', async () => {
    t.clock.set(bkk('2025-04-27T21:30:00')); // 3 days left, at night
    expect(await run()).toMatchObject({ queued: 2, delivered: 0 });
    const waiting = await t.deps.db.select().from(notices);
    expect(waiting.map((r) => r.dueAt)).toEqual([bkk('2025-04-28T08:00:00'), bkk('2025-04-28T08:00:00')]);
    t.clock.set(bkk('2025-04-28T07:59:00'));
    expect(await sendDueNotices(sendDeps(), work.source)).toMatchObject({ delivered: 0, cancelled: 0 });
    // The agency finishes before morning: nobody is reminded of done work.
    work.setDone(A.id, 'oit_answering');
    t.clock.set(bkk('2025-04-28T08:00:00'));
    expect(await sendDueNotices(sendDeps(), work.source)).toMatchObject({ delivered: 0, cancelled: 2 });
    expect(t.outbox).toHaveLength(0);
    const rows = await t.deps.db.select().from(notices);
    expect(rows.map((r) => [r.status, r.cancelledReason])).toEqual([
      ['cancelled', 'work_done'],
      ['cancelled', 'work_done'],
    ]);
    // Nor is it queued again while done.
    expect(await run()).toMatchObject({ queued: 0, delivered: 0 });
  });

  it('a reminder that waited past the deadline is not sent', async () => {
    t.clock.set(bkk('2025-04-30T20:30:00')); // the last day, at night
    expect(await run()).toMatchObject({ queued: 2, delivered: 0 });
    t.clock.set(bkk('2025-05-01T08:00:00'));
    expect(await sendDueNotices(sendDeps(), work.source)).toMatchObject({ delivered: 0, cancelled: 2 });
    const rows = await t.deps.db.select().from(notices);
    expect(rows.every((r) => r.cancelledReason === 'deadline_passed')).toBe(true);
  });
});

describe('the weekly digest', () => {
  let t: TestApp;
  let work: ReturnType<typeof fakeWork>;
  const ids = { p1Late: '', p1Done: '', p2Late: '', s1: '', s2: '', s3: '' };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.deps.db;
    await loadFramework(db);
    const p1 = await makeProvince(db);
    const p2 = await makeProvince(db);
    const p3 = await makeProvince(db);
    ids.p1Late = (await participatingAgency(db, { provinceCode: p1.code, nameTh: 'ก หน่วยงานช้า' })).id;
    ids.p1Done = (await participatingAgency(db, { provinceCode: p1.code })).id;
    ids.p2Late = (await participatingAgency(db, { provinceCode: p2.code })).id;
    ids.s1 = (await makeUser(db, { role: 'supervisor', email: 's1@example.go.th' })).id;
    ids.s2 = (await makeUser(db, { role: 'supervisor', email: 's2@example.go.th' })).id;
    ids.s3 = (await makeUser(db, { role: 'supervisor', email: 's3@example.go.th' })).id;
    await grantScope(db, ids.s1, { provinceCode: p1.code });
    await grantScope(db, ids.s2, { provinceCode: p2.code });
    await grantScope(db, ids.s3, { provinceCode: p3.code }); // nobody behind there
    work = fakeWork();
    for (const stage of [
      'register',
      'stakeholder_data',
      'iit_collection',
      'eit_collection',
      'oit_answering',
    ] as const) {
      work.setDone(ids.p1Done, stage);
      // Registration and stakeholder data are over (January, February) and done by everyone.
      work.setDone(ids.p1Late, stage, stage === 'register' || stage === 'stakeholder_data');
      work.setDone(ids.p2Late, stage, stage === 'register' || stage === 'stakeholder_data');
    }
  });
  afterAll(() => t.close());

  it('lists the laggards of each supervisor’s own scope, once a week', async () => {
    t.clock.set(bkk('2025-04-28T09:00:00')); // a Monday; OIT answering due in 2 days
    expect(await planDigests({ ...t.deps, quietHours: true }, work.source)).toBe(2);
    const rows = await t.deps.db.select().from(notices).where(eq(notices.kind, 'digest'));
    const of = (id: string) => rows.find((r) => r.userId === id)?.reason;
    const agenciesIn = (id: string) => {
      const r = of(id);
      return r?.rule === 'weekly_digest' ? [...new Set(r.lines.map((l) => l.agencyId))] : [];
    };
    expect(agenciesIn(ids.s1)).toEqual([ids.p1Late]);
    expect(agenciesIn(ids.s2)).toEqual([ids.p2Late]);
    expect(of(ids.s3)).toBeUndefined();
    const s1 = of(ids.s1);
    expect(s1?.rule === 'weekly_digest' && s1.lines.map((l) => [l.stage, l.overdue, l.daysLeft])).toEqual([
      ['oit_answering', false, 2],
    ]);
    // Again the same week (Sunday night): nothing new; the next Monday: a new digest.
    t.clock.set(bkk('2025-05-04T19:00:00'));
    expect(await planDigests({ ...t.deps, quietHours: true }, work.source)).toBe(0);
    await sendDueNotices({ ...t.deps, publicUrl: 'https://ita.example', quietHours: true }, work.source);
    expect(t.outbox.map((m) => m.to).sort()).toEqual(['s1@example.go.th', 's2@example.go.th']);
    expect(t.outbox.find((m) => m.to === 's1@example.go.th')?.text).toContain('ก หน่วยงานช้า');
    expect(t.outbox.find((m) => m.to === 's1@example.go.th')?.text).toContain('เลยกำหนด');
    t.clock.set(bkk('2025-05-05T09:00:00'));
    expect(await planDigests({ ...t.deps, quietHours: true }, work.source)).toBe(2);
  });
});
