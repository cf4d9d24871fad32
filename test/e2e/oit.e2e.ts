// OIT across roles, against the real server: the agency admin answers with URLs of a local test website
// (the server fetches them as evidence: the test site is the one host it is allowed on loopback), the
// executive approves, the assessor scores one item 0, the agency files a clarification, the assessor
// accepts it and confirms, and the agency sees its final OIT score. The demo keeps every OIT stage open for
// the demo agencies, so the whole cycle runs on one day in the demo agency admin's own agency.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPage, screenshot, signIn, signOut } from './browser.ts';
import { type StaffApi, signInApi } from './staff-api.ts';

const YEAR = 2568;
/** The item answered, scored 0 and clarified through the pages; the rest go through the API. */
const ITEM = 'o12';
const OFFICE = { clientAddress: '192.0.2.40' };
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

interface ChecklistItem {
  code: string;
  components: unknown[];
  answer: { state: string };
}
interface Checklist {
  agency: { id: string };
  indicators: { subIndicators: { items: ChecklistItem[] }[] }[];
}

const itemsOf = (c: Checklist) => c.indicators.flatMap((g) => g.subIndicators.flatMap((s) => s.items));

async function checklist(staff: StaffApi, agencyId: string): Promise<Checklist> {
  const res = await staff.api.get(`/api/agencies/${agencyId}/oit/${YEAR}`);
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

async function send(staff: StaffApi, method: 'put' | 'post' | 'patch', url: string, data: unknown) {
  const res = await staff.api[method](url, { data, headers: { 'x-csrf-token': staff.csrf } });
  expect(res.status(), `${method.toUpperCase()} ${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

describe('OIT: answer, approve, assess, clarify, confirm', () => {
  let page: Page;
  openPage((p) => (page = p), { oneForTheFile: true, ...OFFICE });
  let agencyAdmin: StaffApi;
  let assessor: StaffApi;
  let agencyId: string;
  let items: ChecklistItem[];
  const site = () => inject('testSiteOrigin');
  const oitPage = () => `/agencies/${agencyId}/oit/${YEAR}`;

  beforeAll(async () => {
    agencyAdmin = await signInApi('agency-admin', OFFICE);
    assessor = await signInApi('assessor', OFFICE);
    agencyId = agencyAdmin.agencyId as string;
    // The agency's main website is the test site, so its URLs are "on the main domain".
    await send(agencyAdmin, 'patch', `/api/agencies/${agencyId}`, { website: `${site()}/` });
    items = itemsOf(await checklist(agencyAdmin, agencyId));
    expect(items.map((i) => i.code)).toContain(ITEM);
    // Every other item answered "has", with a page of the test site, through the API.
    for (const item of items.filter((i) => i.code !== ITEM))
      await send(agencyAdmin, 'put', `/api/agencies/${agencyId}/oit/${YEAR}/items/${item.code}`, {
        has: true,
        urls: [`${site()}/page/${item.code}`],
        explanation: 'หน้าแรก > การเปิดเผยข้อมูลสาธารณะ',
      });
  });
  afterAll(async () => {
    await agencyAdmin?.api.dispose();
    await assessor?.api.dispose();
  });

  it('the agency admin answers an item with a URL, sees its evidence checked, and submits', async () => {
    await signIn(page, 'agency-admin');
    await page.goto(oitPage());
    await page.getByTestId('oit-stage').waitFor();
    const card = page.getByTestId(`oit-item-${ITEM}`);
    await card.getByRole('button', { name: new RegExp(`^${ITEM} ·`) }).click();
    const form = page.getByRole('form', { name: `คำตอบข้อ ${ITEM}` });
    await form.getByRole('radio', { name: 'มี', exact: true }).check();
    await form.getByLabel('URL ที่ 1', { exact: true }).fill(`${site()}/page/${ITEM}`);
    await form.getByLabel('คำอธิบายวิธีเข้าถึงข้อมูลจากหน้าแรกของเว็บไซต์').fill('หน้าแรก > บริการออนไลน์');
    await form.getByRole('button', { name: 'บันทึกฉบับร่าง' }).click();
    await poll(() => form.getByText(/^บันทึกแล้วเมื่อ/).count()).toBe(1);
    // The server fetched the page (the worker runs in the background): reachable, shown beside the URL.
    await poll(() => card.getByText('เปิดได้', { exact: false }).count()).toBeGreaterThan(0);
    await screenshot(page, 'oit-answer');

    await page.getByRole('button', { name: 'ส่งให้ผู้บริหารอนุมัติ' }).click();
    await poll(() => page.getByText('ส่งให้ผู้บริหารอนุมัติแล้ว').count()).toBeGreaterThan(0);
    const states = itemsOf(await checklist(agencyAdmin, agencyId)).map((i) => i.answer.state);
    expect(new Set(states)).toEqual(new Set(['submitted']));
  });

  it('the executive approves every answer', async () => {
    await signOut(page);
    await signIn(page, 'executive');
    await page.goto(oitPage());
    await page.getByRole('button', { name: 'อนุมัติทั้งหมด' }).click();
    await page.getByRole('button', { name: 'ยืนยันการอนุมัติ' }).click();
    await poll(() => page.getByText('อนุมัติแล้ว คำตอบถูกส่งให้ผู้ประเมิน').count()).toBeGreaterThan(0);
    const states = itemsOf(await checklist(agencyAdmin, agencyId)).map((i) => i.answer.state);
    expect(new Set(states)).toEqual(new Set(['approved']));
  });

  it('the assessor scores one item 0 with advice and submits the assessment', async () => {
    // Every other item found complete, through the API.
    for (const item of items.filter((i) => i.code !== ITEM))
      await send(assessor, 'put', `/api/agencies/${agencyId}/oit/${YEAR}/items/${item.code}/score`, {
        score: 100,
        componentsFound: item.components.map((_, n) => n),
      });
    await signOut(page);
    await signIn(page, 'assessor');
    await page.goto(`${oitPage()}/assess?item=${ITEM}`);
    const card = page.getByRole('article', { name: new RegExp(`^${ITEM} `) });
    // The original evidence (taken at approval) is shown beside the live page.
    await poll(() => card.locator('iframe').count()).toBeGreaterThan(0);
    await card.getByRole('radio', { name: /^0 คะแนน/ }).check();
    await card.getByLabel(/^ข้อเสนอแนะเพื่อการปรับปรุง/).fill('เพิ่มลิงก์บริการออนไลน์ที่หน้าแรกของเว็บไซต์');
    await card.getByRole('button', { name: `บันทึกคะแนนข้อ ${ITEM}` }).click();
    await poll(() => card.getByText('0 คะแนน', { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, 'oit-assess');

    await page.getByRole('button', { name: 'ส่งผลการตรวจ', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'ส่งผลการตรวจ', exact: true }).click();
    await poll(() => page.getByText(/^ส่งผลการตรวจแล้ว คะแนน OIT/).count()).toBe(1);
  });

  it('the agency sees its scores and advice and files a clarification for the item scored 0', async () => {
    await signOut(page);
    await signIn(page, 'agency-admin');
    await page.goto(oitPage());
    await page.getByRole('tab', { name: 'ผลการประเมินและการชี้แจง' }).click();
    const result = page.getByTestId(`oit-result-${ITEM}`);
    await result
      .getByRole('button', { name: new RegExp(`^${ITEM}`) })
      .first()
      .click();
    await poll(() => result.getByText('เพิ่มลิงก์บริการออนไลน์ที่หน้าแรกของเว็บไซต์').count()).toBe(1);
    const form = page.getByRole('form', { name: `คำชี้แจงข้อ ${ITEM}` });
    await form
      .getByLabel(/^คำชี้แจง/)
      .first()
      .fill('ลิงก์บริการออนไลน์อยู่ที่หน้าที่ผู้บริหารอนุมัติแล้ว หัวข้อแรก');
    await form.getByRole('button', { name: 'ยื่นคำชี้แจง' }).click();
    await poll(() => result.getByText('รอผู้ประเมินพิจารณา').count()).toBeGreaterThan(0);
  });

  it('the assessor accepts the clarification and confirms; the agency sees its final OIT score', async () => {
    await signOut(page);
    await signIn(page, 'assessor');
    await page.goto(`${oitPage()}/assess?item=${ITEM}`);
    const card = page.getByRole('article', { name: new RegExp(`^${ITEM} `) });
    await card.getByRole('button', { name: `รับคำชี้แจงข้อ ${ITEM} (ได้ 100 คะแนน)` }).click();
    await poll(() => card.textContent()).toMatch(/พิจารณาโดย /);
    expect(await card.textContent()).toMatch(/ให้คะแนนแล้ว\s*100 คะแนน/);
    await page.getByRole('button', { name: 'ยืนยันผลการประเมินขั้นสุดท้าย' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'ยืนยันผล', exact: true }).click();
    await poll(() => page.getByText(/^ยืนยันผลแล้ว คะแนน OIT/).count()).toBe(1);

    const res = await assessor.api.get(`/api/agencies/${agencyId}/oit/${YEAR}/assessment`);
    const final = (await res.json()).oitScore;
    expect(final).toMatchObject({ score: 100, complete: true });

    await signOut(page);
    await signIn(page, 'agency-admin');
    await page.goto(oitPage());
    await page.getByRole('tab', { name: 'ผลการประเมินและการชี้แจง' }).click();
    const score = page.getByTestId('oit-score');
    await poll(() => score.textContent()).toMatch(/คะแนน OIT สุดท้าย.*100/);
    await screenshot(page, 'oit-final');
  });
});
