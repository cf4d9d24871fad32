// Running the year from the screens: a bulk extension for a province on /cycles/:year (an agency in it gets
// the new day, one in another province does not), item-by-item OIT assessment with the keyboard, and one
// quality decision for many flagged responses, reached from the agencies with work waiting on the quality page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, screenshot, signIn, signOut } from './browser.ts';
import { type StaffApi, signInApi } from './staff-api.ts';

const YEAR = 2568;
const OFFICE = { clientAddress: '192.0.2.71' };
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

async function send(staff: StaffApi, method: 'put' | 'post', url: string, data: unknown) {
  const res = await staff.api[method](url, { data, headers: { 'x-csrf-token': staff.csrf } });
  expect(res.status(), `${method.toUpperCase()} ${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

async function agencyIdOf(staff: StaffApi, code: string): Promise<string> {
  const list = await (await staff.api.get(`/api/agencies?q=${code}`)).json();
  const hit = list.items.find((a: { code: string }) => a.code === code);
  expect(hit, code).toBeTruthy();
  return hit.id;
}

describe('cycles, assessment and quality screens', () => {
  let page: Page;
  openPage((p) => (page = p), { oneForTheFile: true, ...OFFICE });
  let admin: StaffApi;
  let outside: string;

  beforeAll(async () => {
    admin = await signInApi('admin', OFFICE);
    // An agency of another province taking part this year: the province's extension must not reach it.
    const created = await send(admin, 'post', '/api/agencies', {
      code: 'E2E-CY-OUT',
      nameTh: 'หน่วยงานนอกจังหวัดทดสอบ',
      type: 'sao',
      provinceCode: 'TH-10',
    });
    outside = created.id;
    await send(admin, 'post', `/api/cycles/${YEAR}/open`, { filter: { agencyIds: [outside] } });
  });
  afterAll(async () => admin?.api.dispose());

  it('extends a stage for a province from the cycle page: in the province yes, outside no', async () => {
    const inside = await agencyIdOf(admin, 'DEMO47-04');
    await signIn(page, 'admin');
    await page.goto(`/cycles/${YEAR}`);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('รอบการประเมิน');
    const form = page.getByRole('region', { name: 'ขยายเวลา' });
    await form.getByText('ทั้งจังหวัด', { exact: true }).click();
    await form.getByLabel(/^จังหวัด/).click();
    await page.getByRole('option', { name: 'สกลนคร' }).click();
    await form.getByLabel(/^ขั้นตอน/).click();
    await page
      .getByRole('option', { name: /ตอบ OIT|OIT/ })
      .first()
      .click();
    await form.getByLabel('วันสุดท้ายใหม่').fill('2027-06-04');
    await form.getByLabel('เหตุผล').fill('น้ำท่วมทั้งจังหวัด');
    await form.getByRole('button', { name: 'ขยายเวลา' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'ขยายเวลา' }).click();
    await poll(() => page.getByText(/ขยายเวลาให้ \d+ หน่วยงานแล้ว/).count()).toBe(1);
    await poll(() =>
      page.getByTestId('cycle-extensions').getByText('DEMO47-04', { exact: false }).count(),
    ).toBeGreaterThan(0);
    await screenshot(page, 'cycles-extension');

    // Every participating agency of the province got it; the agency of another province did not.
    const cycle = await (await admin.api.get(`/api/cycles/${YEAR}/calendar`)).json();
    const extended = new Set(cycle.extensions.map((e: { agency: { id: string } }) => e.agency.id));
    expect(extended.has(inside)).toBe(true);
    expect(extended.has(outside)).toBe(false);
  });

  it('assesses item by item with the keyboard: next unscored, tick components, proposed score, save', async () => {
    const agencyId = await agencyIdOf(admin, 'DEMO47-06');
    await signOut(page);
    await signIn(page, 'assessor');
    await page.goto(`/agencies/${agencyId}/oit/${YEAR}/assess`);
    await page.getByTestId('item-list').waitFor();
    const open = page.getByTestId('open-item');
    const first = await open.getAttribute('data-code');
    await page.locator('body').press('n');
    await poll(() => open.getAttribute('data-code')).not.toBe(first);
    const code = (await open.getAttribute('data-code')) as string;
    const boxes = open.getByRole('checkbox');
    const count = await boxes.count();
    for (let i = 1; i <= Math.min(count, 9); i++) await page.locator('body').press(String(i));
    await poll(() => open.getByTestId('score-proposal').textContent()).toContain('100');
    await page.locator('body').press('s');
    await poll(() => page.getByText(`บันทึกคะแนนข้อ ${code} แล้ว`).count()).toBeGreaterThan(0);
    await poll(() =>
      page
        .getByTestId('item-list')
        .getByRole('button', { name: new RegExp(`^${code}`) })
        .getByText('100')
        .count(),
    ).toBe(1);
    await screenshot(page, 'oit-assess-item');
  });

  it('decides many flagged responses at once with one reason', async () => {
    // A demo agency with at least two flagged responses to decide.
    let agencyId = '';
    for (const n of [1, 2, 3, 4, 5, 6, 7]) {
      const id = await agencyIdOf(admin, `DEMO47-0${n}`);
      const report = await (await admin.api.get(`/api/agencies/${id}/quality/${YEAR}`)).json();
      if ((report.responses ?? []).filter((r: { review: unknown }) => !r.review).length >= 2) {
        agencyId = id;
        break;
      }
    }
    expect(agencyId, 'a demo agency with flagged responses').not.toBe('');
    await signOut(page);
    await signIn(page, 'admin');
    // The page opens with the agencies whose flagged responses await a decision; the agency is a link.
    await page.goto('/quality');
    const waiting = page.getByTestId('waiting-agencies');
    const report = await (await admin.api.get(`/api/agencies/${agencyId}/quality/${YEAR}`)).json();
    const agencyName = (await (await admin.api.get(`/api/agencies/${agencyId}`)).json()).nameTh as string;
    const undecided = (report.responses as { flags: unknown[]; review: unknown }[]).filter(
      (r) => r.flags.length > 0 && !r.review,
    ).length;
    const line = waiting.getByRole('listitem').filter({ hasText: agencyName });
    await poll(() => line.textContent()).toContain(`${undecided} คำตอบรอการตัดสิน`);
    await screenshot(page, 'quality-waiting');
    await line.getByRole('link', { name: agencyName }).click();
    await poll(() => new URL(page.url()).searchParams.get('agency')).toBe(agencyId);
    const bar = page.getByTestId('bulk-bar');
    await bar.waitFor();
    const rows = page.getByRole('checkbox', { name: /^เลือกแบบสอบถาม/ });
    await poll(() => rows.count()).toBeGreaterThan(1);
    await rows.nth(0).check();
    await rows.nth(1).check();
    await bar.getByRole('button', { name: 'ไม่นับ 2 รายการที่เลือก' }).click();
    await page.getByRole('dialog').getByLabel('เหตุผล').fill('ตอบซ้ำจากเครื่องเดียวกัน');
    await page.getByRole('dialog').getByRole('button', { name: /ยืนยัน/ }).click();
    await poll(() => page.getByText(/บันทึกผลการพิจารณา 2 รายการแล้ว/).count()).toBe(1);
    await screenshot(page, 'quality-bulk');
  });
});
