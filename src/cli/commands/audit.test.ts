import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { appDeps } from '../../app/deps.ts';
import { loadConfig } from '../../config.ts';
import { publicKeyPem, signCheckpoint, signingKey } from '../../core/audit/index.ts';
import type { Database } from '../../db/client.ts';
import { appendMany, rewriteEntry, tamper, tamperCheckpoints } from '../../modules/audit/audit.testing.ts';
import { auditKeys, takeCheckpoint } from '../../modules/audit/index.ts';
import { CliError } from '../io.ts';
import { AUDIT_BROKEN_EXIT_CODE, AUDIT_EXIT_CODES, auditVerifySummary } from './audit-verify.ts';

describe('prongsai audit verify', () => {
  let database: Database;
  const dir = mkdtempSync(path.join(tmpdir(), 'prongsai-audit-'));
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const deps = () =>
    appDeps({
      db: database.db,
      config: loadConfig({ NODE_ENV: 'test' }),
      mailer: { send: async () => {} },
      now: () => new Date('2026-12-05T03:00:00.000Z'),
    });
  const checkpoint = async () => {
    const outcome = await takeCheckpoint(deps(), 'admin');
    if (!outcome.taken) throw new Error('no checkpoint');
    return outcome.checkpoint;
  };
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected a failure');
      },
      (e: unknown) => {
        expect(e).toBeInstanceOf(CliError);
        return e as CliError;
      },
    );

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await tamper(database.db, sql`delete from audit_log`);
    await tamperCheckpoints(database.db, sql`delete from audit_checkpoints`);
  });

  it('summarizes an intact log in Thai and English', async () => {
    await appendMany(database.db, 3);
    const text = await auditVerifySummary(database.db);
    expect(text.split('\n')).toEqual([
      'บันทึกการเปลี่ยนแปลงครบถ้วน 3 รายการ',
      'Audit log intact: 3 entries',
      'ยังไม่มีจุดตรวจสอบที่ลงนาม: ยังไม่มีสิ่งใดนอกฐานข้อมูลยืนยันบันทึกนี้',
      'No signed checkpoint: nothing outside the database vouches for this log yet',
    ]);
  });

  it('fails with exit code 1 and names the first broken entry', async () => {
    await appendMany(database.db, 3);
    await tamper(database.db, sql`update audit_log set after = '{"revision": 7}' where seq = 2`);
    const error = await failure(auditVerifySummary(database.db));
    expect(error.exitCode).toBe(AUDIT_BROKEN_EXIT_CODE);
    expect(error.message.split('\n').slice(0, 2)).toEqual([
      'บันทึกการเปลี่ยนแปลงเสียหายที่รายการ #2: เนื้อหาถูกแก้ไข ค่าแฮชไม่ตรงกับเนื้อหา (ก่อนหน้านั้นครบถ้วน 1 รายการ)',
      'Audit log broken at entry #2 (hash_mismatch): its content was changed: the hash does not match (entries intact before it: 1)',
    ]);
  });

  it('gives each verdict its own exit code', async () => {
    expect(new Set(Object.values(AUDIT_EXIT_CODES)).size).toBe(Object.keys(AUDIT_EXIT_CODES).length);
    expect(Object.values(AUDIT_EXIT_CODES)).not.toContain(2); // bad input
  });

  it('exits 3 naming the deleted entries, from a file the admin kept when the table rows are gone too', async () => {
    await appendMany(database.db, 9);
    const kept = file('kept.txt', `Subject: checkpoint\n\n${(await checkpoint()).signed}\n`);
    await tamper(database.db, sql`delete from audit_log where seq > 5`);
    await tamperCheckpoints(database.db, sql`delete from audit_checkpoints`);
    await expect(auditVerifySummary(database.db)).resolves.toContain('Audit log intact');
    const error = await failure(auditVerifySummary(database.db, { checkpoints: [kept] }));
    expect(error.exitCode).toBe(AUDIT_EXIT_CODES.entries_missing);
    expect(error.message).toContain(
      'Entries #6–#9 deleted (the checkpoint of 2026-12-05 10:00 (admin) covers up to #9, the chain ends at #5)',
    );
    expect(error.message).toContain(`${kept}, line 3 is no longer in the checkpoints table`);
  });

  it('exits 4 when an entry was rewritten and every later hash recomputed', async () => {
    await appendMany(database.db, 5);
    await checkpoint();
    await rewriteEntry(database.db, 2, { revision: 42 });
    const error = await failure(auditVerifySummary(database.db));
    expect(error.exitCode).toBe(AUDIT_EXIT_CODES.rewritten);
    expect(error.message).toContain('An entry in #1–#5 was rewritten: the chain at #5 no longer matches');
  });

  it('exits 5 for a checkpoint signed by another key, and verifies with only the public keys given', async () => {
    await appendMany(database.db, 2);
    const genuine = await checkpoint();
    const mallory = signingKey(generateKeyPairSync('ed25519').privateKey);
    const forged = file(
      'forged.txt',
      signCheckpoint(mallory, { seq: 2, headHash: genuine.headHash, takenAt: new Date(), reason: 'daily' }),
    );
    const error = await failure(auditVerifySummary(database.db, { checkpoints: [forged] }));
    expect(error.exitCode).toBe(AUDIT_EXIT_CODES.checkpoint_invalid);
    expect(error.message).toContain(`signed by an unknown key (${mallory.keyId})`);

    const ours = file('ours.pem', publicKeyPem(auditKeys(deps().config).signing));
    await expect(auditVerifySummary(database.db, { publicKeys: [ours] })).resolves.toContain(
      'matching 1 signed',
    );
    const theirs = file('theirs.pem', publicKeyPem(mallory));
    expect((await failure(auditVerifySummary(database.db, { publicKeys: [theirs] }))).exitCode).toBe(5);
    expect(
      (await failure(auditVerifySummary(database.db, { checkpoints: [path.join(dir, 'none')] }))).exitCode,
    ).toBe(2);
  });
});
