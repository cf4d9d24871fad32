// Brute-force protection for the IIT access code and tokens. Wrong codes are counted in rate_buckets, in
// fixed windows, under keyed hashes (no address is stored), against the *guesser* only:
//   - per client (an IPv4 address, an IPv6 /64), over all agencies: ACCESS_FAILURE_LIMITS.client;
//   - per network (IPv4 /24, IPv6 /48), over all agencies: ACCESS_FAILURE_LIMITS.network;
//   - per client and agency while that agency is under attack: ACCESS_FAILURE_LIMITS.clientUnderAttack.
// The agency's own count of wrong codes never blocks anybody (it did once: 300 wrong codes from 32 addresses
// locked every staff member out for 15 minutes). It raises an alarm instead (see noteAccessFailure): NACC is
// told, the agency's access page shows it, and the per-client limit for that agency tightens for a while.
// So a correct code from an address that has not been guessing always works, whatever else is going on.
//
// Why that stays infeasible to guess — see guessChance() and its test. The code is 8 characters from 31
// (31^8 ≈ 8.5 × 10^11 codes). Guessing is bounded per client, never globally, so the chance grows with the
// number of addresses an attacker controls:
//   - one agency (the alarm fires after ACCESS_ALARM_FAILURES wrong codes, so nearly all of a distributed
//     attack runs at 3 tries per client per 15 minutes): 100,000 addresses for the 6 months of a collection
//     ≈ 0.6 %; a usual collection (~2 months) ≈ 0.2 %;
//   - any agency at all (the per-client limit counts over all agencies, so spreading guesses over 8,000
//     agencies buys nothing): 100,000 addresses for 2 months ≈ 0.7 %.
// NACC answers the alarm by rotating the code (which also ends any use of a leaked one); the population cap
// bounds what a found code could add. A larger code would weigh on every respondent typing it from a poster.
import { keyedHash } from '../../app/secrets.ts';
import type { Config } from '../../config.ts';
import { clientKey, networkPrefix } from '../../core/client-address.ts';
import { DomainError } from '../../core/errors.ts';
import { windowStartOf } from '../../core/windows.ts';
import type { DbOrTx } from '../../db/client.ts';
import { ACCESS_CODE_LENGTH, UNAMBIGUOUS_ALPHABET } from '../iit-access/index.ts';
import { bumpWindow, purgeWindows, windowCounts } from '../rate-limits/index.ts';

export const ACCESS_FAILURE_WINDOW_MINUTES = 15;
export const ACCESS_FAILURE_LIMITS = {
  /**
   * Wrong codes/tokens from one client per window, whatever the agency. Staff behind one office address
   * share it; ten mistypes in 15 minutes is far more than a real office makes.
   */
  client: 10,
  /** Wrong codes from one client for an agency under attack (for ATTACK_MODE_MINUTES after the alarm). */
  clientUnderAttack: 3,
  /** Wrong codes from one network per window, whatever the agency: one attacker with a block of addresses. */
  network: 60,
} as const;
/** Wrong codes for one agency in one window, from everywhere, that raise the alarm (never a block). */
export const ACCESS_ALARM_FAILURES = 100;
/** How long after an alarm the agency's tighter per-client limit holds. */
export const ATTACK_MODE_MINUTES = 60;
/** NACC is e-mailed at most once per agency in this period, however long an attack goes on. */
export const ATTACK_ALERT_REPEAT_HOURS = 24;

/** Per-address route limits (@fastify/rate-limit); the counters above do the fine work. */
export const ACCESS_RATE_LIMIT = { max: 30, timeWindow: '1 minute' } as const;
/** Generous: a whole office may submit from behind one address, and a submit already needs a grant. */
export const SUBMIT_RATE_LIMIT = { max: 3000, timeWindow: '1 minute' } as const;
export const READ_RATE_LIMIT = { max: 300, timeWindow: '1 minute' } as const;

/** The number of possible access codes (iit-access.codes.ts: ACCESS_CODE_LENGTH from the alphabet). */
export const ACCESS_CODE_SPACE = UNAMBIGUOUS_ALPHABET.length ** ACCESS_CODE_LENGTH;

