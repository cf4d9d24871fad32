// EIT part 1 verification: a respondent proves they hold a phone or mailbox with a one-time code, then gets
// a grant to submit one response. What is kept: keyed hashes only, in rows that disappear once verified or
// expired; the destination itself is sealed (otp.seal.ts) for resends. These endpoints are public: there is
// no actor to authorize; the limits (otp.limits.ts) stand in for it.

import { randomInt, randomUUID } from 'node:crypto';
import type { AppDeps } from '../../app/context.ts';
import { derivedKey, keyedHash } from '../../app/secrets.ts';
import { clientKey } from '../../core/client-address.ts';
import { invalid, notFound } from '../../core/errors.ts';
import {
  DEFAULT_OTP_POLICY,
  generateOtp,
  hashOtp,
  normalizeEmail,
  normalizePhone,
  type OtpState,
  resendOtp,
  startOtp,
  verifyAttempt,
} from '../../core/surveys/index.ts';
import { windowStartOf } from '../../core/windows.ts';
import type { Tx } from '../../db/client.ts';
import { collectionTarget } from '../agencies/index.ts';
import { appendAudit } from '../audit/index.ts';
import { bumpWindow } from '../rate-limits/index.ts';
import { hasResponded, issueGrant } from '../respond/index.ts';
import { bangkokDay } from '../responses/index.ts';
import {
  alreadyResponded,
  challengeNotFound,
  channelOff,
  codeExpired,
  OtpDeliveryFailed,
  rateLimited,
  smsCapReached,
  tooManyAttempts,
  wrongCode,
} from './otp.errors.ts';
import {
  OTP_PURGE_MARGIN_SECONDS,
  OTP_RATE_LIMITS,
  OTP_RATE_WINDOW_SECONDS,
  SMS_CAP_WARNING_SHARE,
} from './otp.limits.ts';
import { notifySmsCapWarning } from './otp.notify.ts';
import {
  type ChallengeRow,
  deleteChallenge,
  insertChallenge,
  lockChallenge,
  markSmsWarning,
  purgeStale,
  releaseSms,
  reserveSms,
  updateChallenge,
} from './otp.repo.ts';
import type { OtpRequestBody, OtpSent, OtpVerifyBody } from './otp.schema.ts';
import { openDestination, sealDestination } from './otp.seal.ts';
import { assertCollectionOpen } from './otp.window.ts';
import { type OtpChannel, OtpSendError, otpSendersOf } from './senders/index.ts';

const policy = DEFAULT_OTP_POLICY;
const otpKey = (deps: AppDeps) => derivedKey(deps.config, 'otp-code').toString('base64');

/** Where the request came from, for the per-client limit (the address itself is never stored). */
export interface ClientInfo {
  ip: string;
}

const sent = (challengeId: string): OtpSent => ({
  challengeId,
  expiresInSeconds: policy.ttlSeconds,
  resendAfterSeconds: policy.resendCooldownSeconds,
});

export async function requestOtp(
  deps: AppDeps,
  agencyId: string,
  input: OtpRequestBody,
  client: ClientInfo,
): Promise<OtpSent> {
  const now = deps.now();
  const to = input.channel === 'sms' ? normalizePhone(input.destination) : normalizeEmail(input.destination);
  const sender = otpSendersOf(deps)[input.channel];
  if (!sender) throw channelOff(input.channel);
  const target = await openTarget(deps, agencyId, now);
  await enforceRateLimits(deps, { agencyId, to, ip: client.ip }, now);
  const destinationHash = keyedHash(deps.config, 'otp-destination', to);
  if (await hasResponded(deps.db, agencyId, target.year, destinationHash)) throw alreadyResponded();

  const id = randomUUID();
  const code = generateOtp(randomInt, policy.length);
  const state = startOtp(hashOtp(code, otpKey(deps), id), now);
  const day = bangkokDay(now);
  const warning = await deps.db.transaction(async (tx) => {
    await purgeStale(
      tx,
      new Date(now.getTime() - (policy.ttlSeconds + OTP_PURGE_MARGIN_SECONDS) * 1000),
      new Date(now.getTime() - OTP_RATE_WINDOW_SECONDS * 1000),
    );
    await insertChallenge(
      tx,
      { id, agencyId, year: target.year, channel: input.channel, destinationHash, ...state },
      sealDestination(deps.config, id, to),
    );
    return input.channel === 'sms' ? countSms(tx, deps, agencyId, day, now) : null;
  });
  if (warning) await notifySmsCapWarning(deps, target.agency, warning);
  try {
    await deliver(deps, input.channel, to, code, target.agency.nameTh);
  } catch (e) {
    await deps.db.transaction(async (tx) => {
      await deleteChallenge(tx, id);
      if (input.channel === 'sms') await releaseSms(tx, agencyId, day);
    });
    throw e;
  }
  return sent(id);
}

