// Respondent grants: a short-lived signed string that says "this browser may submit one response to this
// agency's instrument for this year". Issued after the IIT access code (and token) or the EIT part-1 OTP is
// verified; read again at submit. It may carry the token hash or destination hash that the submit must
// consume in the same transaction as the answers — those hashes are never stored with the answers.
import { createHmac } from 'node:crypto';
import { derivedKey, sameHash } from '../../app/secrets.ts';
import type { Config } from '../../config.ts';
import { DomainError } from '../../core/errors.ts';

export const GRANT_INSTRUMENTS = ['IIT', 'EIT1'] as const;
export type GrantInstrument = (typeof GRANT_INSTRUMENTS)[number];

/** Long enough to read and answer the questionnaire on a slow phone, short enough to be useless if leaked. */
export const GRANT_LIFETIME_SECONDS = 3 * 60 * 60;

export interface GrantClaims {
  agencyId: string;
  year: number;
  instrument: GrantInstrument;
  /** Keyed hash of the single-use IIT token to consume at submit, when the agency requires tokens. */
  tokenHash?: string;
  /** Keyed hash of the verified EIT part-1 phone/e-mail, to mark in eit_respondents at submit. */
  destinationHash?: string;
}

export interface Grant extends GrantClaims {
  expiresAt: Date;
}

interface Payload {
  v: 1;
  a: string;
  y: number;
  i: GrantInstrument;
  e: number;
  t?: string;
  d?: string;
}

type GrantConfig = Pick<Config, 'sessionSecret'>;

function sign(config: GrantConfig, body: string): string {
  return createHmac('sha256', derivedKey(config, 'respondent-grant')).update(body).digest('hex');
}

export function issueGrant(
  config: GrantConfig,
  claims: GrantClaims,
  now: Date,
  lifetimeSeconds = GRANT_LIFETIME_SECONDS,
): { grant: string; expiresAt: Date } {
  const expiresAt = new Date(now.getTime() + lifetimeSeconds * 1000);
  const payload: Payload = {
    v: 1,
    a: claims.agencyId,
    y: claims.year,
    i: claims.instrument,
    e: expiresAt.getTime(),
    ...(claims.tokenHash ? { t: claims.tokenHash } : {}),
    ...(claims.destinationHash ? { d: claims.destinationHash } : {}),
  };
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return { grant: `${body}.${sign(config, body)}`, expiresAt };
}

const grantInvalid = () =>
  new DomainError(
    'forbidden',
    'grant_invalid',
    'สิทธิ์ตอบแบบสำรวจไม่ถูกต้อง กรุณาเริ่มตอบใหม่จากลิงก์ของหน่วยงาน',
    'This survey permission is not valid; please start again from the agency link',
  );
const grantExpired = () =>
  new DomainError(
    'forbidden',
    'grant_expired',
    'สิทธิ์ตอบแบบสำรวจหมดอายุแล้ว กรุณาเริ่มตอบใหม่จากลิงก์ของหน่วยงาน',
    'Your survey permission has expired; please start again from the agency link',
  );

/**
 * Verifies signature, expiry and that the grant is for this agency and instrument. Throws 403
 * `grant_invalid` (tampered, malformed, other agency/instrument) or `grant_expired`.
 */
export function readGrant(
  config: GrantConfig,
  grant: string,
  expected: { agencyId: string; instrument: string },
  now: Date,
): Grant {
  const dot = grant.indexOf('.');
  if (dot <= 0 || grant.length > 2000) throw grantInvalid();
  const body = grant.slice(0, dot);
  const signature = grant.slice(dot + 1);
  if (!/^[0-9a-f]{64}$/.test(signature) || !sameHash(signature, sign(config, body))) throw grantInvalid();
  let p: Payload;
  try {
    p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload;
  } catch {
    throw grantInvalid();
  }
  if (p.v !== 1 || typeof p.e !== 'number' || typeof p.y !== 'number') throw grantInvalid();
  if (p.a !== expected.agencyId || p.i !== expected.instrument) throw grantInvalid();
  if (now.getTime() >= p.e) throw grantExpired();
  return {
    agencyId: p.a,
    year: p.y,
    instrument: p.i,
    expiresAt: new Date(p.e),
    ...(p.t ? { tokenHash: p.t } : {}),
    ...(p.d ? { destinationHash: p.d } : {}),
  };
}
