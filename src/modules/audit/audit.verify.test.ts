import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { chainEntry, GENESIS_HASH } from '../../core/audit/index.ts';
import type { Database } from '../../db/client.ts';
import { verifyChain } from './audit.service.ts';
import { appendMany, tamper } from './audit.testing.ts';

describe('verifyChain', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    await tamper(database.db, sql`delete from audit_log`);
    await appendMany(database.db, 10);
  });

  it('finds an untouched log intact, however it is batched', async () => {
    for (const batch of [1, 3, 10, 1000])
      expect(await verifyChain(database.db, batch)).toMatchObject({ ok: true, entries: 10, headSeq: 10 });
  });

  it('finds an empty log intact', async () => {
    await tamper(database.db, sql`delete from audit_log`);
    expect(await verifyChain(database.db)).toEqual({
      ok: true,
      entries: 0,
      headSeq: null,
      headHash: GENESIS_HASH,
    });
  });

  it('reports an entry whose "after" was changed in the database as the first broken one', async () => {
    await tamper(database.db, sql`update audit_log set after = '{"revision": 99}' where seq = 7`);
    expect(await verifyChain(database.db, 3)).toEqual({
      ok: false,
      entries: 6,
      firstBrokenSeq: 7,
      reason: 'hash_mismatch',
    });
  });

  it('reports a changed time or actor', async () => {
    await tamper(
      database.db,
      sql`update audit_log set occurred_at = occurred_at + interval '1 millisecond' where seq = 2`,
      sql`update audit_log set actor_username = 'someone', actor_role = 'admin' where seq = 4`,
    );
    expect(await verifyChain(database.db)).toMatchObject({ ok: false, firstBrokenSeq: 2 });
  });

  it('reports a deleted middle entry at the entry after it', async () => {
    await tamper(database.db, sql`delete from audit_log where seq = 5`);
    expect(await verifyChain(database.db, 4)).toMatchObject({ ok: false, firstBrokenSeq: 6, reason: 'gap' });
  });

  it('reports a deleted entry even when the later ones are renumbered', async () => {
    await tamper(
      database.db,
      sql`delete from audit_log where seq = 5`,
      // In two steps, so that no row ever takes a number still in use.
      sql`update audit_log set seq = seq + 1000 where seq > 5`,
      sql`update audit_log set seq = seq - 1001 where seq > 1000`,
    );
    expect(await verifyChain(database.db)).toMatchObject({
      ok: false,
      firstBrokenSeq: 5,
      reason: 'prev_hash_mismatch',
    });
  });

  it('reports a forged entry whose hash was recomputed at the next link', async () => {
    const [row] = (
      await database.db.execute<{ prev_hash: string; occurred_at: string }>(
        sql`select prev_hash, occurred_at from audit_log where seq = 3`,
      )
    ).rows;
    const forged = chainEntry(
      { seq: 2, hash: row?.prev_hash ?? '' },
      {
        occurredAt: new Date(row?.occurred_at ?? 0).toISOString(),
        actorUserId: null,
        actorUsername: null,
        actorRole: null,
        agencyId: null,
        entityType: 'oit_answer',
        entityId: 'O1',
        action: 'update',
        before: { revision: 2 },
        after: { revision: 42 },
      },
    );
    await tamper(
      database.db,
      sql`update audit_log set after = ${JSON.stringify(forged.after)}::jsonb, hash = ${forged.hash} where seq = 3`,
    );
    expect(await verifyChain(database.db)).toMatchObject({
      ok: false,
      entries: 3,
      firstBrokenSeq: 4,
      reason: 'prev_hash_mismatch',
    });
  });
});
