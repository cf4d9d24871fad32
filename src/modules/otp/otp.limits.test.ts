import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, smsDailyUsage } from '../../db/schema/index.ts';
import { type OtpFixture, openAgency, otpFixture } from './otp.fixture.testing.ts';

const HOUR = 60 * 60_000;

describe('limits on asking for one-time codes', () => {
  let f: OtpFixture;
  let n = 0;
  const phone = () => {
    n += 1;
    return `09${String(10_000_000 + n).slice(-8)}`;
  };

  beforeAll(async () => {
    // A small daily SMS cap so the test reaches it: warning at 4 (80 %), refusal after 5; and a per-agency
    // hourly limit above the per-address one (20) but small enough to reach quickly.
    f = await otpFixture({ OTP_SMS_DAILY_CAP_PER_AGENCY: '5', OTP_AGENCY_HOURLY_LIMIT: '30' });
  });
  afterAll(() => f.t.close());

  it('allows three verifications per number per hour, then says when to try again', async () => {
    const p = phone();
    for (let i = 0; i < 3; i += 1)
      expect((await f.request({ channel: 'email', destination: `x${i}@limit.example` })).statusCode).toBe(
        200,
      );
    const agency = await openAgency(f.t.deps.db);
    const codes = [];
    for (let i = 0; i < 4; i += 1)
      codes.push(await f.request({ channel: 'sms', destination: p }, { agencyId: agency.id }));
    expect(codes.map((r) => r.statusCode)).toEqual([200, 200, 200, 429]);
    expect(codes[3]?.json().error).toMatchObject({
      code: 'otp_rate_limited',
      th: expect.stringContaining('นาที'),
      details: { scope: 'destination', retryAfterSeconds: expect.any(Number) },
    });
    f.t.clock.advance(HOUR);
    expect((await f.request({ channel: 'sms', destination: p }, { agencyId: agency.id })).statusCode).toBe(
      200,
    );
  });

  it('allows twenty verifications per client address per hour', async () => {
    const agency = await openAgency(f.t.deps.db);
    const ip = '203.0.113.9';
    const statuses = [];
    for (let i = 0; i < 21; i += 1)
      statuses.push(
        (
          await f.request(
            { channel: 'email', destination: `ip${i}@limit.example` },
            { agencyId: agency.id, ip },
          )
        ).statusCode,
      );
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    const last = await f.request(
      { channel: 'email', destination: 'ip-last@limit.example' },
      { agencyId: agency.id, ip },
    );
    expect(last.json().error).toMatchObject({ code: 'otp_rate_limited', details: { scope: 'client' } });
    // Another address is not affected.
    expect(
      (
        await f.request(
          { channel: 'email', destination: 'other@limit.example' },
          { agencyId: agency.id, ip: '203.0.114.9' },
        )
      ).statusCode,
    ).toBe(200);
  });

  it('allows OTP_AGENCY_HOURLY_LIMIT verifications per agency per hour', async () => {
    const agency = await openAgency(f.t.deps.db);
    for (let i = 0; i < 30; i += 1) {
      const res = await f.request(
        { channel: 'email', destination: `a${i}@agency-limit.example` },
        { agencyId: agency.id },
      );
      if (res.statusCode !== 200) throw new Error(`request ${i}: ${res.body}`);
    }
    const over = await f.request(
      { channel: 'email', destination: 'over@agency-limit.example' },
      { agencyId: agency.id },
    );
    expect(over.statusCode).toBe(429);
    expect(over.json().error.details.scope).toBe('agency');
    // Other agencies keep working.
    expect((await f.request({ channel: 'email', destination: 'over@agency-limit.example' })).statusCode).toBe(
      200,
    );
  });

  it('warns NACC admins once at 80 % of the daily SMS cap and refuses SMS at the cap, suggesting e-mail', async () => {
    const agency = await openAgency(f.t.deps.db, { nameTh: 'เทศบาลตำบลเพดาน' });
    f.t.outbox.length = 0;
    const day = '2025-03-01';
    f.t.clock.set(new Date('2025-03-01T05:00:00Z'));
    const ok = async () => {
      const res = await f.request({ channel: 'sms', destination: phone() }, { agencyId: agency.id });
      expect(res.statusCode).toBe(200);
      return res.json().challengeId as string;
    };
    for (let i = 0; i < 3; i += 1) await ok();
    expect(f.t.outbox).toEqual([]);
    // A resend is an SMS too: the 4th message reaches the warning threshold.
    const first = await ok();
    f.t.clock.advance(60_000);
    expect(f.t.outbox.map((m) => m.to).sort()).toEqual(['admin1@nacc.example', 'admin2@nacc.example']);
    expect(f.t.outbox[0]?.subject).toContain('เทศบาลตำบลเพดาน');
    expect(f.t.outbox[0]?.text).toMatch(/4 จาก 5/);
    expect((await f.resend(first, { agencyId: agency.id })).statusCode).toBe(200); // the 5th SMS
    const refused = await f.request({ channel: 'sms', destination: phone() }, { agencyId: agency.id });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({
      code: 'sms_daily_cap',
      en: expect.stringContaining('e-mail'),
    });
    f.t.clock.advance(60_000);
    expect((await f.resend(first, { agencyId: agency.id })).json().error.code).toBe('sms_daily_cap');
    expect(
      (await f.request({ channel: 'email', destination: 'cap@example.org' }, { agencyId: agency.id }))
        .statusCode,
    ).toBe(200);
    expect(f.t.outbox).toHaveLength(2); // warned once
    const [usage] = await f.t.deps.db
      .select()
      .from(smsDailyUsage)
      .where(and(eq(smsDailyUsage.agencyId, agency.id), eq(smsDailyUsage.day, day)));
    expect(usage).toMatchObject({ sent: 5, warnedAt: expect.any(Date) });
    const audit = await f.t.deps.db.select().from(auditLog).where(eq(auditLog.agencyId, agency.id));
    expect(audit.map((a) => a.action)).toEqual(['sms_cap_warning']);
    expect(audit[0]?.after).toEqual({ day, sent: 4, cap: 5 });

    // The next Bangkok day starts a fresh allowance (17:00 UTC is midnight in Bangkok).
    f.t.clock.set(new Date('2025-03-01T17:00:00Z'));
    await ok();
  });

  it('shows admins each agency’s SMS count against the cap', async () => {
    const admin = await f.t.signIn('nacc-admin-1');
    const res = await admin.get('/api/otp/usage?day=2025-03-01');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ day: '2025-03-01', cap: 5, warningAt: 4 });
    const capped = body.agencies.find(
      (a: { agency: { nameTh: string } }) => a.agency.nameTh === 'เทศบาลตำบลเพดาน',
    );
    expect(capped).toMatchObject({ sent: 5, remaining: 0, atCap: true, warnedAt: expect.any(String) });
    expect(JSON.stringify(body)).not.toMatch(/\+66|@limit\.example/);
  });
});

describe('clientKey', () => {
  it('counts an IPv4 address as itself and an IPv6 address by its /64', async () => {
    const { clientKey } = await import('./otp.service.ts');
    expect(clientKey('203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe(clientKey('2001:0db8:0001:0002:bbbb:cccc:dddd:2'));
    expect(clientKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('2001:db8:1:3::1')).not.toBe(clientKey('2001:db8:1:2::1'));
  });
});
