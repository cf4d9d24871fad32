// The one-time-code policy for EIT part 1 (a respondent proves they hold a phone or mailbox), as pure
// functions over a stored state record: the service loads the record, calls these with the clock's `now`,
// and saves the returned state. Randomness and the hashing key come from the caller.
//
// Only a keyed hash of the code is stored, so a database leak does not reveal live codes; comparisons are
// constant-time so response timing does not reveal how much of a guess was right.
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  EMAIL_MAX_LENGTH,
  OTP_LENGTH,
  OTP_MAX_ATTEMPTS,
  OTP_MAX_SENDS,
  OTP_RESEND_COOLDOWN_SECONDS,
  OTP_TTL_SECONDS,
} from '../../shared/limits.ts';
import { DomainError, invalid } from '../errors.ts';

/** Where a code is sent: a mobile number by SMS or a mailbox. */
export type OtpChannel = 'sms' | 'email';

export interface OtpPolicy {
  length: number;
  ttlSeconds: number;
  maxAttempts: number;
  resendCooldownSeconds: number;
  maxSends: number;
}

export const DEFAULT_OTP_POLICY: OtpPolicy = {
  length: OTP_LENGTH,
  ttlSeconds: OTP_TTL_SECONDS,
  maxAttempts: OTP_MAX_ATTEMPTS,
  resendCooldownSeconds: OTP_RESEND_COOLDOWN_SECONDS,
  maxSends: OTP_MAX_SENDS,
};

export interface OtpState {
  /** Hex HMAC of the current code (see hashOtp). */
  codeHash: string;
  /** When the current code was issued: it expires ttlSeconds later. */
  issuedAt: Date;
  /** Wrong or right guesses at the current code. */
  attempts: number;
  lastSentAt: Date;
  /** Codes sent for this verification so far, the first included. */
  sends: number;
  /** Set once a code was accepted: a code is good for one verification only. */
  verifiedAt: Date | null;
}

/**
 * A code of `length` digits, leading zeros allowed. `randomInt(max)` must return a uniform integer in
 * [0, max): pass crypto.randomInt, never Math.random.
 */
export function generateOtp(randomInt: (maxExclusive: number) => number, length = OTP_LENGTH): string {
  const max = 10 ** length;
  const n = randomInt(max);
  if (!Number.isInteger(n) || n < 0 || n >= max) throw new RangeError(`randomInt(${max}) returned ${n}`);
  return String(n).padStart(length, '0');
}

/**
 * The stored form of a code. Keyed by a server secret (a 6-digit code has only a million values, so an
 * unkeyed hash is reversed by trying them all) and bound to the verification it belongs to, so that a
 * hash cannot be replayed for another phone.
 */
export function hashOtp(code: string, key: string, challengeId: string): string {
  return createHmac('sha256', key).update(`${challengeId}\u0000${code}`, 'utf8').digest('hex');
}

/** The state after sending the first code of a verification. */
export function startOtp(codeHash: string, now: Date): OtpState {
  return { codeHash, issuedAt: now, attempts: 0, lastSentAt: now, sends: 1, verifiedAt: null };
}

export type ResendDecision =
  | { allowed: true }
  | { allowed: false; reason: 'cooldown'; retryAfterSeconds: number }
  | { allowed: false; reason: 'too_many_sends' | 'already_verified' };

export function canResend(
  state: OtpState,
  now: Date,
  policy: OtpPolicy = DEFAULT_OTP_POLICY,
): ResendDecision {
  if (state.verifiedAt) return { allowed: false, reason: 'already_verified' };
  if (state.sends >= policy.maxSends) return { allowed: false, reason: 'too_many_sends' };
  const waited = secondsBetween(state.lastSentAt, now);
  if (waited < policy.resendCooldownSeconds)
    return {
      allowed: false,
      reason: 'cooldown',
      retryAfterSeconds: Math.ceil(policy.resendCooldownSeconds - waited),
    };
  return { allowed: true };
}

/**
 * The state after sending a fresh code. The old code stops working and the attempt count restarts, so
 * the total number of guesses per verification is bounded by maxSends × maxAttempts.
 */
export function resendOtp(
  state: OtpState,
  codeHash: string,
  now: Date,
  policy: OtpPolicy = DEFAULT_OTP_POLICY,
): OtpState {
  const decision = canResend(state, now, policy);
  if (!decision.allowed) throw resendRefused(decision);
  return { ...state, codeHash, issuedAt: now, attempts: 0, lastSentAt: now, sends: state.sends + 1 };
}

export type VerifyOutcome = 'ok' | 'wrong' | 'expired' | 'too_many_attempts';

export interface VerifyResult {
  outcome: VerifyOutcome;
  state: OtpState;
  attemptsLeft: number;
}

/**
 * One guess. Order matters: a locked or expired code is refused before comparing, so guesses after the
 * limit learn nothing; every compared guess counts, the right one included.
 */