/**
 * The chance (upper bound) that `clients` addresses, each in its own network, find a code by guessing for
 * `days` at `perWindow` wrong codes per client per window. Independent of how many agencies they spread
 * their guesses over, since each guess hits at most one code with chance 1 / ACCESS_CODE_SPACE.
 */
export function guessChance(clients: number, days: number, perWindow: number): number {
  const windowsPerDay = (24 * 60) / ACCESS_FAILURE_WINDOW_MINUTES;
  return Math.min(1, (clients * perWindow * windowsPerDay * days) / ACCESS_CODE_SPACE);
}

const TAG = 'iit-access:';
const WINDOW_SECONDS = ACCESS_FAILURE_WINDOW_MINUTES * 60;
const WINDOW_MS = WINDOW_SECONDS * 1000;
type HashConfig = Pick<Config, 'sessionSecret'>;

function keys(config: HashConfig, agencyId: string, clientIp: string) {
  const hash = (text: string) => keyedHash(config, 'network-prefix', `iit-access|${text}`);
  const client = clientKey(clientIp);
  const network = networkPrefix(clientIp);
  return {
    client: `${TAG}c:${hash(`client|${client}`)}`,
    network: network === null ? null : `${TAG}n:${hash(`network|${network}`)}`,
    clientOfAgency: `${TAG}ca:${hash(`${agencyId}|${client}`)}`,
    agency: `${TAG}a:${hash(agencyId)}`,
  };
}

const tooManyAttempts = (retryAfterSeconds: number) => {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new DomainError(
    'rate_limited',
    'too_many_attempts',
    `กรอกรหัสไม่ถูกต้องหลายครั้งเกินไป กรุณาลองใหม่ในอีก ${minutes} นาที`,
    `Too many wrong codes; please try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
    { retryAfterSeconds },
  );
};

/** Whether the agency's alarm went off recently enough for its tighter per-client limit to hold. */
export function underAttack(attackSeenAt: Date | null | undefined, now: Date): boolean {
  return attackSeenAt != null && now.getTime() - attackSeenAt.getTime() < ATTACK_MODE_MINUTES * 60_000;
}

/**
 * Throws 429 (with the seconds to wait) while this client or its network has made too many wrong guesses.
 * Nothing about the agency as a whole is checked here: that would let anyone lock its staff out.
 */
export async function assertNotLockedOut(
  db: DbOrTx,
  config: HashConfig,
  who: { agencyId: string; clientIp: string; underAttack: boolean },
  now: Date,
): Promise<void> {
  const k = keys(config, who.agencyId, who.clientIp);
  const windowStart = windowStartOf(now, WINDOW_SECONDS);
  const counted = [k.client, k.clientOfAgency, ...(k.network ? [k.network] : [])];
  const counts = await windowCounts(db, counted, windowStart);
  const count = (key: string | null) => (key === null ? 0 : (counts.get(key) ?? 0));
  if (
    count(k.client) >= ACCESS_FAILURE_LIMITS.client ||
    count(k.network) >= ACCESS_FAILURE_LIMITS.network ||
    (who.underAttack && count(k.clientOfAgency) >= ACCESS_FAILURE_LIMITS.clientUnderAttack)
  ) {
    throw tooManyAttempts(Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000));
  }
}

/**
 * Counts one wrong code against the client, its network, the client for this agency, and the agency.
 * Returns the agency's count in this window and whether this very failure is the one that reached the
 * alarm level (exactly one request per agency and window sees that, on every instance: the count is one
 * atomic upsert).
 */
export async function noteAccessFailure(
  db: DbOrTx,
  config: HashConfig,
  who: { agencyId: string; clientIp: string },
  now: Date,
): Promise<{ agencyFailures: number; alarm: boolean }> {
  const k = keys(config, who.agencyId, who.clientIp);
  const windowStart = windowStartOf(now, WINDOW_SECONDS);
  // Old windows are useless and could only help someone correlate; drop them as we go.
  await purgeWindows(db, TAG, new Date(now.getTime() - WINDOW_MS));
  for (const key of [k.client, k.network, k.clientOfAgency]) if (key) await bumpWindow(db, key, windowStart);
  const agencyFailures = await bumpWindow(db, k.agency, windowStart);
  return { agencyFailures, alarm: agencyFailures === ACCESS_ALARM_FAILURES };
}
