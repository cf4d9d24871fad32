// Monitoring against the real server and the demo data: a supervisor sorts the progress matrix by a column
// header, downloads the XLSX and opens it, and sends a reminder to an agency ticked in the matrix (delivered
// in the app and by e-mail, which the log mail transport writes to the server's output); NACC drills down from the roll-up into one ministry's matrix; home pages show the
// role's to-do list whose links lead to working pages. On a 360-px-wide phone, as supervisors use it in the field.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REMINDER_STAGES, type ReminderStage } from '../../src/core/notices/reminders.ts';
import { mainHeading, openPage, screenshot, signIn } from './browser.ts';
import { mailsTo } from './server-output.ts';
import { signInApi } from './staff-api.ts';

let page: Page;
openPage(
  (opened) => {
    page = opened;
  },
  { viewport: { width: 360, height: 740 }, clientAddress: '192.0.2.31' },
);

// 30 s: the first page of the file waits for the SPA and the year list on a loaded two-core machine.
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 100 });
const horizontalOverflow = () =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The stages as the reminder dialog names them (notices.stage in the Thai catalogue). */
const STAGE_WORDS: Record<ReminderStage, string> = {
  register: 'การลงทะเบียนเข้าร่วมการประเมิน',
  stakeholder_data: 'ข้อมูลผู้มีส่วนได้ส่วนเสียและการรับรองของผู้บริหาร',
  iit_collection: 'การเก็บแบบวัด IIT ให้ครบจำนวนขั้นต่ำ',
  eit_collection: 'การเก็บแบบวัด EIT ให้ครบจำนวนขั้นต่ำ',
  oit_answering: 'การตอบแบบวัด OIT และการอนุมัติของผู้บริหาร',
  clarification: 'การชี้แจงข้อมูล OIT เพิ่มเติม',
};

/** The subjects of the e-mails the log mail transport wrote to the server's output for an address. */
/** The agency names of the matrix's rows, in order. */
async function rowNames(): Promise<string[]> {
  const table = page.getByRole('table', { name: 'ติดตามความคืบหน้าการประเมิน' });
  return table.locator('tbody th[scope="row"] a').allTextContents();
}

