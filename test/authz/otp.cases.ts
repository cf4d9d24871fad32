// EIT part-1 one-time codes: the request, resend and verify endpoints are public (anyone, for any agency
// collecting EIT); the SMS usage view is NACC's (admins). Codes go to a fake sender, never to the log.
// In scope = agency A; out of scope = agency B; both collect EIT for 2568 (framework calendar: Jan–Jun 2025).
import { participations } from '../../src/db/schema/index.ts';
import { loadBundledFrameworks } from '../../src/modules/frameworks/index.ts';
import { type OtpMessage, replaceOtpSenders } from '../../src/modules/otp/index.ts';
import { allow, both, type CaseWorld, everyone, type MatrixCase } from './cases.ts';
import type { World } from './world.ts';

export async function setup(w: World) {
  await loadBundledFrameworks(w.db);
  await w.db
    .insert(participations)
    .values([
      { agencyId: w.A.agency.id, year: w.year },
      { agencyId: w.B.agency.id, year: w.year },
    ])
    .onConflictDoNothing();
  const sent: OtpMessage[] = [];
  replaceOtpSenders(w.t.deps, { send: async (m) => void sent.push(m) });
  w.extra.otp = { sent };
}

const base = (w: CaseWorld) => `/api/respond/${w.target.agency.id}/EIT1/otp`;
let addresses = 0;

/** A fresh challenge for the target agency (a fresh address and mailbox, so no limit is reached). */
async function freshChallenge(w: CaseWorld): Promise<string> {
  addresses += 1;
  const res = await w.t.app.inject({
    method: 'POST',
    url: base(w),
    payload: { channel: 'email', destination: `${w.unique('otp')}@matrix.example` },
    remoteAddress: `10.66.${Math.floor(addresses / 250) % 250}.${(addresses % 250) + 1}`,
  });
  if (res.statusCode !== 200) throw new Error(`otp setup request failed: ${res.statusCode} ${res.body}`);
  return res.json().challengeId;
}

export const cases: MatrixCase[] = [
  {
    name: 'POST /api/respond/:agencyId/EIT1/otp',
    method: 'POST',
    url: base,
    body: (w) => ({ channel: 'email', destination: `${w.unique('otp')}@matrix.example` }),
    expect: everyone(),
  },
  {
    // Straight after the first code the cool-down answers 429: past authorization, nothing sent.
    name: 'POST /api/respond/:agencyId/EIT1/otp/resend',
    method: 'POST',
    url: async (w) => {
      w.vars.challengeId = await freshChallenge(w);
      return `${base(w)}/resend`;
    },
    body: (w) => ({ challengeId: w.vars.challengeId }),
    expect: everyone(),
  },
  {
    // A well-formed guess: 400 with tries left (or, one time in a million, right: 200). Either is past
    // authorization.
    name: 'POST /api/respond/:agencyId/EIT1/otp/verify',
    method: 'POST',
    url: async (w) => {
      w.vars.challengeId = await freshChallenge(w);
      return `${base(w)}/verify`;
    },
    body: (w) => ({ challengeId: w.vars.challengeId, code: '000000' }),
    expect: everyone(),
  },
  {
    name: 'GET /api/otp/usage',
    method: 'GET',
    url: () => '/api/otp/usage',
    expect: allow({ admin: both }),
  },
];