export function verifyAttempt(
  state: OtpState,
  submittedCodeHash: string,
  now: Date,
  policy: OtpPolicy = DEFAULT_OTP_POLICY,
): VerifyResult {
  const left = (s: OtpState) => Math.max(0, policy.maxAttempts - s.attempts);
  if (state.attempts >= policy.maxAttempts) return { outcome: 'too_many_attempts', state, attemptsLeft: 0 };
  // A spent code is as good as expired: it must not verify a second submission.
  if (state.verifiedAt || secondsBetween(state.issuedAt, now) >= policy.ttlSeconds)
    return { outcome: 'expired', state, attemptsLeft: left(state) };
  const counted = { ...state, attempts: state.attempts + 1 };
  if (!hashesEqual(state.codeHash, submittedCodeHash))
    return { outcome: 'wrong', state: counted, attemptsLeft: left(counted) };
  const verified = { ...counted, verifiedAt: now };
  return { outcome: 'ok', state: verified, attemptsLeft: left(verified) };
}

// Hash lengths are public (always 64 hex digits), so returning early on a length mismatch leaks nothing.
function hashesEqual(expectedHex: string, submittedHex: string): boolean {
  const expected = Buffer.from(expectedHex, 'utf8');
  const submitted = Buffer.from(submittedHex, 'utf8');
  return expected.length === submitted.length && timingSafeEqual(expected, submitted);
}

const secondsBetween = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;

function resendRefused(decision: Exclude<ResendDecision, { allowed: true }>): DomainError {
  if (decision.reason === 'cooldown')
    return new DomainError(
      'rate_limited',
      'otp_resend_cooldown',
      `กรุณารอ ${decision.retryAfterSeconds} วินาทีก่อนขอรหัสใหม่`,
      `Please wait ${decision.retryAfterSeconds} seconds before asking for a new code`,
      { retryAfterSeconds: decision.retryAfterSeconds },
    );
  if (decision.reason === 'too_many_sends')
    return new DomainError(
      'rate_limited',
      'otp_too_many_sends',
      'ขอรหัสครบจำนวนครั้งแล้ว กรุณาเริ่มยืนยันตัวตนใหม่',
      'Too many codes were sent; please start the verification again',
    );
  return invalid('otp_already_verified', 'ยืนยันตัวตนเรียบร้อยแล้ว', 'This verification is already complete');
}

// ---------------------------------------------------------------------------------------------------------
// Contact normalisation: one canonical form per phone or mailbox, so rate limits and "one response per
// person" checks cannot be dodged by writing the same number differently.

export type PhoneRejection = 'empty' | 'characters' | 'length' | 'landline' | 'not_mobile';

const THAI_DIGIT_ZERO = 0x0e50; // ๐; Thai respondents may type Thai digits

/** A Thai mobile number in E.164 (+66 and 9 digits starting 6, 8 or 9), or an `invalid_phone` error. */
export function normalizePhone(input: string): string {
  const text = input
    .trim()
    .replace(/[\u0E50-\u0E59]/g, (d) => String((d.codePointAt(0) as number) - THAI_DIGIT_ZERO));
  if (text.length === 0) throw phoneError('empty');
  if (!/^\(?\+?[0-9 ().-]+$/.test(text)) throw phoneError('characters');
  let digits = text.replace(/[^0-9]/g, '');
  // The country code, when there are digits enough after it for a number (a bare 9-digit "66…" is national).
  if (digits.startsWith('66') && digits.length >= 10) digits = digits.slice(2);
  // "+66 081…" keeps the trunk zero by mistake; "081…" is the national form.
  if (digits.startsWith('0')) digits = digits.slice(1);
  if (/^[2-7][0-9]{7}$/.test(digits)) throw phoneError('landline');
  if (digits.length !== 9) throw phoneError('length');
  if (!/^[689]/.test(digits)) throw phoneError('not_mobile');
  return `+66${digits}`;
}

function phoneError(reason: PhoneRejection): DomainError {
  const th: Record<PhoneRejection, string> = {
    empty: 'กรุณากรอกหมายเลขโทรศัพท์มือถือ',
    characters: 'หมายเลขโทรศัพท์มีอักขระที่ไม่ใช่ตัวเลข',
    length: 'หมายเลขโทรศัพท์มือถือต้องมี 10 หลัก เช่น 0812345678',
    landline: 'กรุณาใช้หมายเลขโทรศัพท์มือถือ ไม่ใช่โทรศัพท์บ้าน',
    not_mobile: 'หมายเลขนี้ไม่ใช่หมายเลขโทรศัพท์มือถือของไทย',
  };
  const en: Record<PhoneRejection, string> = {
    empty: 'Please enter a mobile phone number',
    characters: 'The phone number contains characters that are not digits',
    length: 'A Thai mobile number has 10 digits, e.g. 0812345678',
    landline: 'Please use a mobile number, not a landline',
    not_mobile: 'This is not a Thai mobile number',
  };
  return invalid('invalid_phone', th[reason], en[reason], { reason });
}

/**
 * A mailbox in canonical form: trimmed, NFC, lower case. The local part is case-sensitive in theory but
 * not at any real provider, and treating Somchai@ and somchai@ as two people would defeat the limits.
 */
export function normalizeEmail(input: string): string {
  const email = input.trim().normalize('NFC').toLowerCase();
  const at = email.lastIndexOf('@');
  const valid =
    email.length <= EMAIL_MAX_LENGTH &&
    at > 0 &&
    at <= 64 &&
    /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"_]+\.[^\s@<>()[\],;:"_.]{2,}$/.test(email) &&
    !email.includes('..');
  if (!valid)
    throw invalid('invalid_email', 'รูปแบบอีเมลไม่ถูกต้อง', 'This is not a valid e-mail address', {
      reason: 'format',
    });
  return email;
}
