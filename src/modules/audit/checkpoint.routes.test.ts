import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import { appendMany, tamper } from './audit.testing.ts';

describe('audit checkpoints API', () => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestApp();
    await makeUser(t.deps.db, { role: 'admin', username: 'cp-admin', email: 'cp-admin@example.go.th' });
    admin = await t.signIn('cp-admin');
    await appendMany(t.deps.db, 6);
  });
  afterAll(() => t.close());

  it('takes a checkpoint on demand, e-mails it and lists it with the public key that verifies it', async () => {
    t.outbox.length = 0;
    const res = await admin.post('/api/audit/checkpoints');
    expect(res.statusCode).toBe(201);
    const taken = res.json();
    expect(taken).toMatchObject({ reason: 'admin' });
    expect(taken.seq).toBeGreaterThanOrEqual(6);
    expect(t.outbox.map((m) => m.to)).toEqual(['cp-admin@example.go.th']);
    expect(t.outbox[0]?.text).toContain(taken.signed);

    const list = (await admin.get('/api/audit/checkpoints')).json();
    expect(list.items[0]).toEqual(taken);
    expect(list.keys[0]).toMatchObject({ keyId: taken.keyId });
    expect(list.keys[0].fingerprint.startsWith(taken.keyId)).toBe(true);
    expect(list.keys[0].publicKeyPem).toContain('BEGIN PUBLIC KEY');
    expect((await admin.get('/api/audit/checkpoints?limit=0')).statusCode).toBe(400);

    expect((await admin.get('/api/audit/verify')).json()).toMatchObject({
      ok: true,
      status: 'intact',
      checkpoints: { valid: 1, invalid: 0, latest: { seq: taken.seq } },
    });
  });

  it('reports deleted entries, and refuses to sign the tampered log (409, nothing stored)', async () => {
    const before = (await admin.get('/api/audit/checkpoints')).json().items.length;
    await tamper(t.deps.db, sql`delete from audit_log where seq > 4`);
    const v = (await admin.get('/api/audit/verify')).json();
    expect(v).toMatchObject({
      ok: false,
      status: 'entries_missing',
      findings: [{ fromSeq: 5, chainEndsAt: 4 }],
    });
    expect(v.messages[0].th).toMatch(/^รายการ #5–#\d+ ถูกลบ/);
    const res = await admin.post('/api/audit/checkpoints');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'audit_trail_not_intact' });
    expect((await admin.get('/api/audit/checkpoints')).json().items).toHaveLength(before);
  });
});
