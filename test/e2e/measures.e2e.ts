// The measures to promote integrity (issue 12) in Chromium against the real server, on the demo: the PAO's
// FY2568 measures drawn up from the published FY2567 (the seed sent them for review). The agency admin
// takes them back to draft, changes a measure, picks a suggested measure for a new one, saves and sends them
// for review; the executive reviews and approves (the page then shows them locked and approved) and
// downloads the DOCX; the page fits 360 px. Screenshots (E2E_SCREENSHOTS): desktop and 360 px.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainHeading, navLink, openPage, screenshot, signIn, signOut } from './browser.ts';

const OFFICE = { clientAddress: '192.0.2.81' };
const status = (page: Page) => page.getByTestId('measures-status');

describe('measures to promote integrity', () => {
  let page: Page;
  let dir: string;
  openPage((p) => (page = p), { oneForTheFile: true, ...OFFICE });
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'measures-e2e-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('the agency admin drafts the measures from the published FY2567 and sends them for review', async () => {
    await signIn(page, 'agency-admin');
    await navLink(page, 'มาตรการส่งเสริมคุณธรรม').click();
    // The menu opens the measures of the newest published year + 1: FY2569 once another e2e file has
    // published FY2568 on the shared server, FY2568 otherwise. The seed's document is FY2568's.
    await page.waitForURL(/\/agencies\/[^/]+\/measures\/\d{4}$/);
    if (!page.url().endsWith('/2568')) await page.goto(page.url().replace(/\d{4}$/, '2568'));
    expect(await mainHeading(page)).toContain('มาตรการส่งเสริมคุณธรรมและความโปร่งใส');
    await expect.poll(() => status(page).textContent()).toBe('เสนอทบทวนแล้ว');
    // Weak points proposed from the published result, per instrument.
    expect(await page.getByTestId('weak-point').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'ส่งกลับไปแก้ไข' }).click();
    await expect.poll(() => status(page).textContent()).toBe('ฉบับร่าง');
    const first = page.getByRole('article', { name: 'มาตรการที่ 1' });
    await first.getByLabel('มาตรการ/แนวทาง').fill('จัดทำคู่มือการให้บริการและประกาศ ณ จุดบริการ (e2e)');
    await page.getByRole('button', { name: 'เพิ่มมาตรการ' }).click();
    const added = page.getByRole('article', { name: 'มาตรการที่ 4' });
    // Mantine's MultiSelect: its wrapper takes the pointer, so the field is clicked through it.
    await added.getByLabel('ตัวชี้วัดที่เกี่ยวข้อง').click({ force: true });
    await page.getByRole('option', { name: /^10\. / }).click();
    await page.keyboard.press('Escape');
    await added.getByLabel('เริ่มจากมาตรการแนะนำ').click();
    await page.getByRole('option').first().click();
    await added.getByLabel('ผู้รับผิดชอบ').click({ force: true });
    await page.getByRole('option', { name: 'สำนักปลัด', exact: true }).click();
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => (await added.getByLabel('มาตรการ/แนวทาง').inputValue()).length)
      .toBeGreaterThan(0);
    await page.getByRole('button', { name: 'บันทึกฉบับร่าง' }).click();
    await expect.poll(() => page.getByText('บันทึกแล้ว').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'เสนอให้ทบทวน' }).click();
    await expect.poll(() => status(page).textContent()).toBe('เสนอทบทวนแล้ว');
    // The one who prepared it cannot review it.
    expect(await page.getByRole('button', { name: 'ทบทวนและเสนอผู้บริหาร' }).count()).toBe(0);
    await screenshot(page, 'measures-desktop');
  });

  it('the executive reviews and approves them, and downloads the DOCX', async () => {
    const url = page.url();
    await signOut(page);
    await signIn(page, 'executive');
    await page.goto(url);
    await page.getByRole('button', { name: 'ทบทวนและเสนอผู้บริหาร' }).click();
    await expect.poll(() => status(page).textContent()).toBe('ทบทวนแล้ว รออนุมัติ');
    // Approving what one reviewed is allowed (the four eyes are the preparer's and the approver's).
    await page.getByRole('button', { name: 'อนุมัติ', exact: true }).click();
    await expect.poll(() => status(page).textContent()).toBe('อนุมัติแล้ว');
    expect(await page.getByText('จัดทำคู่มือการให้บริการและประกาศ ณ จุดบริการ (e2e)').count()).toBeGreaterThan(0);
    // Locked: no save button, no editing fields.
    expect(await page.getByRole('button', { name: 'บันทึกฉบับร่าง' }).count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-docx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^measures-.+-2568-v1\.docx$/);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.length).toBeGreaterThan(20_000);
  });

  it('fits a 360 px screen', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload();
    await expect.poll(() => status(page).textContent()).toBe('อนุมัติแล้ว');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'measures-360');
  });
});
