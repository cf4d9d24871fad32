import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import type { Database } from '../../db/client.ts';
import { appendMany, tamper } from '../../modules/audit/audit.testing.ts';
import { CliError } from '../io.ts';
import { AUDIT_BROKEN_EXIT_CODE, auditVerifySummary } from './audit.ts';

describe('prongsai audit verify', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('summarizes an intact log in one line of Thai and English', async () => {
    await appendMany(database.db, 3);
    const line = await auditVerifySummary(database.db);
    expect(line).not.toContain('\n');
    expect(line).toMatch(
      /^บันทึกการเปลี่ยนแปลงครบถ้วน 3 รายการ \(#3 [0-9a-f]{64}\) \/ Audit log intact: 3 entries/,
    );
  });

  it('fails with exit code 1 and names the first broken entry', async () => {
    await tamper(database.db, sql`update audit_log set after = '{"revision": 7}' where seq = 2`);
    const error = await auditVerifySummary(database.db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(AUDIT_BROKEN_EXIT_CODE);
    expect((error as CliError).message).toBe(
      'บันทึกการเปลี่ยนแปลงเสียหายที่รายการ #2: เนื้อหาถูกแก้ไข ค่าแฮชไม่ตรงกับเนื้อหา ' +
        '(ก่อนหน้านั้นครบถ้วน 1 รายการ) / ' +
        'Audit log broken at entry #2 (hash_mismatch): its content was changed: the hash does not match ' +
        '(entries intact before it: 1)',
    );
  });
});
