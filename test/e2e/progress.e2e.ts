// Collection progress as staff see it, against the real server: the demo PAO's IIT counter on its own home
// page (agency admin) and in the supervisor's scope table moves by one when one IIT response is submitted
// through the public respondent API. Other files submit responses too: only before/after are compared.
import { randomUUID } from 'node:crypto';
import { type APIRequestContext, type Locator, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, newContext, openPage, screenshot, signIn } from './browser.ts';
import { countedResponses, type StaffApi, signInApi } from './staff-api.ts';

// A busy two-core machine can take longer than expect.poll's default second; the page's own waits are 15 s.
/** The staff's network: their sign-ins do not count against the rest of the suite's. */
const OFFICE = { clientAddress: '192.0.2.20' };

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

interface Question {
  code: string;
  options: { value: string }[];
  subItems: { code: string }[];
}

function bangkokDay(offsetDays: number): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(d);
}

/** The count in an IIT progress bar's label ("IIT …: 12 จาก 50 (24%)" or "IIT …: 12 คำตอบ …"). */
async function iitCounter(where: Locator): Promise<number> {
  const bar = where.getByRole('progressbar', { name: /^IIT / });
  await poll(() => bar.count()).toBe(1);
  const label = (await bar.getAttribute('aria-label')) ?? '';
  const counted = label.match(/: (\d+) /)?.[1];
  if (counted === undefined) throw new Error(`no count in the progress label "${label}"`);
  return Number(counted);
}

/** One complete IIT response through the public API, as a respondent's browser sends it. */
async function submitIitResponse(agencyId: string, accessCode: string): Promise<void> {
  const respondent: APIRequestContext = await request.newContext({ baseURL: baseUrl() });
  try {
    const survey = await respondent.get(`/api/respond/${agencyId}/IIT`);
    expect(survey.status()).toBe(200);
    const { questionnaire, window } = await survey.json();
    expect(window.open).toBe(true);
    const questions = (questionnaire.groups as { questions: Question[] }[]).flatMap((g) => g.questions);
    const first = (q: Question) => (q.options[0] as { value: string }).value;
    const answers = Object.fromEntries(
      questions.map((q) => [
        q.code,
        q.subItems.length === 0 ? first(q) : Object.fromEntries(q.subItems.map((s) => [s.code, first(q)])),
      ]),
    );

    const access = await respondent.post(`/api/respond/${agencyId}/IIT/access`, { data: { accessCode } });
    expect(access.status()).toBe(200);
    const { grant } = await access.json();
    const submit = await respondent.post(`/api/respond/${agencyId}/IIT/submit`, {
      data: { grant, submissionId: randomUUID(), answers, durationSeconds: 300 },
    });
    expect({ status: submit.status(), body: await submit.json() }).toEqual({
      status: 200,
      body: { status: 'recorded' },
    });
  } finally {
    await respondent.dispose();
  }
}

describe('collection progress', () => {
  let page: Page;
  openPage((p) => (page = p), OFFICE);
  let agencyAdmin: StaffApi;
  let admin: StaffApi;
  let agencyId: string;
  let agencyName: string;
  let year: number;

  beforeAll(async () => {
    agencyAdmin = await signInApi('agency-admin', OFFICE);
    admin = await signInApi('admin', OFFICE);
    agencyId = agencyAdmin.agencyId as string;
    expect(agencyId).toBeTruthy();
    const survey = await (await agencyAdmin.api.get(`/api/respond/${agencyId}/IIT`)).json();
    year = survey.year;
    agencyName = survey.agency.nameTh;
    // Whatever another file did to the window (one closes it to show the closed page), keep IIT open.
    const open = await admin.api.put(`/api/agencies/${agencyId}/calendar/${year}/extensions/iit_collection`, {
      headers: { 'x-csrf-token': admin.csrf },
      data: { endsOn: bangkokDay(30), reason: 'e2e: IIT collection open for the progress test' },
    });
    expect(open.status()).toBe(200);
  });
  afterAll(async () => {
    await agencyAdmin?.api.dispose();
    await admin?.api.dispose();
  });

  it('progress counters moving on the agency and supervisor pages', async () => {
    const access = await agencyAdmin.api.get(`/api/agencies/${agencyId}/iit-access/${year}`);
    expect(access.status()).toBe(200);
    const { accessCode } = (await access.json()) as { accessCode: string };

    // The agency's home page (this test's page) and the supervisor's progress table (a second session).
    await signIn(page, 'agency-admin');
    const widget = page.getByTestId('progress-widget');
    const agencyBefore = await iitCounter(widget);

    const browser = page.context().browser();
    if (!browser) throw new Error('Chromium is not running');
    const second = await newContext(browser, undefined, OFFICE);
    try {
      const supervisor = await second.newPage();
      await signIn(supervisor, 'supervisor');
      // The full table (all agencies in scope): the home page's preview shows only the ten furthest behind.
      await supervisor.goto('/progress');
      const row = supervisor
        .getByTestId('scope-progress')
        .getByRole('row')
        .filter({ has: supervisor.getByRole('link', { name: agencyName, exact: true }) });
      const scopeBefore = await iitCounter(row);
      expect(scopeBefore).toBe(agencyBefore);
      const apiBefore = await countedResponses(agencyAdmin, agencyId, year, 'IIT');
      expect(apiBefore).toBe(agencyBefore);

      await submitIitResponse(agencyId, accessCode);
      expect(await countedResponses(agencyAdmin, agencyId, year, 'IIT')).toBe(apiBefore + 1);

      await page.reload();
      await poll(() => iitCounter(widget)).toBe(agencyBefore + 1);
      await screenshot(page, 'progress-agency-home');
      await supervisor.reload();
      await poll(() => iitCounter(row)).toBe(scopeBefore + 1);
      await screenshot(supervisor, 'progress-supervisor');
    } finally {
      await second.close();
    }
  });
});
