// EIT part 2 on a tablet, against the real server: the interviewer (`assessor`) calls a contact of a drawn
// sample and enters a completed interview; they cannot approve it themself (four eyes); a second assessor
// (`assessor2`) approves it in their own session, and the agency's EIT2 counter goes up by exactly one.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newContext, openPage, screenshot, signIn } from './browser.ts';
import { countedResponses, type StaffApi, signInApi } from './staff-api.ts';

const TABLET = { width: 820, height: 1180 };
/** The demo seed draws its EIT part-2 samples and enters its interviews in this fiscal year. */
const DEMO_YEAR = 2568;
/** The assessors' office network: their sign-ins do not count against the rest of the suite's. */
const OFFICE = { clientAddress: '192.0.2.10' };

// A busy two-core machine can take longer than expect.poll's default second; the page's own waits are 15 s.
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

interface SampleContact {
  id: string;
  contact: { id: string; name: string } | null;
  usable: boolean;
  status: string;
}
interface Interview {
  id: string;
  contact: { id: string; name: string };
  status: string;
}

/**
 * An assigned agency whose drawn sample has a contact the interviewer may call now and has not called yet
 * (the demo seed leaves several). The name is unique in the sample, so the page can be searched by it.
 */
async function callableContact(
  staff: StaffApi,
): Promise<{ agencyId: string; contact: { id: string; name: string } }> {
  const list = await staff.api.get('/api/agencies', { params: { pageSize: 100 } });
  expect(list.status()).toBe(200);
  for (const agency of (await list.json()).items as { id: string }[]) {
    const res = await staff.api.get(`/api/agencies/${agency.id}/eit2/${DEMO_YEAR}/sample`);
    if (res.status() !== 200) continue;
    const contacts = ((await res.json()).sample?.contacts ?? []) as SampleContact[];
    const names = contacts.map((c) => c.contact?.name);
    const callable = contacts.find(
      (c) =>
        c.usable &&
        c.status === 'not_called' &&
        c.contact !== null &&
        names.filter((n) => n === c.contact?.name).length === 1,
    );
    if (callable?.contact) return { agencyId: agency.id, contact: callable.contact };
  }
  throw new Error('no assigned agency has a drawn EIT part-2 sample with a contact still to call');
}

async function interviewsOf(staff: StaffApi, agencyId: string, status: string): Promise<Interview[]> {
  const res = await staff.api.get(`/api/agencies/${agencyId}/eit2/${DEMO_YEAR}/interviews`, {
    params: { status },
  });
  expect(res.status()).toBe(200);
  return (await res.json()).items;
}

/** Answers every radio group of the questionnaire (one per question, or per sub-item), varying the option. */
async function answerEveryQuestion(page: Page): Promise<void> {
  const names = await page
    .locator('main input[type=radio]')
    .evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLInputElement).name))]);
  expect(names.length).toBeGreaterThan(0);
  for (const [i, name] of names.entries()) {
    const options = page.locator(`main input[type=radio][name="${name}"]`);
    await options.nth(i % (await options.count())).check();
  }
}

