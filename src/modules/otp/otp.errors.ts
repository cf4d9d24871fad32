// What a respondent is told when a code cannot be sent or accepted, in Thai and English.
import { conflict, DomainError, invalid, notFound } from '../../core/errors.ts';
import { OTP_TTL_SECONDS } from '../../shared/limits.ts';

const TTL_MINUTES = Math.round(OTP_TTL_SECONDS / 60);

export const challengeNotFound = () =>
  notFound(
    'otp_challenge_not_found',
    'ไม่พบคำขอรหัส OTP นี้ หรือหมดอายุแล้ว กรุณาขอรหัสใหม่',
    'This code request was not found or has expired; please ask for a new code',
  );

/** Says that this phone/e-mail already answered: what respondents expect to hear, though it reveals it. */
export const alreadyResponded = () =>
  conflict(
    'already_responded',
    'หมายเลขโทรศัพท์หรืออีเมลนี้ตอบแบบสำรวจของหน่วยงานนี้ในปีนี้แล้ว ขอบคุณที่ร่วมประเมิน',
    'This phone number or e-mail has already answered this agency’s survey this year. Thank you for taking part',
  );

export const rateLimited = (scope: 'destination' | 'client' | 'agency', retryAfterSeconds: number) => {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const th = {
    destination: `ขอรหัสไปยังหมายเลขหรืออีเมลนี้บ่อยเกินไป กรุณาลองใหม่ในอีก ${minutes} นาที`,
    client: `มีการขอรหัสจากเครือข่ายนี้บ่อยเกินไป กรุณาลองใหม่ในอีก ${minutes} นาที`,
    agency: `มีผู้ขอรหัสของหน่วยงานนี้จำนวนมากในขณะนี้ กรุณาลองใหม่ในอีก ${minutes} นาที`,
  }[scope];
  const en = {
    destination: `Too many codes were requested for this number or e-mail; try again in ${minutes} minutes`,
    client: `Too many codes were requested from this network; try again in ${minutes} minutes`,
    agency: `Many people are asking for codes for this agency right now; try again in ${minutes} minutes`,
  }[scope];
  return new DomainError('rate_limited', 'otp_rate_limited', th, en, { scope, retryAfterSeconds });
};

export const smsCapReached = () =>
  new DomainError(
    'rate_limited',
    'sms_daily_cap',
    'วันนี้ส่ง SMS ของหน่วยงานนี้ครบจำนวนแล้ว กรุณายืนยันตัวตนด้วยอีเมลแทน หรือลองใหม่พรุ่งนี้',
    'Today’s SMS allowance for this agency is used up; please verify with your e-mail instead, or try again tomorrow',
  );

export const channelOff = (channel: 'sms' | 'email') =>
  new DomainError(
    'invalid',
    'otp_channel_unavailable',
    channel === 'sms' ? 'ขณะนี้ยังไม่เปิดการส่งรหัสทาง SMS กรุณาใช้อีเมล' : 'ขณะนี้ยังไม่เปิดการส่งรหัสทางอีเมล กรุณาใช้ SMS',
    channel === 'sms'
      ? 'Codes by SMS are not available; please use your e-mail'
      : 'Codes by e-mail are not available; please use SMS',
    { channel },
  );

/** 503: the gateway or mail server did not take the message. Nothing was counted against the respondent. */
export class OtpDeliveryFailed extends DomainError {
  constructor(
    channel: 'sms' | 'email',
    /** Why, for the server log only (no destination, no code). */
    readonly reason: string,
  ) {
    super(
      'invalid',
      'otp_send_failed',
      channel === 'sms'
        ? 'ส่ง SMS ไม่สำเร็จ กรุณาลองใหม่อีกครั้ง หรือใช้อีเมลแทน'
        : 'ส่งอีเมลไม่สำเร็จ กรุณาลองใหม่อีกครั้ง หรือใช้ SMS แทน',
      channel === 'sms'
        ? 'The SMS could not be sent; please try again or use your e-mail'
        : 'The e-mail could not be sent; please try again or use SMS',
      { channel },
    );
  }
}

export const wrongCode = (attemptsLeft: number) =>
  invalid(
    'otp_wrong_code',
    attemptsLeft > 0
      ? `รหัสไม่ถูกต้อง ลองได้อีก ${attemptsLeft} ครั้ง`
      : 'รหัสไม่ถูกต้อง ใส่ผิดครบจำนวนครั้งแล้ว กรุณาขอรหัสใหม่',
    attemptsLeft > 0
      ? `Wrong code; ${attemptsLeft} ${attemptsLeft === 1 ? 'try' : 'tries'} left`
      : 'Wrong code; no tries left, please ask for a new code',
    { attemptsLeft },
  );

export const codeExpired = () =>
  invalid(
    'otp_expired',
    `รหัสหมดอายุแล้ว (ใช้ได้ ${TTL_MINUTES} นาที) กรุณากด "ขอรหัสใหม่"`,
    `The code has expired (codes last ${TTL_MINUTES} minutes); please ask for a new code`,
    { attemptsLeft: 0 },
  );

export const tooManyAttempts = () =>
  new DomainError(
    'rate_limited',
    'otp_too_many_attempts',
    'ใส่รหัสผิดเกินจำนวนครั้งที่กำหนด กรุณากด "ขอรหัสใหม่"',
    'Too many wrong codes; please ask for a new code',
    { attemptsLeft: 0 },
  );
