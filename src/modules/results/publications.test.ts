// Publication of results: nothing visible before the publication's time on any route that could show it
// (and visible after), only finished runs are publishable, supersession keeps the history with its public
// reason, a waiting publication can be cancelled, the table refuses edits, and agencies are e-mailed once
// per publication — also with two notifiers racing — with an audit checkpoint after it.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { grantScope, makeUser } from '../../../test/helpers/factories.ts';
import type { Db } from '../../db/client.ts';
import {
  agencyResults,
  assessorAssignments,
  auditCheckpoints,
  auditLog,
  processingRuns,
  publications,
} from '../../db/schema/index.ts';
import { loadFramework, participatingAgency, YEAR } from '../quality/quality.fixture.testing.ts';
import { notifyDuePublications, startPublicationNotifier } from './publications.notify.ts';

const HOUR = 3_600_000;

describe('publication of results', () => {
  let t: TestApp;
  let db: Db;
  let version: number;
  let A: string;
  let B: string;
  const runs: Record<'first' | 'second' | 'preview' | 'failed' | 'queued', string> = {
    first: '',
    second: '',
    preview: '',
    failed: '',
    queued: '',
  };
  const as: Record<string, Client> = {};

  async function insertRun(kind: 'run' | 'preview', status: 'done' | 'failed' | 'queued', agencyId?: string) {
    const [row] = await db
      .insert(processingRuns)
      .values({
        year: YEAR,
        frameworkVersion: version,
        kind,
        scope: agencyId ? 'agency' : 'all',
        scopeValue: agencyId ?? null,
        status,
        inputsHash: status === 'done' ? 'a'.repeat(64) : null,
        finishedAt: status === 'queued' ? null : new Date(),
      })
      .returning({ id: processingRuns.id });
    return row?.id as string;
  }
  async function insertResult(runId: string, agencyId: string, total: number) {
    await db.insert(agencyResults).values({
      runId,
      agencyId,
      total: total.toFixed(2),
      ratingCode: total >= 85 ? 'A' : 'B',
      passes: total >= 85,
      instruments: {},
      indicators: { '1': total },
      indicatorsByInstrument: {},
      questions: {},
      subIndicators: {},
      inputsHash: 'b'.repeat(64),
    });
  }

  beforeAll(async () => {
    t = await createTestApp();
    db = t.deps.db;
    ({ version } = await loadFramework(db));
    A = (await participatingAgency(db)).id;
    B = (await participatingAgency(db)).id;
    runs.first = await insertRun('run', 'done');
    runs.second = await insertRun('run', 'done');
    runs.preview = await insertRun('preview', 'done', A);
    runs.failed = await insertRun('run', 'failed');
    runs.queued = await insertRun('run', 'queued');
    for (const [run, a, b] of [
      [runs.first, 81.5, 90],
      [runs.second, 86.25, 90],
      [runs.preview, 99, 99],
    ] as const) {
      await insertResult(run, A, a);
      if (run !== runs.preview) await insertResult(run, B, b);
    }
    const people = {
      admin: { role: 'admin' as const, email: 'nacc@example.org' },
      aAdmin: { role: 'agency_admin' as const, agencyId: A, email: 'a-admin@example.org' },
      aExec: { role: 'executive' as const, agencyId: A, email: 'a-exec@example.org' },
      aStaff: { role: 'agency_staff' as const, agencyId: A, email: 'a-staff@example.org' },
      bAdmin: { role: 'agency_admin' as const, agencyId: B, email: 'b-admin@example.org' },
      supervisor: { role: 'supervisor' as const },
      assessor: { role: 'assessor' as const },
    };
    for (const [name, o] of Object.entries(people)) {
      const user = await makeUser(db, { ...o, username: `pub-${name.toLowerCase()}` });
      if (name === 'supervisor') await grantScope(db, user.id, { agencyId: A });
      if (name === 'assessor')
        await db.insert(assessorAssignments).values({ userId: user.id, agencyId: A, year: YEAR });
      as[name] = await t.signIn(`pub-${name.toLowerCase()}`);
    }
    // Proposed, not yet confirmed: cannot sign in, so no notice either.
    await makeUser(db, {
      role: 'executive',
      agencyId: A,
      email: 'a-exec-unconfirmed@example.org',
      awaitingConfirmation: true,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const admin = () => as.admin as Client;
  const publish = (body: unknown) => admin().post(`/api/results/${YEAR}/publications`, body);
  const resultOf = (who: string, agency = A) =>
    (as[who] as Client).get(`/api/agencies/${agency}/results/${YEAR}`);
  const history = (who: string) => (as[who] as Client).get(`/api/results/${YEAR}/publications`);
  const readers = ['aAdmin', 'aExec', 'aStaff', 'supervisor', 'assessor'];
  const notices = () => t.outbox.filter((m) => m.subject.includes('ITA'));

  it('publishes only a finished run of kind `run`, with a strict body and no time in the past', async () => {
    for (const run of [runs.preview, runs.failed, runs.queued]) {
      const res = await publish({ runId: run });
      expect(res.statusCode, run).toBe(409);
      expect(res.json().error.code).toBe('run_not_publishable');
    }
    expect((await publish({ runId: crypto.randomUUID() })).statusCode).toBe(404);
    expect((await publish({ runId: runs.first, extra: 1 })).statusCode).toBe(400);
    const past = await publish({
      runId: runs.first,
      publishAt: new Date(t.deps.now().getTime() - 60_000).toISOString(),
    });
    expect(past.json().error.code).toBe('publish_at_past');
    expect(
      (await as.aAdmin?.post(`/api/results/${YEAR}/publications`, { runId: runs.first }))?.statusCode,
    ).toBe(403);
    // The database refuses it too, whatever the service does.
    await expect(
      db.insert(publications).values({ year: YEAR, runId: runs.preview, publishAt: new Date() }),
    ).rejects.toThrow();
    expect(await db.select().from(publications)).toHaveLength(0);
  });

  it('shows nothing before the embargo ends, on every route, and the result after it', async () => {
    const start = t.deps.now();
    const at = new Date(start.getTime() + HOUR);
    const res = await publish({ runId: runs.first, publishAt: at.toISOString() });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ state: 'embargoed', runId: runs.first, supersedes: null });

    t.clock.set(new Date(at.getTime() - 1)); // one millisecond before
    for (const who of readers) {
      const r = await resultOf(who);
      expect(r.statusCode, who).toBe(404);
      expect(r.json().error.code).toBe('results_not_published');
      expect(r.body).not.toContain('81.5');
      expect((await history(who)).json().items, who).toEqual([]);
    }
    expect((await resultOf('bAdmin')).statusCode).toBe(403); // not their agency, whatever the time
    // NACC sees what it is about to publish.
    expect((await resultOf('admin')).json()).toMatchObject({ basis: 'embargoed', total: 81.5 });
    expect((await history('admin')).json().items).toHaveLength(1);
    expect(await notifyDuePublications(t.deps)).toBe(0);
    expect(notices()).toEqual([]);

    t.clock.set(at); // the embargo ends
    for (const who of readers) {
      const r = await resultOf(who);
      expect(r.statusCode, who).toBe(200);
      expect(r.json()).toMatchObject({ basis: 'published', runId: runs.first, total: 81.5, ratingCode: 'B' });
      expect((await history(who)).json().items).toMatchObject([{ state: 'in_effect', createdBy: null }]);
    }
    expect((await resultOf('bAdmin', B)).json()).toMatchObject({ total: 90 });
    expect((await resultOf('bAdmin')).statusCode).toBe(403);
    expect((await as.aAdmin?.get(`/api/results/${YEAR}/runs`))?.statusCode).toBe(403); // run lists stay NACC's
  });

  it('e-mails each agency admin and executive once, with two notifiers racing, and signs a checkpoint', async () => {
    const [one, two] = await Promise.all([notifyDuePublications(t.deps), notifyDuePublications(t.deps)]);
    expect(one + two).toBe(1);
    expect(await notifyDuePublications(t.deps)).toBe(0);
    const sent = notices();
    expect(sent.map((m) => m.to).sort()).toEqual([
      'a-admin@example.org',
      'a-exec@example.org',
      'b-admin@example.org',
    ]);
    const toA = sent.find((m) => m.to === 'a-admin@example.org');
    expect(toA?.text).toContain(`/agencies/${A}/results/${YEAR}`);
    expect(sent.find((m) => m.to === 'b-admin@example.org')?.text).toContain(
      `/agencies/${B}/results/${YEAR}`,
    );
    const [row] = await db.select().from(publications);
    expect(row?.notifiedAt).not.toBeNull();
    const checkpoints = await db
      .select()
      .from(auditCheckpoints)
      .where(eq(auditCheckpoints.reason, 'publication'));
    expect(checkpoints).toHaveLength(1);
    const actions = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityType, 'publication'))
      .orderBy(auditLog.seq);
    expect(actions.map((a) => a.action)).toEqual(['publish', 'notify']);
    // The checkpoint covers the notice's entry.
    const [last] = await db
      .select({ seq: auditLog.seq })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'publication'), eq(auditLog.action, 'notify')));
    expect(checkpoints[0]?.seq).toBeGreaterThanOrEqual(Number(last?.seq));
  });

  it('cancels a waiting correction only before its time; a reason is required to supersede', async () => {
    expect((await publish({ runId: runs.first })).json().error.code).toBe('already_published');
    expect((await publish({ runId: runs.second })).json().error.code).toBe('reason_required');
    const at = new Date(t.deps.now().getTime() + HOUR).toISOString();
    const waiting = await publish({ runId: runs.second, publishAt: at, reason: 'แก้คะแนน OIT' });
    expect(waiting.statusCode).toBe(201);
    expect((await publish({ runId: runs.second, reason: 'again' })).json().error.code).toBe(
      'publication_pending',
    );
    const id = waiting.json().id;
    expect((await as.aAdmin?.delete(`/api/results/${YEAR}/publications/${id}`))?.statusCode).toBe(403);
    const cancelled = await admin().delete(`/api/results/${YEAR}/publications/${id}`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().state).toBe('cancelled');
    expect((await admin().delete(`/api/results/${YEAR}/publications/${id}`)).json().error.code).toBe(
      'publication_cancelled',
    );
    t.clock.advance(2 * HOUR); // past the cancelled one's time: still the first run, never notified
    expect((await resultOf('aExec')).json()).toMatchObject({ runId: runs.first });
    expect(await notifyDuePublications(t.deps)).toBe(0);
    // The one in effect cannot be cancelled.
    const inEffect = (await history('admin'))
      .json()
      .items.find((p: { state: string }) => p.state === 'in_effect');
    expect((await admin().delete(`/api/results/${YEAR}/publications/${inEffect.id}`)).json().error.code).toBe(
      'publication_in_effect',
    );
  });

  it('supersedes a published run with a corrected one: history kept, reason shown, one notice', async () => {
    const before = notices().length;
    const res = await publish({ runId: runs.second, reason: 'ทบทวนผล OIT ข้อ O12 / OIT item O12 reviewed' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ state: 'in_effect', reason: expect.stringContaining('O12') });
    expect((await resultOf('aExec')).json()).toMatchObject({
      runId: runs.second,
      total: 86.25,
      ratingCode: 'A',
      publication: { reason: expect.stringContaining('O12') },
    });
    const items = (await history('supervisor')).json().items;
    expect(items.map((p: { state: string; runId: string }) => [p.state, p.runId])).toEqual([
      ['in_effect', runs.second],
      ['superseded', runs.first],
    ]);
    expect(await notifyDuePublications(t.deps)).toBe(1);
    const sent = notices().slice(before);
    expect(sent).toHaveLength(3);
    expect(sent.every((m) => m.subject.includes('Corrected') && m.text.includes('O12'))).toBe(true);
    const actions = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityType, 'publication'))
      .orderBy(auditLog.seq);
    expect(actions.map((a) => a.action)).toEqual([
      'publish',
      'notify',
      'supersede',
      'cancel',
      'supersede',
      'notify',
    ]);
  });

  it('the background notifier sends once a publication takes effect, without waiting for its interval', async () => {
    const third = await insertRun('run', 'done');
    await insertResult(third, A, 87);
    // An hour-long interval: its first look at start, or the wake after the POST, must find it.
    const log = { error: () => {}, warn: () => {}, info: () => {} };
    const notifier = startPublicationNotifier(t.deps, log, HOUR);
    try {
      const before = notices().length;
      expect((await publish({ runId: third, reason: 'ผลรอบที่สาม / third run' })).statusCode).toBe(201);
      await vi.waitFor(() => expect(notices().length).toBe(before + 2), { timeout: 5000 });
      expect(
        notices()
          .slice(before)
          .map((m) => m.to)
          .sort(),
      ).toEqual(['a-admin@example.org', 'a-exec@example.org']);
    } finally {
      await notifier.stop();
    }
  });

  it('refuses to change or delete a publication in the database', async () => {
    const [first] = await db.select().from(publications).where(eq(publications.runId, runs.first));
    const id = first?.id as string;
    const refused = [
      sql`update publications set reason = 'rewritten' where id = ${id}`,
      sql`update publications set publish_at = now() + interval '1 day' where id = ${id}`,
      sql`update publications set run_id = ${runs.second} where id = ${id}`,
      sql`update publications set notified_at = now() where id = ${id}`, // already notified
      sql`update publications set cancelled_at = now(), cancelled_by = created_by where id = ${id}`,
      sql`delete from publications where id = ${id}`,
      sql`truncate publications`,
    ];
    for (const statement of refused) await expect(db.execute(statement)).rejects.toThrow();
    expect(await db.select().from(publications)).toHaveLength(4);
  });
});