export async function resendOtpCode(deps: AppDeps, agencyId: string, challengeId: string): Promise<OtpSent> {
  const now = deps.now();
  const target = await openTarget(deps, agencyId, now);
  const code = generateOtp(randomInt, policy.length);
  const day = bangkokDay(now);
  const { previous, channel, to, warning } = await deps.db.transaction(async (tx) => {
    const found = await lockChallenge(tx, challengeId, agencyId);
    const to = found?.sealed ? openDestination(deps.config, challengeId, found.sealed) : null;
    if (!found || !to) throw challengeNotFound();
    const previous = stateOf(found.challenge);
    // Throws the policy's own errors: cool-down (with seconds to wait), too many sends, already verified.
    const next = resendOtp(previous, hashOtp(code, otpKey(deps), challengeId), now, policy);
    await updateChallenge(tx, challengeId, next);
    const channel = found.challenge.channel;
    const warning = channel === 'sms' ? await countSms(tx, deps, agencyId, day, now) : null;
    return { previous, channel, to, warning };
  });
  if (warning) await notifySmsCapWarning(deps, target.agency, warning);
  try {
    await deliver(deps, channel, to, code, target.agency.nameTh);
  } catch (e) {
    // The new code never left (failed, or the channel was switched off since): the previous one stays
    // valid and the cool-down does not start.
    await deps.db.transaction(async (tx) => {
      await updateChallenge(tx, challengeId, previous);
      if (channel === 'sms') await releaseSms(tx, agencyId, day);
    });
    throw e;
  }
  return sent(challengeId);
}

export async function verifyOtp(
  deps: AppDeps,
  agencyId: string,
  input: OtpVerifyBody,
): Promise<{ grant: string; expiresAt: Date }> {
  const now = deps.now();
  const code = normalizeCode(input.code);
  const result = await deps.db.transaction(async (tx) => {
    const found = await lockChallenge(tx, input.challengeId, agencyId);
    if (!found) throw challengeNotFound();
    const attempt = verifyAttempt(
      stateOf(found.challenge),
      hashOtp(code, otpKey(deps), input.challengeId),
      now,
      policy,
    );
    // Verified: nothing is kept that ties the destination hash to this moment.
    if (attempt.outcome === 'ok') await deleteChallenge(tx, input.challengeId);
    else if (attempt.outcome === 'wrong') await updateChallenge(tx, input.challengeId, attempt.state);
    return { attempt, challenge: found.challenge };
  });
  const { attempt, challenge } = result;
  if (attempt.outcome === 'wrong') throw wrongCode(attempt.attemptsLeft);
  if (attempt.outcome === 'expired') throw codeExpired();
  if (attempt.outcome === 'too_many_attempts') throw tooManyAttempts();
  return issueGrant(
    deps.config,
    {
      agencyId,
      year: challenge.year,
      instrument: 'EIT1',
      destinationHash: challenge.destinationHash,
    },
    now,
  );
}

// ---------------------------------------------------------------------------------------------------------

async function openTarget(deps: AppDeps, agencyId: string, now: Date) {
  const target = await collectionTarget(deps.db, agencyId);
  if (!target) throw notFound('agency_not_found', 'ไม่พบหน่วยงานนี้', 'This agency was not found');
  // An agency that no longer exists as such collects nothing, whatever its calendar says.
  const year = await assertCollectionOpen(deps, agencyId, target.active ? target.year : null, now);
  const agency = { id: target.id, nameTh: target.nameTh, nameEn: target.nameEn, active: target.active };
  return { agency, year };
}

