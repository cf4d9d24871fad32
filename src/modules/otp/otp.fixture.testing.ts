// Test fixture for the OTP module: an application whose senders are a fake that captures messages, one
// agency collecting EIT for 2568, and helpers to ask for, resend and verify codes from chosen addresses.
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeAgency, makeUser } from '../../../test/helpers/factories.ts';
import type { Db } from '../../db/client.ts';
import { participations } from '../../db/schema/index.ts';
import { loadBundledFrameworks } from '../frameworks/index.ts';
import type { OtpMessage } from './senders/index.ts';
import { replaceOtpSenders } from './senders/index.ts';

export const OTP_YEAR = 2568;

export interface FakeSender {
  messages: OtpMessage[];
  /** The code of the last message sent to `to` (any spelling the service normalises to it). */
  lastCode(to: string): string;
  /** Make the next sends fail, as a gateway that refuses. */
  failing: boolean;
}

export async function openAgency(db: Db, o: { code?: string; nameTh?: string } = {}) {
  const agency = await makeAgency(db, { nameTh: 'สำนักงานทดสอบบริการประชาชน', ...o });
  await db
    .insert(participations)
    .values({ agencyId: agency.id, year: OTP_YEAR, registered: true, registeredAt: new Date() });
  return agency;
}

/** The bundled frameworks: 2568's calendar collects EIT from 2025-01-01 to 2025-06-30 (test clock: March). */
export async function ensureFramework(db: Db) {
  await loadBundledFrameworks(db);
}

export interface OtpFixture {
  t: TestApp;
  fake: FakeSender;
  agencyId: string;
  /** POST …/otp from `ip` (a different default address per call, so per-client limits stay out of the way). */
  request(
    body: { channel: 'sms' | 'email'; destination: string },
    o?: { agencyId?: string; ip?: string },
  ): Promise<LightMyRequestResponse>;
  resend(challengeId: string, o?: { agencyId?: string }): Promise<LightMyRequestResponse>;
  verify(challengeId: string, code: string, o?: { agencyId?: string }): Promise<LightMyRequestResponse>;
}

export async function otpFixture(env: Record<string, string> = {}): Promise<OtpFixture> {
  const t = await createTestApp(env);
  const db = t.deps.db;
  await ensureFramework(db);
  const agency = await openAgency(db);
  await makeUser(db, { role: 'admin', username: 'nacc-admin-1', email: 'admin1@nacc.example' });
  await makeUser(db, { role: 'admin', username: 'nacc-admin-2', email: 'admin2@nacc.example' });
  await makeUser(db, { role: 'admin', username: 'nacc-admin-off', email: 'off@nacc.example', active: false });
  const fake: FakeSender = {
    messages: [],
    failing: false,
    lastCode(to) {
      const m = [...this.messages].reverse().find((x) => x.to === to);
      if (!m) throw new Error(`no code was sent to ${to}`);
      return m.code;
    },
  };
  replaceOtpSenders(t.deps, {
    async send(m) {
      if (fake.failing) throw new Error('gateway down');
      fake.messages.push(m);
    },
  });
  let calls = 0;
  const nextIp = () => {
    calls += 1;
    return `10.77.${Math.floor(calls / 250) % 250}.${(calls % 250) + 1}`;
  };
  const post = (url: string, payload: object, ip = nextIp()) =>
    t.app.inject({ method: 'POST', url, payload, remoteAddress: ip });
  const base = (id?: string) => `/api/respond/${id ?? agency.id}/EIT1/otp`;
  return {
    t,
    fake,
    agencyId: agency.id,
    request: (body, o = {}) => post(base(o.agencyId), body, o.ip),
    resend: (challengeId, o = {}) => post(`${base(o.agencyId)}/resend`, { challengeId }),
    verify: (challengeId, code, o = {}) => post(`${base(o.agencyId)}/verify`, { challengeId, code }),
  };
}
