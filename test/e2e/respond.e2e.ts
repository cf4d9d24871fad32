// Respondents on a phone (360×740), against the real server: the closed page, an IIT response with the
// agency's access code (including a reply lost on the way back: the retry is recorded once), and an EIT
// part-1 response verified by a one-time code from the console sender. The agency's progress counter must
// go up by exactly one per response.
import { type APIRequestContext, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, openPage, screenshot } from './browser.ts';
import { latestOtp } from './server-output.ts';

const PHONE = { width: 360, height: 740 };
const EIT_PHONE = '089-123-4567';

// A busy two-core machine can take longer than expect.poll's default second; the page's own waits are 15 s.
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

interface Staff {
  api: APIRequestContext;
  csrf: string;
  agencyId: string | null;
}

async function signInApi(username: string): Promise<Staff> {
  const api = await request.newContext({ baseURL: baseUrl() });
  const res = await api.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  const me = await (await api.get('/api/auth/me')).json();
  return { api, csrf: me.csrfToken, agencyId: me.user.agencyId };
}

async function counted(staff: Staff, year: number, instrument: 'IIT' | 'EIT1'): Promise<number> {
  const res = await staff.api.get(`/api/agencies/${staff.agencyId}/progress/${year}`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { instruments: { instrument: string; counted: number }[] };
  return body.instruments.find((i) => i.instrument === instrument)?.counted ?? -1;
}

function bangkokDay(offsetDays: number): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(d);
}

/** Answers every radio group on the current screen (varying the option), then presses the forward button. */
async function answerScreen(page: Page, forward: string | RegExp): Promise<void> {
  const names = await page
    .locator('main input[type=radio]')
    .evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLInputElement).name))]);
  for (const [i, name] of names.entries()) {
    const options = page.locator(`main input[name="${name}"]`);
    await options.nth(i % (await options.count())).check();
  }
  await page.getByRole('button', { name: forward }).click();
}

/** Goes through every part of the questionnaire to the review screen. */
async function answerAll(page: Page): Promise<void> {
  const section = page.locator('.section-count');
  await poll(() => section.textContent()).toMatch(/^ส่วนที่ 1 จาก \d+$/);
  const total = Number((await section.textContent())?.match(/จาก (\d+)/)?.[1]);
  for (let part = 1; part <= total; part++) {
    await poll(() => section.textContent()).toBe(`ส่วนที่ ${part} จาก ${total}`);
    await answerScreen(page, part < total ? 'ถัดไป' : 'ตรวจทานคำตอบ');
  }
  await page.getByRole('heading', { level: 1, name: 'ตรวจทานคำตอบ' }).waitFor();
}

const alertOn = (page: Page) => page.getByRole('alert').filter({ hasText: /\S/ }).first();

