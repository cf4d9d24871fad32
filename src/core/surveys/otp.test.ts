import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  OTP_LENGTH,
  OTP_MAX_ATTEMPTS,
  OTP_RESEND_COOLDOWN_SECONDS,
  OTP_TTL_SECONDS,
} from '../../shared/limits.ts';
import {
  canResend,
  DEFAULT_OTP_POLICY,
  generateOtp,
  hashOtp,
  normalizeEmail,
  normalizePhone,
  type OtpState,
  resendOtp,
  startOtp,
  verifyAttempt,
} from './otp.ts';

const T0 = new Date('2025-03-15T09:00:00+07:00');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const KEY = 'test-secret';
const hash = (code: string) => hashOtp(code, KEY, 'challenge-1');
const started = () => startOtp(hash('123456'), T0);

describe('generateOtp', () => {
  it('gives six digits and keeps leading zeros', () => {
    expect(OTP_LENGTH).toBe(6);
    expect(generateOtp(() => 42)).toBe('000042');
    expect(generateOtp((max) => max - 1)).toBe('999999');
  });

  it('asks the random source for one value below 10^length', () => {
    const asked: number[] = [];
    generateOtp((max) => {
      asked.push(max);
      return 0;
    });
    expect(asked).toEqual([1_000_000]);
  });

  it('refuses a random source that breaks its contract', () => {
    expect(() => generateOtp(() => 1_000_000)).toThrow(RangeError);
    expect(() => generateOtp(() => 0.5)).toThrow(RangeError);
  });

  it('property: always a string of exactly six digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), (n) => {
        expect(generateOtp(() => n)).toMatch(/^[0-9]{6}$/);
      }),
    );
  });
});

describe('hashOtp', () => {
  it('depends on the code, the key and the verification', () => {
    const base = hashOtp('123456', KEY, 'c1');
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOtp('123457', KEY, 'c1')).not.toBe(base);
    expect(hashOtp('123456', 'other', 'c1')).not.toBe(base);
    expect(hashOtp('123456', KEY, 'c2')).not.toBe(base);
  });
});

describe('verifyAttempt', () => {
  it('accepts the right code within five minutes and spends it', () => {
    const sut = verifyAttempt(started(), hash('123456'), at(OTP_TTL_SECONDS - 1));
    expect(sut.outcome).toBe('ok');
    expect(sut.state.verifiedAt).toEqual(at(OTP_TTL_SECONDS - 1));
    expect(verifyAttempt(sut.state, hash('123456'), at(OTP_TTL_SECONDS - 1)).outcome).toBe('expired');
  });

  it('counts wrong guesses and says how many are left', () => {
    const sut = verifyAttempt(started(), hash('000000'), at(10));
    expect(sut).toMatchObject({ outcome: 'wrong', attemptsLeft: OTP_MAX_ATTEMPTS - 1 });
    expect(sut.state.attempts).toBe(1);
  });

  it('refuses the code once five minutes have passed', () => {
    const sut = verifyAttempt(started(), hash('123456'), at(OTP_TTL_SECONDS));
    expect(sut.outcome).toBe('expired');
    expect(sut.state).toEqual(started());
  });

  it('locks after five guesses, even the right one', () => {
    let state = started();
    for (let i = 0; i < OTP_MAX_ATTEMPTS; i++) state = verifyAttempt(state, hash('000000'), at(i)).state;
    const sut = verifyAttempt(state, hash('123456'), at(10));
    expect(sut).toMatchObject({ outcome: 'too_many_attempts', attemptsLeft: 0 });
    expect(sut.state).toBe(state);
  });

  it('treats a hash of another length as wrong rather than failing', () => {
    expect(verifyAttempt(started(), 'abc', at(1)).outcome).toBe('wrong');
  });

  it('property: never more than maxAttempts comparisons, and only the right code before expiry verifies', () => {
    const guess = fc.record({ right: fc.boolean(), second: fc.nat({ max: 2 * OTP_TTL_SECONDS }) });
    fc.assert(
      fc.property(fc.array(guess, { maxLength: 12 }), (guesses) => {
        let state: OtpState = started();
        for (const g of [...guesses].sort((a, b) => a.second - b.second)) {
          const before = state;
          const result = verifyAttempt(state, hash(g.right ? '123456' : '654321'), at(g.second));
          state = result.state;
          expect(state.attempts).toBeLessThanOrEqual(OTP_MAX_ATTEMPTS);
          if (result.outcome === 'ok') {
            expect(g.right && g.second < OTP_TTL_SECONDS && before.verifiedAt === null).toBe(true);
            expect(before.attempts).toBeLessThan(OTP_MAX_ATTEMPTS);
          }
          if (result.outcome !== 'ok' && result.outcome !== 'wrong') expect(state).toBe(before);
        }
      }),
    );
  });
});

