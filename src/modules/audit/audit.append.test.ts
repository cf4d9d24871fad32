import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDriver, violatedConstraint } from '../../../test/helpers/db.ts';
import { makeAgency, makeUser } from '../../../test/helpers/factories.ts';
import { GENESIS_HASH, REDACTED } from '../../core/audit/index.ts';
import type { Database } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';
import { appendAudit, verifyChain } from './audit.service.ts';
import { actorOf, tamper } from './audit.testing.ts';

const at = new Date('2025-03-01T03:00:00.123Z');
const event = {
  actor: null,
  entityType: 'oit_answer' as const,
  entityId: 'O1',
  action: 'update',
  before: { status: 'draft' },
  after: { status: 'submitted' },
};

describe('appendAudit', () => {
  let database: Database;
  const rows = () => database.db.select().from(auditLog).orderBy(auditLog.seq);
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());
  beforeEach(() => tamper(database.db, sql`delete from audit_log`));

  it('starts the chain at seq 1 from the genesis hash and links each entry to the one before', async () => {
    const first = await appendAudit(database.db, event, at);
    const second = await appendAudit(database.db, { ...event, action: 'submit' }, at);
    const [a, b] = await rows();
    expect(a).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, hash: first.hash });
    expect(b).toMatchObject({ seq: 2, prevHash: first.hash, hash: second.hash });
    expect(await verifyChain(database.db)).toMatchObject({ ok: true, entries: 2, headHash: second.hash });
  });

  it('records who acted, in what role, for which agency, and when (to the millisecond)', async () => {
    const agency = await makeAgency(database.db);
    const user = await makeUser(database.db, { role: 'agency_admin', agencyId: agency.id });
    await appendAudit(database.db, { ...event, actor: actorOf(user), agencyId: agency.id }, at);
    expect((await rows())[0]).toMatchObject({
      actorUserId: user.id,
      actorUsername: user.username,
      actorRole: 'agency_admin',
      agencyId: agency.id,
      occurredAt: at,
    });
  });

  it('keeps the history readable after the acting account is deleted', async () => {
    const user = await makeUser(database.db, { role: 'assessor' });
    await appendAudit(database.db, { ...event, actor: actorOf(user) }, at);
    await database.db.execute(sql`delete from users where id = ${user.id}`);
    expect((await rows())[0]).toMatchObject({ actorUsername: user.username, actorRole: 'assessor' });
    expect(await verifyChain(database.db)).toMatchObject({ ok: true });
  });

  it('commits and rolls back with the caller’s transaction, leaving no hole in the sequence', async () => {
    await appendAudit(database.db, event, at);
    await expect(
      database.db.transaction(async (tx) => {
        await appendAudit(tx, { ...event, action: 'approve' }, at);
        throw new Error('the change itself failed');
      }),
    ).rejects.toThrow('the change itself failed');
    await database.db.transaction((tx) => appendAudit(tx, { ...event, action: 'reject' }, at));
    expect((await rows()).map((r) => [r.seq, r.action])).toEqual([
      [1, 'update'],
      [2, 'reject'],
    ]);
    expect(await verifyChain(database.db)).toMatchObject({ ok: true, entries: 2 });
  });

  it('never stores password hashes or tokens', async () => {
    await appendAudit(
      database.db,
      {
        ...event,
        entityType: 'user',
        before: { username: 'somchai', passwordHash: '$argon2id$v=19$old' },
        after: { username: 'somchai', passwordHash: '$argon2id$v=19$new', resetTokenHash: 'abc' },
      },
      at,
    );
    const [row] = await rows();
    expect(row?.before).toEqual({ username: 'somchai', passwordHash: REDACTED });
    expect(row?.after).toEqual({ username: 'somchai', passwordHash: REDACTED, resetTokenHash: REDACTED });
    expect(JSON.stringify(row)).not.toContain('argon2');
  });

  it('hashes exactly what jsonb gives back: Thai text, nesting, numbers, dates, NUL', async () => {
    await appendAudit(
      database.db,
      {
        ...event,
        before: null,
        after: {
          ชื่อ: 'สำนักงานเทศบาลตำบล ๑',
          z: [3, 1, { b: 0.1, a: 1e21, c: -0 }],
          deadline: new Date('2025-06-30T16:59:59.999Z'),
          note: 'a\u0000b',
          gone: undefined,
        },
      },
      at,
    );
    const [row] = await rows();
    expect(row?.before).toBeNull();
    expect(row?.after).toEqual({
      ชื่อ: 'สำนักงานเทศบาลตำบล ๑',
      z: [3, 1, { b: 0.1, a: 1e21, c: 0 }],
      deadline: '2025-06-30T16:59:59.999Z',
      note: 'a\ufffdb',
    });
    expect(await verifyChain(database.db)).toMatchObject({ ok: true, entries: 1 });
  });

  it('keeps a valid chain under 20 concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        database.db.transaction(async (tx) => {
          await tx.execute(sql`select 1`); // the caller's own change would come first
          return appendAudit(tx, { ...event, entityId: `O${i + 1}` }, at);
        }),
      ),
    );
    expect((await rows()).map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await verifyChain(database.db)).toMatchObject({ ok: true, entries: 20 });
  });

  it('keeps a valid chain when concurrent appends are given the database, not a transaction', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => appendAudit(database.db, { ...event, entityId: `O${i}` }, at)),
    );
    expect(await verifyChain(database.db)).toMatchObject({ ok: true, entries: 20 });
  });

  it(`runs on ${testDriver} with the database refusing to update, delete or truncate entries`, async () => {
    await appendAudit(database.db, event, at);
    for (const statement of [
      sql`update audit_log set action = 'x'`,
      sql`delete from audit_log`,
      sql`truncate audit_log`,
    ])
      expect(await violatedConstraint(database.db.execute(statement))).toContain('append-only');
    expect(await rows()).toHaveLength(1);
  });

  it('refuses a malformed event and records nothing', async () => {
    await expect(appendAudit(database.db, { ...event, entityType: '' as never }, at)).rejects.toThrow(
      /malformed/,
    );
    await expect(appendAudit(database.db, { ...event, action: 'Update Now' }, at)).rejects.toThrow(
      /malformed/,
    );
    await expect(appendAudit(database.db, { ...event, agencyId: 'not-a-uuid' }, at)).rejects.toThrow(
      /malformed/,
    );
    await expect(appendAudit(database.db, event, new Date(Number.NaN))).rejects.toThrow(/invalid time/);
    expect(await rows()).toHaveLength(0);
  });
});
