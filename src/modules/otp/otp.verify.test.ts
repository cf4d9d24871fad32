import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAgency } from '../../../test/helpers/factories.ts';
import { keyedHash } from '../../app/secrets.ts';
import { eitRespondents, otpChallenges } from '../../db/schema/index.ts';
import { readGrant } from '../respond/index.ts';
import { OTP_YEAR, type OtpFixture, openAgency, otpFixture } from './otp.fixture.testing.ts';

const MINUTE = 60_000;

describe('EIT part-1 verification by one-time code', () => {
  let f: OtpFixture;
  let n = 0;
  /** A fresh mobile number per test, so per-destination limits never carry over. */
  const phone = () => {
    n += 1;
    return `08${String(10_000_000 + n).slice(-8)}`;
  };
  const asE164 = (p: string) => `+66${p.slice(1)}`;
  const challengeCount = async () =>
    (await f.t.deps.db.select({ id: otpChallenges.id }).from(otpChallenges)).length;

  beforeAll(async () => {
    f = await otpFixture();
  });
  afterAll(() => f.t.close());

  it('sends a code that verifies into an EIT1 grant for the agency and year, then forgets the challenge', async () => {
    const p = phone();
    const sent = await f.request({ channel: 'sms', destination: p });
    expect(sent.statusCode).toBe(200);
    const body = sent.json();
    expect(body).toEqual({ challengeId: expect.any(String), expiresInSeconds: 300, resendAfterSeconds: 60 });
    const message = f.fake.messages.at(-1);
    expect(message).toMatchObject({ channel: 'sms', to: asE164(p) });
    expect(message?.text).toMatch(
      /^รหัส OTP สำหรับประเมิน ITA ของ สำนักงานทดสอบบริการประชาชน: \d{6} \(ใช้ได้ 5 นาที\)$/,
    );

    const ok = await f.verify(body.challengeId, f.fake.lastCode(asE164(p)));
    expect(ok.statusCode).toBe(200);
    const grant = readGrant(
      f.t.deps.config,
      ok.json().grant,
      { agencyId: f.agencyId, instrument: 'EIT1' },
      f.t.deps.now(),
    );
    expect(grant).toMatchObject({
      agencyId: f.agencyId,
      year: OTP_YEAR,
      instrument: 'EIT1',
      destinationHash: keyedHash(f.t.deps.config, 'otp-destination', asE164(p)),
    });
    const rows = await f.t.deps.db
      .select()
      .from(otpChallenges)
      .where(sql`${otpChallenges.id} = ${body.challengeId}`);
    expect(rows).toEqual([]);
    // The code was good for one verification only.
    expect((await f.verify(body.challengeId, f.fake.lastCode(asE164(p)))).statusCode).toBe(404);
  });

  it('accepts the code typed with Thai digits and spaces', async () => {
    const p = phone();
    const { challengeId } = (await f.request({ channel: 'sms', destination: p })).json();
    const thai = f.fake
      .lastCode(asE164(p))
      .replace(/[0-9]/g, (d) => String.fromCodePoint(0x0e50 + Number(d)))
      .replace(/^(...)/, '$1 ');
    expect((await f.verify(challengeId, thai)).statusCode).toBe(200);
  });

  it('verifies by e-mail too, with a Thai and English message', async () => {
    const sent = await f.request({ channel: 'email', destination: '  Somsri.T@Example.COM ' });
    expect(sent.statusCode).toBe(200);
    const message = f.fake.messages.at(-1);
    expect(message).toMatchObject({ channel: 'email', to: 'somsri.t@example.com' });
    expect(message?.text).toContain('Your ITA survey verification code');
    const ok = await f.verify(sent.json().challengeId, f.fake.lastCode('somsri.t@example.com'));
    expect(ok.statusCode).toBe(200);
  });

  it('counts wrong codes down and locks after five, even for the right code', async () => {
    const p = phone();
    const { challengeId } = (await f.request({ channel: 'sms', destination: p })).json();
    const right = f.fake.lastCode(asE164(p));
    const wrong = right === '000000' ? '111111' : '000000';
    const left: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await f.verify(challengeId, wrong);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('otp_wrong_code');
      left.push(res.json().error.details.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    const locked = await f.verify(challengeId, right);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toMatchObject({
      code: 'otp_too_many_attempts',
      th: expect.stringContaining('รหัส'),
    });
  });

  it('refuses a code after five minutes, and a resent code works again', async () => {
    const p = phone();
    const { challengeId } = (await f.request({ channel: 'sms', destination: p })).json();
    const code = f.fake.lastCode(asE164(p));
    f.t.clock.advance(5 * MINUTE);
    const late = await f.verify(challengeId, code);
    expect(late.statusCode).toBe(400);
    expect(late.json().error).toMatchObject({ code: 'otp_expired', en: expect.stringContaining('expired') });
    expect((await f.resend(challengeId)).statusCode).toBe(200);
    expect((await f.verify(challengeId, f.fake.lastCode(asE164(p)))).statusCode).toBe(200);
  });

  it('makes the respondent wait a minute between codes; the old code stops working', async () => {
    const p = phone();
    const { challengeId } = (await f.request({ channel: 'sms', destination: p })).json();
    const first = f.fake.lastCode(asE164(p));
    f.t.clock.advance(30_000);
    const early = await f.resend(challengeId);
    expect(early.statusCode).toBe(429);
    expect(early.json().error).toMatchObject({
      code: 'otp_resend_cooldown',
      details: { retryAfterSeconds: 30 },
    });
    expect(f.fake.messages.filter((m) => m.to === asE164(p))).toHaveLength(1);
    f.t.clock.advance(30_000);
    const again = await f.resend(challengeId);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ challengeId, expiresInSeconds: 300, resendAfterSeconds: 60 });
    const second = f.fake.lastCode(asE164(p));
    if (second !== first) expect((await f.verify(challengeId, first)).statusCode).toBe(400);
    expect((await f.verify(challengeId, second)).statusCode).toBe(200);
  });

  it('knows a challenge only under its own agency', async () => {
    const other = await openAgency(f.t.deps.db);
    const p = phone();
    const { challengeId } = (await f.request({ channel: 'sms', destination: p })).json();
    const code = f.fake.lastCode(asE164(p));
    const res = await f.verify(challengeId, code, { agencyId: other.id });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('otp_challenge_not_found');
    expect((await f.resend(challengeId, { agencyId: other.id })).statusCode).toBe(404);
  });

  it('refuses a phone or e-mail that already answered this agency this year', async () => {
    const p = phone();
    await f.t.deps.db.insert(eitRespondents).values({
      agencyId: f.agencyId,
      year: OTP_YEAR,
      destinationHash: keyedHash(f.t.deps.config, 'otp-destination', asE164(p)),
    });
    const before = f.fake.messages.length;
    const res = await f.request({ channel: 'sms', destination: `+66 ${p.slice(1, 3)} ${p.slice(3)}` });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'already_responded',
      th: expect.stringContaining('ตอบแบบสำรวจ'),
      en: expect.stringContaining('already answered'),
    });
    expect(f.fake.messages.length).toBe(before);
  });

  it('says collection is closed for an agency with no open cycle', async () => {
    const outside = await makeAgency(f.t.deps.db);
    const res = await f.request({ channel: 'sms', destination: phone() }, { agencyId: outside.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('collection_closed');
  });

  it('says collection is closed outside the EIT window, with its dates', async () => {
    const now = f.t.deps.now();
    f.t.clock.set(new Date('2025-06-30T17:00:00Z')); // 1 July 00:00 in Bangkok
    try {
      const res = await f.request({ channel: 'sms', destination: phone() });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'collection_closed',
        details: { opensOn: '2025-01-01', closesOn: '2025-06-30' },
      });
    } finally {
      f.t.clock.set(now);
    }
  });

  it('answers 404 for an agency that does not exist and 400 for a malformed number', async () => {
    const missing = await f.request(
      { channel: 'sms', destination: phone() },
      { agencyId: '00000000-0000-4000-8000-000000000000' },
    );
    expect(missing.statusCode).toBe(404);
    const landline = await f.request({ channel: 'sms', destination: '02 123 4567' });
    expect(landline.statusCode).toBe(400);
    expect(landline.json().error).toMatchObject({ code: 'invalid_phone', details: { reason: 'landline' } });
    const email = await f.request({ channel: 'email', destination: 'not-an-address' });
    expect(email.json().error.code).toBe('invalid_email');
  });

  it('treats every way of writing one number as the same destination', async () => {
    const p = phone(); // 08xxxxxxxx
    const d = p.slice(1);
    const spellings = [
      p,
      `+66${d}`,
      `66${d}`,
      `+66 0${d}`,
      `${p.slice(0, 3)}-${p.slice(3, 6)}-${p.slice(6)}`,
    ];
    const thaiDigits = p.replace(/[0-9]/g, (x) => String.fromCodePoint(0x0e50 + Number(x)));
    const hashes = new Set<string>();
    for (const s of [...spellings, thaiDigits]) {
      const res = await f.request({ channel: 'sms', destination: s });
      if (res.statusCode === 200) {
        const [row] = await f.t.deps.db
          .select({ h: otpChallenges.destinationHash })
          .from(otpChallenges)
          .where(sql`${otpChallenges.id} = ${res.json().challengeId}`);
        if (row) hashes.add(row.h);
      } else {
        // The fourth spelling onward hits the per-destination limit: proof they count as one number.
        expect(res.json().error).toMatchObject({
          code: 'otp_rate_limited',
          details: { scope: 'destination' },
        });
      }
    }
    expect(hashes.size).toBe(1);
    expect(new Set(f.fake.messages.filter((m) => m.to.endsWith(d)).map((m) => m.to))).toEqual(
      new Set([`+66${d}`]),
    );
  });

  it('stores no phone number or e-mail address in plain text anywhere', async () => {
    const p = phone();
    const email = 'plain.text.check@example.org';
    const a = (await f.request({ channel: 'sms', destination: p })).json();
    await f.request({ channel: 'email', destination: email });
    await f.verify(a.challengeId, f.fake.lastCode(asE164(p)));
    const needles = [p, p.slice(1), asE164(p), email, 'plain.text.check'];
    for (const table of [
      'otp_challenges',
      'otp_sealed_destinations',
      'eit_respondents',
      'rate_buckets',
      'sms_daily_usage',
      'audit_log',
    ]) {
      const rows = await f.t.deps.db.execute(sql.raw(`select * from ${table}`));
      const dump = JSON.stringify(rows.rows);
      for (const needle of needles) expect(dump, `${table} holds ${needle}`).not.toContain(needle);
    }
  });

  it('purges long-dead challenges and ended rate windows when the next code is asked for', async () => {
    const p = phone();
    const { challengeId } = (await f.request({ channel: 'sms', destination: p })).json();
    f.t.clock.advance(2 * 60 * MINUTE); // code lifetime and margin, and the hourly window, long over
    await f.request({ channel: 'sms', destination: phone() });
    const stale = await f.resend(challengeId);
    expect(stale.statusCode).toBe(404);
    expect(stale.json().error.code).toBe('otp_challenge_not_found');
    const windows = await f.t.deps.db.execute<{ n: number }>(
      sql`select count(*)::int as n from rate_buckets
          where key like 'otp:%' and window_start < ${new Date(f.t.deps.now().getTime() - 60 * MINUTE).toISOString()}`,
    );
    expect(windows.rows[0]?.n).toBe(0);
  });

  it('answers 503 when the sender fails, keeps no challenge and counts no SMS', async () => {
    const before = await challengeCount();
    f.fake.failing = true;
    try {
      const res = await f.request({ channel: 'sms', destination: phone() });
      expect(res.statusCode).toBe(503);
      expect(res.json().error).toMatchObject({ code: 'otp_send_failed', th: expect.stringContaining('SMS') });
    } finally {
      f.fake.failing = false;
    }
    expect(await challengeCount()).toBe(before);
  });

  it('keeps the previous code valid when a resend cannot be delivered', async () => {
    const p = phone();
    const { challengeId } = (await f.request({ channel: 'sms', destination: p })).json();
    const first = f.fake.lastCode(asE164(p));
    f.t.clock.advance(61_000);
    f.fake.failing = true;
    try {
      expect((await f.resend(challengeId)).statusCode).toBe(503);
    } finally {
      f.fake.failing = false;
    }
    expect((await f.verify(challengeId, first)).statusCode).toBe(200);
  });
});