const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('EIT part 2 on a tablet', () => {
  let page: Page;
  openPage((p) => (page = p), { viewport: TABLET, ...OFFICE });
  let interviewer: StaffApi;
  let reviewer: StaffApi;

  beforeAll(async () => {
    interviewer = await signInApi('assessor', OFFICE);
    reviewer = await signInApi('assessor2', OFFICE);
  });
  afterAll(async () => {
    await interviewer?.api.dispose();
    await reviewer?.api.dispose();
  });

  it('an interviewer entering and a supervisor approving a part-2 interview', async () => {
    const { agencyId, contact } = await callableContact(interviewer);
    const before = await countedResponses(interviewer, agencyId, DEMO_YEAR, 'EIT2');

    // The interviewer calls the contact and enters the completed interview.
    await signIn(page, 'assessor');
    await page.goto(`/interviews?agency=${agencyId}&year=${DEMO_YEAR}`);
    await page.getByRole('button', { name: `โทรและบันทึกผลของ ${contact.name}`, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: contact.name, exact: true }).waitFor();
    await page.getByRole('button', { name: 'เริ่มโทร' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'เริ่มโทรเมื่อ' }).count()).toBe(1);
    const completed = page.getByRole('button', { name: 'สัมภาษณ์สำเร็จ' });
    await completed.click();
    expect(await completed.getAttribute('aria-pressed')).toBe('true');

    const tally = page.getByRole('alert').filter({ hasText: /^ตอบแล้ว/ });
    await poll(() => tally.textContent()).toMatch(/^ตอบแล้ว 0 จาก \d+ ข้อ$/);
    const total = Number((await tally.textContent())?.match(/จาก (\d+)/)?.[1]);
    await answerEveryQuestion(page);
    await poll(() => tally.textContent()).toBe(`ตอบแล้ว ${total} จาก ${total} ข้อ`);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'interview-entry-tablet');
    await page.getByRole('button', { name: 'บันทึกการสัมภาษณ์' }).click();

    // Back on the sample: the contact is interviewed and waits for review; nothing counts yet.
    const row = page.getByRole('row').filter({ hasText: contact.name });
    await poll(() => row.textContent()).toMatch(/สัมภาษณ์สำเร็จ.*รออนุมัติ/);
    const entered = (await interviewsOf(interviewer, agencyId, 'entered')).filter(
      (i) => i.contact.id === contact.id,
    );
    expect(entered).toHaveLength(1);
    const interviewId = (entered[0] as Interview).id;
    expect(await countedResponses(interviewer, agencyId, DEMO_YEAR, 'EIT2')).toBe(before);

    // Four eyes: the interviewer sees their entry in the queue, with no way to approve it.
    await page.getByRole('tab', { name: 'รายการรออนุมัติ' }).click();
    const own = page.getByRole('article', { name: contact.name, exact: true });
    await poll(() => own.textContent()).toContain('คุณเป็นผู้บันทึกรายการนี้');
    expect(await own.getByRole('button', { name: 'อนุมัติ' }).count()).toBe(0);
    expect(await own.getByRole('button', { name: 'ตีกลับ' }).count()).toBe(0);
    const selfApproval = await interviewer.api.post(`/api/interviews/${interviewId}/approve`, {
      headers: { 'x-csrf-token': interviewer.csrf },
    });
    expect(selfApproval.status()).toBe(403);

    // The second assessor, in a session of their own, approves it from the queue.
    const browser = page.context().browser();
    if (!browser) throw new Error('Chromium is not running');
    const second = await newContext(browser, TABLET, OFFICE);
    try {
      const review = await second.newPage();
      await signIn(review, 'assessor2');
      await review.goto(`/interviews?agency=${agencyId}&year=${DEMO_YEAR}&tab=queue`);
      const pending = review.getByRole('article', { name: contact.name, exact: true });
      await pending.getByRole('button', { name: 'อนุมัติ', exact: true }).click();
      await poll(() => pending.count()).toBe(0);

      await review.getByText('อนุมัติแล้ว', { exact: true }).click();
      const approved = review.getByRole('article', { name: contact.name, exact: true });
      await poll(() => approved.textContent()).toContain(`ตรวจโดย ${reviewer.displayName}`);
      expect(await approved.getByRole('button', { name: 'อนุมัติ' }).count()).toBe(0);
      expect(await fitsWidth(review)).toBe(true);
      await screenshot(review, 'interview-approved-tablet');
    } finally {
      await second.close();
    }

    const after = await interviewsOf(reviewer, agencyId, 'approved');
    expect(after.filter((i) => i.id === interviewId)).toHaveLength(1);
    await poll(() => countedResponses(reviewer, agencyId, DEMO_YEAR, 'EIT2')).toBe(before + 1);
  });
});