async function fitsPhoneWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe('respondent pages on a phone', () => {
  let page: Page;
  openPage((p) => (page = p), { viewport: PHONE });
  let admin: Staff;
  let agency: Staff;
  let year: number;

  beforeAll(async () => {
    agency = await signInApi('agency-admin');
    admin = await signInApi('admin');
    const survey = await agency.api.get(`/api/respond/${agency.agencyId}/IIT`);
    expect(survey.status()).toBe(200);
    year = (await survey.json()).year;
  });
  afterAll(async () => {
    await agency?.api.dispose();
    await admin?.api.dispose();
  });

  const extensions = (stage: string) =>
    `/api/agencies/${agency.agencyId}/calendar/${year}/extensions/${stage}`;
  const reopen = async () => {
    for (const stage of ['iit_collection', 'eit_collection']) {
      const res = await admin.api.put(extensions(stage), {
        headers: { 'x-csrf-token': admin.csrf },
        data: { endsOn: bangkokDay(30), reason: 'e2e: collection open for the respondent tests' },
      });
      expect(res.status()).toBe(200);
    }
  };

  it('says when collection closed, in Buddhist-Era dates, outside the window', async () => {
    // The framework's FY window is in the past: without an extension the survey is closed.
    const res = await admin.api.delete(extensions('iit_collection'), {
      headers: { 'x-csrf-token': admin.csrf },
    });
    expect([200, 204, 404]).toContain(res.status());
    await page.goto(`/respond/iit/${agency.agencyId}`);
    await page.getByRole('heading', { level: 1, name: 'ปิดรับคำตอบ' }).waitFor();
    await poll(() => page.locator('main').textContent()).toMatch(/ปิดรับคำตอบแล้วเมื่อวันที่ \d+ \S+ 25\d\d/);
    expect(await page.locator('html').getAttribute('lang')).toBe('th');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Collection is closed' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: /Switch to Thai/ }).click();
    await reopen();
  });

  it('records an IIT response with the access code, once, even when the reply to the first send is lost', async () => {
    const access = await agency.api.get(`/api/agencies/${agency.agencyId}/iit-access/${year}`);
    expect(access.status()).toBe(200);
    const { accessCode } = (await access.json()) as { accessCode: string };
    const before = await counted(agency, year, 'IIT');

    await page.goto(`/respond/iit/${agency.agencyId}`);
    await page.getByRole('heading', { level: 1, name: 'ก่อนเริ่มตอบ' }).waitFor();
    // Keyboard only for the first steps: the eligibility answer, then the notice.
    // The step's heading has the focus; the next stop is the first answer.
    await poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^ใช่/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'ความเป็นส่วนตัวของคุณ' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('หมายเลข IP');
    await page.getByRole('button', { name: 'เข้าใจแล้ว เริ่มตอบ' }).click();

    await page.getByLabel('รหัสเข้าตอบ').fill('WRONG-CODE');
    await page.getByRole('button', { name: 'ตรวจสอบรหัส' }).click();
    await poll(() => alertOn(page).textContent()).toMatch(/รหัส/);
    await page.getByLabel('รหัสเข้าตอบ').fill(accessCode);
    await page.getByRole('button', { name: 'ตรวจสอบรหัส' }).click();

    // "Next" on an unanswered part says what is missing instead of moving on.
    await page.getByRole('button', { name: 'ถัดไป' }).click();
    await poll(() => alertOn(page).textContent()).toMatch(/ยังไม่ได้ตอบ/);
    await screenshot(page, 'respond-iit-missing');
    await answerAll(page);
    expect(await fitsPhoneWidth(page)).toBe(true);
    await screenshot(page, 'respond-iit-review');

    // The server records the first send but its reply never arrives: no "thank you" yet, and the retry
    // (same submission id) is recognised instead of counted again.
    let lost = 0;
    await page.route('**/submit', async (route) => {
      if (lost++ === 0) {
        await route.fetch();
        await route.abort('connectionreset');
      } else await route.continue();
    });
    await page.getByRole('button', { name: 'ส่งคำตอบ' }).click();
    await poll(() => alertOn(page).textContent()).toMatch(/ติดต่อเซิร์ฟเวอร์ไม่ได้/);
    expect(await page.getByRole('heading', { name: 'ขอบคุณ' }).count()).toBe(0);
    await page.getByRole('button', { name: 'ส่งคำตอบ' }).click();
    await page.getByRole('heading', { level: 1, name: 'ขอบคุณ' }).waitFor();
    await page.unroute('**/submit');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':IIT:')))).toEqual(
      [],
    );

    await poll(() => counted(agency, year, 'IIT')).toBe(before + 1);
  });

  it('records an EIT part-1 response after a one-time code sent to a phone', async () => {
    const before = await counted(agency, year, 'EIT1');
    const survey = await (await agency.api.get(`/api/respond/${agency.agencyId}/EIT1`)).json();
    const name: string = survey.agency.nameTh;

    await page.goto('/respond/eit');
    await page.getByLabel('ชื่อหน่วยงาน').fill(name);
    await page.getByRole('button', { name: 'ค้นหา' }).click();
    await page.getByRole('link', { name: new RegExp(name) }).click();
    await page.waitForURL((url) => url.pathname === `/respond/eit/${agency.agencyId}`);
    await page.getByRole('button', { name: 'เข้าใจแล้ว เริ่มตอบ' }).click();

    await page.getByLabel('เบอร์โทรศัพท์มือถือ').fill(EIT_PHONE);
    await page.getByRole('button', { name: 'ส่งรหัส' }).click();
    await page.getByRole('heading', { level: 1, name: 'กรอกรหัสยืนยัน' }).waitFor();
    // The resend waits for the cool-down.
    expect(await page.getByRole('button', { name: 'ส่งรหัสอีกครั้ง' }).isDisabled()).toBe(true);
    const code = await latestOtp(EIT_PHONE);
    await page.getByLabel('รหัสยืนยัน 6 หลัก').fill(code);
    await page.getByRole('button', { name: 'ยืนยัน', exact: true }).click();

    await answerAll(page);
    expect(await fitsPhoneWidth(page)).toBe(true);
    await page.getByRole('button', { name: 'ส่งคำตอบ' }).click();
    await page.getByRole('heading', { level: 1, name: 'ขอบคุณ' }).waitFor();
    await screenshot(page, 'respond-eit-thanks');

    await poll(() => counted(agency, year, 'EIT1')).toBe(before + 1);
  });
});