async function enforceRateLimits(
  deps: AppDeps,
  who: { agencyId: string; to: string; ip: string },
  now: Date,
) {
  const windowMs = OTP_RATE_WINDOW_SECONDS * 1000;
  const windowStart = windowStartOf(now, OTP_RATE_WINDOW_SECONDS);
  const retryAfter = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
  // Bucket keys use their own keyed hashes (not the stored destination hash), so a bucket row cannot be
  // joined to eit_respondents to learn when someone verified.
  const keys = {
    destination: `otp:dest:${keyedHash(deps.config, 'otp-destination', `rate\u0000${who.to}`)}`,
    client: `otp:client:${keyedHash(deps.config, 'network-prefix', clientKey(who.ip))}`,
    agency: `otp:agency:${who.agencyId}`,
  } as const;
  const limits = { ...OTP_RATE_LIMITS, agency: deps.config.otp.agencyHourlyLimit };
  for (const scope of ['destination', 'client', 'agency'] as const) {
    const count = await bumpWindow(deps.db, keys[scope], windowStart);
    if (count > limits[scope]) throw rateLimited(scope, retryAfter);
  }
}

export { clientKey };

/** Counts one SMS against the daily cap (throws at the cap); returns the warning to send, at most once a day. */
async function countSms(tx: Tx, deps: AppDeps, agencyId: string, day: string, now: Date) {
  const cap = deps.config.otp.smsDailyCapPerAgency;
  const count = await reserveSms(tx, agencyId, day, cap);
  if (count === null) throw smsCapReached();
  const threshold = Math.ceil(cap * SMS_CAP_WARNING_SHARE);
  if (count < threshold || !(await markSmsWarning(tx, agencyId, day, threshold, now))) return null;
  const warning = { day, sent: count, cap };
  await appendAudit(
    tx,
    {
      actor: null,
      agencyId,
      entityType: 'sms_daily_usage',
      entityId: `${agencyId}:${day}`,
      action: 'sms_cap_warning',
      after: warning,
    },
    now,
  );
  return warning;
}

async function deliver(deps: AppDeps, channel: OtpChannel, to: string, code: string, agencyName: string) {
  const sender = otpSendersOf(deps)[channel];
  if (!sender) throw channelOff(channel);
  const minutes = Math.round(policy.ttlSeconds / 60);
  const thai = `รหัส OTP สำหรับประเมิน ITA ของ ${agencyName}: ${code} (ใช้ได้ ${minutes} นาที)`;
  const text =
    channel === 'sms'
      ? thai
      : `${thai}\n\nYour ITA survey verification code: ${code} (valid for ${minutes} minutes).\n` +
        'หากคุณไม่ได้ขอรหัสนี้ ไม่ต้องดำเนินการใด ๆ / If you did not ask for this code, ignore this message.';
  try {
    await sender.send({ channel, to, text, code });
  } catch (e) {
    // The route logs the gateway's own words (status, timeout) — never the destination or the code.
    throw new OtpDeliveryFailed(channel, e instanceof OtpSendError ? e.message : 'sender failed');
  }
}

function stateOf(c: ChallengeRow): OtpState {
  return {
    codeHash: c.codeHash,
    issuedAt: c.issuedAt,
    attempts: c.attempts,
    lastSentAt: c.lastSentAt,
    sends: c.sends,
    verifiedAt: c.verifiedAt,
  };
}

const THAI_DIGIT_ZERO = 0x0e50;

/** Digits only (Thai digits accepted, spaces and dashes ignored); anything else is not a code. */
function normalizeCode(input: string): string {
  const code = input
    .replace(/[\s-]/g, '')
    .replace(/[\u0E50-\u0E59]/g, (d) => String((d.codePointAt(0) as number) - THAI_DIGIT_ZERO));
  if (!new RegExp(`^[0-9]{${policy.length}}$`).test(code))
    throw invalid(
      'otp_code_format',
      `รหัส OTP เป็นตัวเลข ${policy.length} หลัก`,
      `The code has ${policy.length} digits`,
    );
  return code;
}