describe('canResend and resendOtp', () => {
  it('waits for the cool-down and says how long is left', () => {
    expect(canResend(started(), at(20))).toEqual({
      allowed: false,
      reason: 'cooldown',
      retryAfterSeconds: 40,
    });
    expect(canResend(started(), at(OTP_RESEND_COOLDOWN_SECONDS))).toEqual({ allowed: true });
  });

  it('issues a fresh code: the old one stops working and the attempts restart', () => {
    const wrong = verifyAttempt(started(), hash('000000'), at(5)).state;
    const sut = resendOtp(wrong, hash('222222'), at(90));
    expect(sut).toMatchObject({ attempts: 0, sends: 2, issuedAt: at(90), lastSentAt: at(90) });
    expect(verifyAttempt(sut, hash('123456'), at(95)).outcome).toBe('wrong');
    expect(verifyAttempt(sut, hash('222222'), at(90 + OTP_TTL_SECONDS - 1)).outcome).toBe('ok');
  });

  it('stops after the maximum number of sends', () => {
    let state = started();
    for (let i = 1; i < DEFAULT_OTP_POLICY.maxSends; i++) state = resendOtp(state, hash('1'), at(i * 60));
    expect(canResend(state, at(3600))).toEqual({ allowed: false, reason: 'too_many_sends' });
    expect(() => resendOtp(state, hash('1'), at(3600))).toThrow(
      expect.objectContaining({ kind: 'rate_limited', code: 'otp_too_many_sends' }),
    );
  });

  it('refuses during the cool-down with a rate-limit error in Thai and English', () => {
    expect(() => resendOtp(started(), hash('1'), at(1))).toThrow(
      expect.objectContaining({
        kind: 'rate_limited',
        code: 'otp_resend_cooldown',
        th: 'กรุณารอ 59 วินาทีก่อนขอรหัสใหม่',
        details: { retryAfterSeconds: 59 },
      }),
    );
  });

  it('does not resend once verified', () => {
    const done = verifyAttempt(started(), hash('123456'), at(1)).state;
    expect(canResend(done, at(3600))).toEqual({ allowed: false, reason: 'already_verified' });
  });
});

describe('normalizePhone', () => {
  it.each([
    '0812345678',
    '+66812345678',
    '66-81-234-5678',
    '081-234-5678',
    ' 081 234 5678 ',
    '(+66) 81 234 5678',
    '+66 081 234 5678',
    '๐๘๑๒๓๔๕๖๗๘',
    '812345678',
  ])('turns %s into +66812345678', (input) => {
    expect(normalizePhone(input)).toBe('+66812345678');
  });

  it('accepts the 06, 08 and 09 mobile ranges', () => {
    expect(normalizePhone('0612345678')).toBe('+66612345678');
    expect(normalizePhone('0912345678')).toBe('+66912345678');
    expect(normalizePhone('+66661234567')).toBe('+66661234567');
  });

  it.each([
    ['', 'empty'],
    ['02 123 4567', 'landline'],
    ['+66 53 123 456', 'landline'],
    ['081234567', 'length'],
    ['08123456789', 'length'],
    ['0112345678', 'not_mobile'],
    ['081-234-567x', 'characters'],
    ['call me', 'characters'],
    ['+1 415 555 0100', 'length'],
  ])('rejects %j (%s) with a typed error', (input, reason) => {
    expect(() => normalizePhone(input)).toThrow(
      expect.objectContaining({ kind: 'invalid', code: 'invalid_phone', details: { reason } }),
    );
  });

  it('property: accepted numbers are canonical and normalising them again changes nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom('6', '8', '9'), fc.stringMatching(/^[0-9]{8}$/), (first, rest) => {
        const sut = normalizePhone(`0${first}${rest}`);
        expect(sut).toBe(`+66${first}${rest}`);
        expect(normalizePhone(sut)).toBe(sut);
      }),
    );
  });
});

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Somchai.K@Example.CO.TH ')).toBe('somchai.k@example.co.th');
  });

  it.each([
    '',
    'no-at-sign',
    '@example.com',
    'a@b',
    'a@@b.com',
    'a b@c.com',
    'a@b..com',
    `${'x'.repeat(65)}@a.com`,
  ])('rejects %j', (input) => {
    expect(() => normalizeEmail(input)).toThrow(expect.objectContaining({ code: 'invalid_email' }));
  });
});
