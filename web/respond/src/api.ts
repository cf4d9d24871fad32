// The public respondent API (no session, no CSRF token): questionnaire, access code, OTP, submit. Failures
// become the SPA's ApiError, which carries the server's Thai and English message.

import type { Questionnaire } from '@server/core/surveys/index.ts';
import type {
  ZAgencySearchResult,
  ZGrantResult,
  ZRespondentPage,
} from '@server/modules/respond/respond.schema.ts';
import type { z } from 'zod';
import { type ApiError, apiUrl, networkError, toApiError } from '../../src/lib/api.ts';

export type { ApiError, Questionnaire };
export type Instrument = 'IIT' | 'EIT1';
/** A question's answer: one option value, or one per sub-item. */
export type Answer = string | Record<string, string>;
export type Answers = Record<string, Answer>;

/** The survey page: agency, fiscal year, collection window (calendar days in Bangkok), questionnaire. */
export type SurveyInfo = Omit<z.infer<typeof ZRespondentPage>, 'questionnaire'> & {
  questionnaire: Questionnaire;
};
export type GrantResult = z.infer<typeof ZGrantResult>;
export type AgencyHit = z.infer<typeof ZAgencySearchResult>['items'][number];

export interface OtpChallenge {
  challengeId: string;
  expiresInSeconds: number;
  resendAfterSeconds: number;
}

export interface Province {
  code: string;
  nameTh: string;
  nameEn: string;
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown, query?: Record<string, string>) {
  let res: Response;
  try {
    res = await fetch(apiUrl(path, query), {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      // Respondents have no session: never send one even if the browser holds a staff cookie.
      credentials: 'omit',
    });
  } catch {
    throw networkError();
  }
  let parsed: unknown = null;
  try {
    parsed = await res.json();
  } catch {
    // an empty or non-JSON body: the status decides
  }
  if (!res.ok) throw toApiError(res.status, parsed);
  return parsed as T;
}

const base = (agencyId: string, instrument: Instrument) =>
  `/respond/${encodeURIComponent(agencyId)}/${instrument}`;

export const respondApi = {
  survey: (agencyId: string, instrument: Instrument) => call<SurveyInfo>('GET', base(agencyId, instrument)),
  access: (agencyId: string, body: { accessCode: string; token?: string }) =>
    call<GrantResult>('POST', `${base(agencyId, 'IIT')}/access`, body),
  sendOtp: (agencyId: string, body: { channel: 'sms' | 'email'; destination: string }) =>
    call<OtpChallenge>('POST', `${base(agencyId, 'EIT1')}/otp`, body),
  resendOtp: (agencyId: string, challengeId: string) =>
    call<OtpChallenge>('POST', `${base(agencyId, 'EIT1')}/otp/resend`, { challengeId }),
  verifyOtp: (agencyId: string, body: { challengeId: string; code: string }) =>
    call<GrantResult>('POST', `${base(agencyId, 'EIT1')}/otp/verify`, body),
  submit: (
    agencyId: string,
    instrument: Instrument,
    body: { grant: string; submissionId: string; answers: Answers; durationSeconds: number },
  ) =>
    call<{ status: 'recorded' | 'already_recorded' }>('POST', `${base(agencyId, instrument)}/submit`, body),
  agencies: (q: string, province: string) =>
    call<{ items: AgencyHit[] }>('GET', '/respond/agencies', undefined, { q, province }),
  provinces: () => call<{ items: Province[] }>('GET', '/reference/provinces'),
};