describe('monitoring', () => {
  it('lets a supervisor sort the matrix by a column and download it as XLSX', async () => {
    await signIn(page, 'supervisor');
    await page.goto('/monitoring');
    await poll(() => page.url()).toMatch(/\/monitoring\/\d{4}$/);
    expect(await mainHeading(page)).toContain('ติดตามความคืบหน้าการประเมิน');
    await poll(async () => (await rowNames()).length).toBeGreaterThan(1);

    const sortByName = page.getByRole('button', { name: 'เรียงตามหน่วยงาน', exact: true });
    const header = page.getByRole('columnheader').filter({ has: sortByName });
    await sortByName.click();
    await poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    await poll(() => page.url()).toContain('sort=name');
    const collator = new Intl.Collator('th');
    await poll(async () => {
      const names = await rowNames();
      return names.join('|') === [...names].sort(collator.compare).join('|') && names.length > 1;
    }).toBe(true);
    await sortByName.click();
    await poll(() => header.getAttribute('aria-sort')).toBe('descending');
    await poll(async () => {
      const names = await rowNames();
      return names.join('|') === [...names].sort(collator.compare).reverse().join('|');
    }).toBe(true);
    const shown = await rowNames();
    // Stage cells say their state in words beside the colour.
    expect(await page.getByRole('table').first().textContent()).toMatch(
      /เสร็จแล้ว|อยู่ระหว่างดำเนินการ|เลยกำหนด|ยังไม่เริ่ม|ใกล้ครบกำหนด/,
    );
    expect(await horizontalOverflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'monitoring-matrix-360');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'ดาวน์โหลด XLSX' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ita-monitoring-\d{4}-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const path = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    expect(ws.getRow(1).getCell(2).value).toBe('ชื่อหน่วยงาน');
    const names: string[] = [];
    ws.eachRow((row, n) => {
      const v = row.getCell(2).value;
      if (n > 1 && typeof v === 'string') names.push(v);
    });
    // The same rows in the same order as on screen (the page shows the first 50).
    expect(names.slice(0, shown.length)).toEqual(shown);
    expect(String(ws.lastRow?.getCell(1).value)).toMatch(/^ข้อมูล ณ วันที่ \d{1,2} .+ 25\d\d$/);
    // Sorting twice and a download: more than the suite's minute on a busy two-core machine.
  }, 180_000);

  it('sends a reminder to an agency ticked in the matrix: the notice reaches it and the mail is captured', async () => {
    // The agency admin's demo account gets an address, so the log mail transport has something to write.
    const nacc = await signInApi('admin', { clientAddress: '192.0.2.32' });
    const agencyAdmin = await signInApi('agency-admin', { clientAddress: '192.0.2.33' });
    const address = 'e2e-reminder-agency-admin@demo.prongsai.invalid';
    const patched = await nacc.api.patch(`/api/users/${agencyAdmin.userId}`, {
      data: { email: address },
      headers: { 'x-csrf-token': nacc.csrf },
    });
    expect(patched.status(), await patched.text()).toBe(200);
    const agency = await (await nacc.api.get(`/api/agencies/${agencyAdmin.agencyId}`)).json();
    const unreadBefore = (await (await agencyAdmin.api.get('/api/notices/unread-count')).json())
      .unread as number;
    const mailsBefore = (await mailsTo(address)).length;

    await signIn(page, 'supervisor');
    await page.goto('/monitoring');
    await poll(() => page.url()).toMatch(/\/monitoring\/\d{4}$/);
    await page.goto(`${new URL(page.url()).pathname}?q=${encodeURIComponent(agency.code)}`);
    await poll(async () => await rowNames()).toEqual([agency.nameTh]);
    await page.getByRole('checkbox', { name: `เลือก ${agency.nameTh}` }).check();
    const bar = page.getByRole('region', { name: 'การแจ้งเตือน' });
    await bar.getByRole('button', { name: 'ส่งการแจ้งเตือน' }).click();
    const dialog = page.getByRole('dialog', { name: 'ส่งการแจ้งเตือนถึงหน่วยงาน' });
    await poll(() => dialog.getByText('หน่วยงานที่เลือก 1 แห่ง').isVisible()).toBe(true);

    // The words notices.e2e.ts also sends, so that whichever of the supervisor's notices it opens reads the same.
    await dialog.getByLabel('ข้อความเพิ่มเติม (ไม่บังคับ)').fill('กรุณาดำเนินการให้ทันกำหนด');
    // The first stage whose preview has someone to remind (another file may have reminded of one today).
    let found = false;
    for (const stage of REMINDER_STAGES) {
      await dialog.getByLabel('ขั้นตอน', { exact: true }).click();
      await page.getByRole('option', { name: STAGE_WORDS[stage], exact: true }).click();
      await dialog.getByRole('button', { name: 'ดูตัวอย่างผู้รับ' }).click();
      await poll(() => dialog.getByRole('table').count()).toBeGreaterThan(0);
      if ((await dialog.getByRole('table').getByText('จะได้รับ').count()) > 0) {
        found = true;
        break;
      }
    }
    expect(found, 'a stage with someone to remind').toBe(true);
    await screenshot(page, 'monitoring-reminder-preview-360');
    await dialog.getByRole('button', { name: 'ส่งการแจ้งเตือน', exact: true }).click();
    await poll(() => dialog.getByText(/ส่งการแจ้งเตือนแล้ว \d+ รายการ/).count()).toBe(1);

    // Delivered by the background sender: in the app, and by e-mail through the log transport.
    await expect
      .poll(async () => (await (await agencyAdmin.api.get('/api/notices/unread-count')).json()).unread, {
        timeout: 30_000,
      })
      .toBeGreaterThan(unreadBefore);
    await expect
      .poll(async () => (await mailsTo(address)).length, { timeout: 30_000 })
      .toBeGreaterThan(mailsBefore);
    expect((await mailsTo(address)).at(-1)).toMatch(/^แจ้งเตือน ITA \d{4}: /);
    await nacc.api.dispose();
    await agencyAdmin.api.dispose();
  }, 180_000);

  it('shows the supervisor a to-do list whose links open the agency', async () => {
    await signIn(page, 'supervisor');
    const todo = page.getByRole('region', { name: 'สิ่งที่ต้องทำ' });
    await poll(() => todo.getByRole('link').count()).toBeGreaterThan(0);
    const agencyLink = todo.locator('a[href^="/agencies/"]').first();
    const href = await agencyLink.getAttribute('href');
    await agencyLink.click();
    await poll(() => new URL(page.url()).pathname).toBe(href);
    expect(await mainHeading(page)).not.toMatch(/ไม่พบหน้า/);
  });

  it('shows an agency admin its next steps, each a link to where the work is done', async () => {
    await signIn(page, 'agency-admin');
    const todo = page.getByRole('region', { name: 'สิ่งที่ต้องทำ' });
    await poll(() => todo.getByRole('link').count()).toBeGreaterThan(0);
    expect(await horizontalOverflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'home-todo-agency-admin-360');
    const first = todo.getByRole('link').first();
    const href = (await first.getAttribute('href')) ?? '';
    await first.click();
    await poll(() => new URL(page.url()).pathname).toBe(href.split('?')[0]);
    expect(await mainHeading(page)).not.toMatch(/ไม่พบหน้า/);
  });

  it('lets NACC read the roll-up by ministry and drill down to the matrix of one ministry', async () => {
    await signIn(page, 'admin');
    await page.goto('/monitoring');
    await poll(() => page.url()).toMatch(/\/monitoring\/\d{4}$/);
    await page.getByRole('tab', { name: 'ภาพรวม', exact: true }).click();
    await poll(() => page.url()).toContain('view=rollup');
    const rollup = page.getByRole('table', { name: 'ภาพรวมความคืบหน้า' });
    // The first group with a link: its name leads to the matrix; its first count is how many agencies it has.
    const row = rollup
      .locator('tbody tr')
      .filter({ has: page.getByRole('link') })
      .first();
    await poll(() => row.count()).toBe(1);
    const drill = row.getByRole('link', { name: /^ดูรายหน่วยงานของ / });
    const agencies = Number((await row.locator('td').first().textContent())?.replace(/\D/g, ''));
    expect(agencies).toBeGreaterThan(0);
    await drill.click();
    await poll(() => page.url()).toMatch(/[?&]ministry=/);
    expect(page.url()).not.toContain('view=rollup');
    await poll(async () => (await rowNames()).length).toBe(agencies);
  });
});
