import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../../test/helpers/app.ts';
import { makeAgency, makeUser } from '../../../test/helpers/factories.ts';
import {
  auditLog,
  participations,
  stakeholderData,
  surveyTokens,
  usedSurveyTokens,
} from '../../db/schema/index.ts';
import { answersFor, DURING, respondWorld, YEAR } from '../respond/respond.fixture.testing.ts';
import { loadActor } from '../users/actor.ts';
import { UNAMBIGUOUS_ALPHABET } from './iit-access.codes.ts';
import { generateTokens } from './iit-access.service.ts';

describe('IIT access (agency admin)', () => {
  let t: TestApp;
  let admin: Client;
  let agencyId: string;
  let adminUserId: string;
  let adminUsername: string;
  const url = (rest = '') => `/api/agencies/${agencyId}/iit-access/${YEAR}${rest}`;

  beforeAll(async () => {
    t = await respondWorld();
    t.clock.set(DURING);
    const agency = await makeAgency(t.deps.db, { nameTh: 'องค์การบริหารส่วนตำบลบ้านทดสอบ' });
    agencyId = agency.id;
    await t.deps.db
      .insert(participations)
      .values({ agencyId, year: YEAR, registered: true, registeredAt: DURING });
    await t.deps.db
      .insert(stakeholderData)
      .values({ agencyId, year: YEAR, iitPopulation: 40, approvedRevision: 1, approvedIitPopulation: 40 });
    const user = await makeUser(t.deps.db, { role: 'agency_admin', agencyId });
    adminUserId = user.id;
    adminUsername = user.username;
    admin = await t.signIn(user.username);
  });
  afterAll(() => t.close());

  it('creates an unambiguous 8-character code on first read, then keeps it', async () => {
    const first = await admin.get(url());
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json();
    expect(body.accessCode).toMatch(new RegExp(`^[${UNAMBIGUOUS_ALPHABET}]{8}$`));
    expect(body.link).toBe(`${t.deps.config.publicUrl}/respond/iit/${agencyId}`);
    expect(body.tokensRequired).toBe(false);
    expect((await admin.get(url())).json().accessCode).toBe(body.accessCode);
  });

  it('rotates the code: the old one stops working, the audit log has no code', async () => {
    const old = (await admin.get(url())).json().accessCode;
    const rotated = await admin.post(url('/rotate'));
    expect(rotated.statusCode).toBe(200);
    const fresh = rotated.json().accessCode;
    expect(fresh).not.toBe(old);
    const access = (code: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/respond/${agencyId}/IIT/access`,
        payload: { accessCode: code },
      });
    expect((await access(old)).statusCode).toBe(403);
    expect((await access(fresh)).statusCode).toBe(200);
    const entries = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'rotate_code'));
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toContain(old);
    expect(JSON.stringify(entries)).not.toContain(fresh);
  });

  it('serves the poster as PDF and PNG and the QR as PNG and SVG', async () => {
    const pdf = await admin.get(url('/poster.pdf'));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(10_000);
    const png = await admin.get(url('/poster.png'));
    if (png.statusCode === 409) {
      // Servers without poppler-utils say so plainly instead of failing.
      expect(png.json().error.code).toBe('png_unavailable');
    } else {
      expect(png.statusCode).toBe(200);
      expect(png.rawPayload.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(png.rawPayload.length).toBeGreaterThan(20_000);
    }
    const qr = await admin.get(url('/qr.png'));
    expect(qr.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    const svg = await admin.get(url('/qr.svg'));
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toContain('<svg');
  });

  it('issues token slips, stores only keyed hashes, and lists batches without a used count', async () => {
    const res = await admin.post(url('/tokens'), { count: 12 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const batchId = res.headers['x-batch-id'] as string;
    const rows = await t.deps.db.select().from(surveyTokens).where(eq(surveyTokens.batchId, batchId));
    expect(rows).toHaveLength(12);
    for (const row of rows) expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const list = (await admin.get(url('/tokens'))).json();
    expect(list.usedCountAvailable).toBe(false);
    expect(list.items).toContainEqual(expect.objectContaining({ batchId, issued: 12 }));
    // When and by whom are the batch's own (survey_token_batches), not read back from the audit log.
    expect(list.items.find((b: { batchId: string }) => b.batchId === batchId)).toMatchObject({
      createdBy: adminUsername,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, batchId));
    expect(audit[0]?.after).toEqual({ year: YEAR, count: 12 });
    expect((await admin.post(url('/tokens'), { count: 2001 })).statusCode).toBe(400);
  });

  it('with tokens required: each token answers once, a retry of the same submission is accepted', async () => {
    expect((await admin.put(url('/tokens-required'), { required: true })).json().tokensRequired).toBe(true);
    const code = (await admin.get(url())).json().accessCode;
    const actor = await loadActor(t.deps.db, adminUserId);
    const { tokens } = await generateTokens(t.deps, actor, agencyId, YEAR, 2);
    const [token, spare] = tokens as [string, string];

    // Plaintext tokens are nowhere in the database.
    for (const table of [
      'survey_tokens',
      'used_survey_tokens',
      'audit_log',
      'survey_responses',
      'held_responses',
      'submission_receipts',
    ]) {
      const dump = JSON.stringify(await t.deps.db.execute(sql.raw(`select * from ${table}`)));
      expect(dump).not.toContain(token);
    }

    const respond = (path: string, payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/respond/${agencyId}/IIT/${path}`, payload });
    expect((await respond('access', { accessCode: code })).json().error.code).toBe('access_denied');
    const granted = await respond('access', { accessCode: code, token: token.toLowerCase() });
    expect(granted.statusCode, granted.body).toBe(200);
    const page = (await t.app.inject({ method: 'GET', url: `/api/respond/${agencyId}/IIT` })).json();
    expect(page.requiresToken).toBe(true);
    const submission = {
      grant: granted.json().grant,
      submissionId: crypto.randomUUID(),
      answers: answersFor(page),
      durationSeconds: 400,
    };
    expect((await respond('submit', submission)).json()).toEqual({ status: 'recorded' });
    expect((await respond('submit', submission)).json()).toEqual({ status: 'already_recorded' });
    const reused = await respond('submit', { ...submission, submissionId: crypto.randomUUID() });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('token_used');
    expect((await respond('access', { accessCode: code, token })).json().error.code).toBe('access_denied');
    expect((await respond('access', { accessCode: code, token: spare })).statusCode).toBe(200);

    const used = await t.deps.db.select().from(usedSurveyTokens);
    expect(used).toHaveLength(1);
    const issued = await t.deps.db
      .select()
      .from(surveyTokens)
      .where(and(eq(surveyTokens.agencyId, agencyId), eq(surveyTokens.tokenHash, used[0]?.tokenHash ?? '')));
    expect(issued).toHaveLength(1); // the used hash is the issued one, but nothing links it to the answer
  });
});
