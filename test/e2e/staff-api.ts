// Staff sessions on the API beside the browser, for what a test sets up or checks behind the pages: the
// same cookie + CSRF a signed-in browser holds, without a page.
import { type APIRequestContext, request } from 'playwright-core';
import { expect } from 'vitest';
import { baseUrl, clientHeaders, DEMO_PASSWORD } from './browser.ts';

export interface StaffApi {
  api: APIRequestContext;
  csrf: string;
  userId: string;
  displayName: string;
  /** The user's own agency (agency admins, executives); null for everyone else. */
  agencyId: string | null;
}

/** Signs in on the API; `clientAddress` as in browser.ts (clientHeaders): a network of the file's own. */
export async function signInApi(
  username: string,
  { clientAddress }: { clientAddress?: string } = {},
): Promise<StaffApi> {
  const api = await request.newContext({
    baseURL: baseUrl(),
    ...(clientAddress ? { extraHTTPHeaders: clientHeaders(clientAddress) } : {}),
  });
  const res = await api.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  const me = await (await api.get('/api/auth/me')).json();
  return {
    api,
    csrf: me.csrfToken,
    userId: me.user.id,
    displayName: me.user.displayName,
    agencyId: me.user.agencyId ?? null,
  };
}

/** Responses counted for the agency's instrument (IIT, EIT1, EIT2), as the progress endpoint reports them. */
export async function countedResponses(
  staff: StaffApi,
  agencyId: string,
  year: number,
  instrument: string,
): Promise<number> {
  const res = await staff.api.get(`/api/agencies/${agencyId}/progress/${year}`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { instruments: { instrument: string; counted: number }[] };
  const entry = body.instruments.find((i) => i.instrument === instrument);
  if (!entry) throw new Error(`no ${instrument} in the progress of agency ${agencyId}`);
  return entry.counted;
}
