// The hash key (README "Secrets"): its default keeps the hashes stored before HASH_SECRET existed, and a
// changed key is refused until accepted, so that stored hashes never stop matching silently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyedHash } from '../../src/app/secrets.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { eitRespondents, participations, surveyTokens } from '../../src/db/schema/index.ts';
import { verifyChain } from '../../src/modules/audit/index.ts';
import {
  acceptHashKey,
  checkHashKey,
  HashKeyChanged,
  hashKeyDependents,
  hashKeyState,
} from '../../src/ops/hash-key.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { makeAgency, makeTokenBatch } from '../helpers/factories.ts';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const at = new Date('2025-03-01T03:00:00Z');

describe('hash key', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('is SESSION_SECRET unless HASH_SECRET is set, so hashes stored before HASH_SECRET still match', () => {
    const old = keyedHash({ sessionSecret: A }, 'survey-token', 'ABC123');
    expect(keyedHash(loadConfig({ SESSION_SECRET: A }), 'survey-token', 'ABC123')).toBe(old);
    // Rotating only the session secret: HASH_SECRET keeps the old value, the hashes keep matching.
    expect(keyedHash(loadConfig({ SESSION_SECRET: B, HASH_SECRET: A }), 'survey-token', 'ABC123')).toBe(old);
    expect(keyedHash(loadConfig({ SESSION_SECRET: A, HASH_SECRET: B }), 'survey-token', 'ABC123')).not.toBe(
      old,
    );
  });

  it('is recorded on first start, refused when changed (nothing written), and changed only when accepted', async () => {
    const { db } = database;
    const keyA = loadConfig({ SESSION_SECRET: A });
    const keyB = loadConfig({ SESSION_SECRET: A, HASH_SECRET: B });
    expect(await hashKeyState(db, keyA)).toEqual({ state: 'new' });
    await checkHashKey(db, keyA, at);
    await checkHashKey(db, keyA, at);
    expect(await hashKeyState(db, keyA)).toEqual({ state: 'same' });

    await expect(checkHashKey(db, keyB, at)).rejects.toThrow(HashKeyChanged);
    await expect(checkHashKey(db, keyB, at)).rejects.toThrow(/prongsai secrets rotate hash --accept/);
    expect(await hashKeyState(db, keyA)).toEqual({ state: 'same' });

    await acceptHashKey(db, keyB, at);
    await checkHashKey(db, keyB, at);
    await expect(checkHashKey(db, keyA, at)).rejects.toThrow(HashKeyChanged);
    const chain = await verifyChain(db);
    expect(chain.ok).toBe(true);
  });

  it('names what would stop matching, with the stored rows it concerns', async () => {
    const { db } = database;
    const agency = await makeAgency(db);
    await db.insert(participations).values({ agencyId: agency.id, year: 2568 });
    const batchId = await makeTokenBatch(db, { agencyId: agency.id, year: 2568 });
    await db.insert(surveyTokens).values(
      ['T1', 'T2', 'T3'].map((t) => ({
        tokenHash: keyedHash({ sessionSecret: A }, 'survey-token', t),
        agencyId: agency.id,
        year: 2568,
        batchId,
      })),
    );
    await db
      .insert(eitRespondents)
      .values({ agencyId: agency.id, year: 2568, destinationHash: 'x'.repeat(64) });
    const dependents = await hashKeyDependents(db);
    expect(dependents.find((d) => d.en.startsWith('printed IIT token slips'))?.count).toBe(3);
    expect(dependents.find((d) => d.en.startsWith('EIT part-1 respondents'))?.count).toBe(1);
    for (const d of dependents) expect(d.th.length).toBeGreaterThan(0);
  });
});
