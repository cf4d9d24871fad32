import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import type { MailMessage } from '../../app/context.ts';
import { appDeps } from '../../app/deps.ts';
import { loadConfig } from '../../config.ts';
import { signCheckpoint, signingKey } from '../../core/audit/index.ts';
import type { Database } from '../../db/client.ts';
import { verifyChain } from './audit.service.ts';
import { appendMany, rewriteEntry, tamper, tamperCheckpoints } from './audit.testing.ts';
import { startDailyCheckpoints } from './checkpoint.daily.ts';
import { auditKeys } from './checkpoint.keys.ts';
import { describeAuditTrail } from './checkpoint.present.ts';
import {
  checkpointAudit,
  checkpointCovering,
  ensureDailyCheckpoint,
  takeCheckpoint,
} from './checkpoint.service.ts';
import { verifyAuditTrail, verifySinceLatestCheckpoint } from './checkpoint.verify.ts';

describe('signed checkpoints of the audit log', () => {
  let database: Database;
  const outbox: MailMessage[] = [];
  let now = new Date('2026-12-05T03:00:00.000Z');
  const config = loadConfig({ NODE_ENV: 'test' });
  const deps = () =>
    appDeps({
      db: database.db,
      config,
      mailer: { send: async (m: MailMessage) => void outbox.push(m) },
      now: () => now,
    });
  const keys = () => auditKeys(config).trusted;
  const verify = (files: { name: string; text: string }[] = [], database_ = true) =>
    verifyAuditTrail(database.db, { keys: keys(), files, database: database_, batchSize: 7 });
  const checkpoint = async (reason = 'test.event') => {
    const outcome = await takeCheckpoint(deps(), reason);
    if (!outcome.taken) throw new Error(`no checkpoint: ${outcome.why}`);
    return outcome.checkpoint;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await makeUser(database.db, { role: 'admin', email: 'nacc-1@example.go.th' });
    await makeUser(database.db, { role: 'admin', email: 'nacc-2@example.go.th' });
    await makeUser(database.db, { role: 'admin', email: 'gone@example.go.th', active: false });
    await makeUser(database.db, { role: 'assessor', email: 'assessor@example.go.th' });
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    outbox.length = 0;
    now = new Date('2026-12-05T03:00:00.000Z');
    await tamper(database.db, sql`delete from audit_log`);
    await tamperCheckpoints(database.db, sql`delete from audit_checkpoints`);
  });

  it('signs the head, stores it and e-mails the signed line to every active NACC admin', async () => {
    await appendMany(database.db, 5);
    const c = await checkpoint('framework.import');
    expect(c).toMatchObject({ seq: 5, reason: 'framework.import', takenAt: now.toISOString() });
    expect(outbox.map((m) => m.to).sort()).toEqual(['nacc-1@example.go.th', 'nacc-2@example.go.th']);
    const mail = outbox[0];
    expect(mail?.subject).toContain('#5');
    expect(mail?.text).toContain(c.signed);
    expect(mail?.text).toContain(auditKeys(config).signing.fingerprint);
    expect(await verify()).toMatchObject({ status: 'intact', checkpoints: { valid: 1, invalid: 0 } });
  });

  it('finds an intact log with its checkpoints intact', async () => {
    await checkpoint();
    await appendMany(database.db, 10);
    await checkpoint();
    await appendMany(database.db, 3);
    const v = await verify();
    expect(v).toMatchObject({ status: 'intact', findings: [], warnings: [], checkpoints: { valid: 2 } });
    expect(describeAuditTrail(v)[0]?.en).toMatch(
      /^Audit log intact: 13 entries \(up to #13\), matching 2 signed/,
    );
  });

  it('detects the last entries deleted with the triggers off, which the chain alone misses', async () => {
    await appendMany(database.db, 20);
    await checkpoint();
    await tamper(database.db, sql`delete from audit_log where seq > 12`);
    expect(await verifyChain(database.db)).toMatchObject({ ok: true, headSeq: 12 });
    const v = await verify();
    expect(v.status).toBe('entries_missing');
    expect(v.findings).toEqual([
      expect.objectContaining({ kind: 'entries_missing', fromSeq: 13, toSeq: 20, chainEndsAt: 12 }),
    ]);
    expect(describeAuditTrail(v)[0]?.en).toBe(
      'Entries #13–#20 deleted (the checkpoint of 2026-12-05 10:00 (test.event) covers up to #20, the chain ends at #12)',
    );
  });

  it('detects an entry rewritten with every later hash recomputed, which the chain alone misses', async () => {
    await appendMany(database.db, 8);
    await checkpoint();
    await appendMany(database.db, 8);
    await checkpoint();
    await rewriteEntry(database.db, 11, { revision: 999 });
    expect(await verifyChain(database.db)).toMatchObject({ ok: true, headSeq: 16 });
    const v = await verify();
    expect(v.status).toBe('rewritten');
    expect(v.findings).toEqual([expect.objectContaining({ kind: 'rewritten', fromSeq: 9, toSeq: 16 })]);
    expect(describeAuditTrail(v)[0]?.en).toMatch(
      /^An entry in #9–#16 was rewritten: the chain at #16 no longer/,
    );
  });

  it('reports a forged checkpoint (another key) and a checkpoint edited after signing', async () => {
    await appendMany(database.db, 4);
    const genuine = await checkpoint();
    const mallory = signingKey(generateKeyPairSync('ed25519').privateKey);
    const forged = signCheckpoint(mallory, {
      seq: 4,
      headHash: genuine.headHash,
      takenAt: now,
      reason: 'daily',
    });
    const edited = genuine.signed.replace('"reason":"test.event"', '"reason":"test.other"');
    const v = await verify([{ name: 'kept.txt', text: `${forged}\n${edited}\n` }]);
    expect(v.status).toBe('checkpoint_invalid');
    expect(v.findings).toEqual([
      expect.objectContaining({
        problem: 'unknown_key',
        source: { kind: 'file', file: 'kept.txt', line: 1 },
      }),
      expect.objectContaining({
        problem: 'bad_signature',
        source: { kind: 'file', file: 'kept.txt', line: 2 },
      }),
    ]);
    // A forged row in the table is caught the same way.
    await tamperCheckpoints(
      database.db,
      sql`insert into audit_checkpoints (seq, head_hash, taken_at, reason, key_id, signed)
          values (4, ${genuine.headHash}, now(), 'admin', ${mallory.keyId}, ${forged})`,
    );
    expect((await verify()).findings).toEqual([
      expect.objectContaining({ problem: 'unknown_key', source: { kind: 'database' } }),
    ]);
  });

  it('still detects the deletion from the e-mailed line when the attacker also removed the table rows', async () => {
    await appendMany(database.db, 6);
    await checkpoint();
    const mail = outbox[0]?.text ?? '';
    await tamper(database.db, sql`delete from audit_log where seq > 3`);
    await tamperCheckpoints(database.db, sql`delete from audit_checkpoints`);
    expect((await verify()).status).toBe('intact'); // nothing left inside the database to catch it
    const v = await verify([{ name: 'mail.eml', text: mail }]);
    expect(v.status).toBe('entries_missing');
    expect(v.warnings).toEqual([expect.objectContaining({ kind: 'not_in_database' })]);
  });

  it('refuses to sign a tampered log and alerts the admins instead', async () => {
    await appendMany(database.db, 6);
    await checkpoint();
    outbox.length = 0;
    await tamper(database.db, sql`delete from audit_log where seq > 3`);
    const outcome = await takeCheckpoint(deps(), 'admin');
    expect(outcome).toMatchObject({ taken: false, why: 'trail_not_intact' });
    expect(outbox).toHaveLength(2);
    expect(outbox[0]?.subject).toContain('Audit log failed verification');
    expect(outbox[0]?.text).toContain('Entries #4–#6 deleted');
    expect(await checkpointAudit(deps(), 'oit.confirm')).toMatchObject({ taken: false });
  });

  it('checks the entries since the last checkpoint before signing one after an event', async () => {
    await appendMany(database.db, 6);
    await checkpoint();
    await appendMany(database.db, 4);
    expect(await verifySinceLatestCheckpoint(database.db, { keys: keys() })).toMatchObject({
      status: 'intact',
    });
    await tamper(database.db, sql`update audit_log set action = 'delete' where seq = 8`);
    expect(await verifySinceLatestCheckpoint(database.db, { keys: keys() })).toMatchObject({
      status: 'chain_broken',
      chain: { firstBrokenSeq: 8 },
    });
    await tamper(database.db, sql`update audit_log set action = 'update' where seq = 8`);
    await rewriteEntry(database.db, 3, { revision: 1 });
    const quick = await verifySinceLatestCheckpoint(database.db, { keys: keys() });
    expect(quick.findings).toEqual([expect.objectContaining({ kind: 'rewritten', fromSeq: 1, toSeq: 6 })]);
    expect(await takeCheckpoint(deps(), 'oit.confirm')).toMatchObject({
      taken: false,
      why: 'trail_not_intact',
    });
  });

  it('never fails the event it follows: a checkpoint that cannot be taken is logged, not thrown', async () => {
    await appendMany(database.db, 2);
    const errors: unknown[] = [];
    const log = { info: () => {}, warn: () => {}, error: (o: unknown) => void errors.push(o) };
    const noKey = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) });
    expect(await checkpointAudit({ ...deps(), config: noKey }, 'oit.confirm', log)).toBeNull();
    expect(errors).toHaveLength(1);
    expect(await checkpointCovering(deps(), 1)).toBeNull();
    const taken = await checkpointAudit(deps(), 'oit.confirm', log);
    expect(taken).toMatchObject({ taken: true, checkpoint: { seq: 2 } });
    expect(await checkpointCovering(deps(), 2)).toMatchObject({ seq: 2, reason: 'oit.confirm' });
  });

  it('takes one daily checkpoint per Bangkok day however many instances try, and the next day another', async () => {
    await appendMany(database.db, 2);
    const outcomes = await Promise.all([1, 2, 3].map(() => ensureDailyCheckpoint(deps(), true)));
    expect(outcomes.filter((o) => o.taken)).toHaveLength(1);
    expect(outbox).toHaveLength(2);
    expect(await ensureDailyCheckpoint(deps(), true)).toEqual({ taken: false, why: 'already_taken' });
    now = new Date('2026-12-05T17:00:00.000Z'); // 00:00 on 6 December in Bangkok
    expect(await ensureDailyCheckpoint(deps(), true)).toMatchObject({
      taken: true,
      checkpoint: { reason: 'daily' },
    });
    const days = await database.db.execute<{ day: string }>(
      sql`select day::text from audit_checkpoints order by day`,
    );
    expect(days.rows.map((r) => r.day)).toEqual(['2026-12-05', '2026-12-06']);
  });

  it('takes the day’s checkpoint when an instance starts, and makes up a day missed while it was down', async () => {
    await appendMany(database.db, 3);
    const log = { info: () => {}, error: () => {} };
    const run = async () => {
      const scheduler = startDailyCheckpoints({ ...deps(), now: () => now }, log, 60_000);
      await scheduler.stop(); // lets the start-up check finish
    };
    await run();
    await run(); // restarted the same day: nothing new
    now = new Date('2026-12-08T01:00:00.000Z'); // down for two days
    await run();
    const days = await database.db.execute<{ day: string }>(
      sql`select day::text from audit_checkpoints order by day`,
    );
    expect(days.rows.map((r) => r.day)).toEqual(['2026-12-05', '2026-12-08']);
  });
});
