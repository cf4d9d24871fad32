// The public results site on a phone (issue 11 §6): a member of the public, not signed in, goes from the login
// page to the published FY2567 of the demo, sees the national overview with the chart's table, finds an
// agency by name, opens its page (total, instruments with n or why not processed), and reads it in English.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mainHeading, openPage, screenshot } from './browser.ts';

let page: Page;
openPage(
  (opened) => {
    page = opened;
  },
  // Someone on a phone elsewhere: their own address, so the suite's per-address limits are not shared.
  { viewport: { width: 360, height: 740 }, oneForTheFile: true, clientAddress: '192.0.2.61' },
);

const horizontalOverflow = () =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the public results site at 360 px, without signing in', () => {
  it('leads from the login page to the overview of the latest published year, with the chart’s table', async () => {
    await page.goto('/login');
    await page.getByRole('link', { name: 'ดูผลการประเมิน ITA ที่ประกาศแล้ว (ไม่ต้องเข้าสู่ระบบ)' }).click();
    // The latest published year: the demo's FY2567, or FY2568 once another e2e file has published it on the
    // shared server. The rest of the file reads FY2567, the demo's finished year.
    await expect.poll(() => mainHeading(page)).toMatch(/^ผลการประเมิน ITA ปีงบประมาณ พ\.ศ\. 256[78]$/);
    await page.goto('/public/2567');
    await expect.poll(() => mainHeading(page)).toBe('ผลการประเมิน ITA ปีงบประมาณ พ.ศ. 2567');
    const ratings = page.getByTestId('public-ratings-table');
    await expect.poll(() => ratings.locator('tbody tr').count()).toBe(5);
    expect(await ratings.textContent()).toContain('ผ่านดีเยี่ยม');
    await expect.poll(() => page.getByTestId('public-ratings-chart').isVisible()).toBe(true);
    expect(
      Number(await page.getByTestId('public-stat-agencies').locator('p').nth(1).textContent()),
    ).toBeGreaterThan(0);
    // The breakdown by region: its table, and each group leads to its agencies.
    await expect
      .poll(() => page.getByTestId('public-breakdown-table').locator('tbody tr').count())
      .toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('public-checkpoint').isVisible()).toBe(true);
    await page.waitForLoadState('networkidle');
    expect(await horizontalOverflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'public-overview-360');
  });

  it('finds an agency by name and opens its page: total, rating and every instrument', async () => {
    await page.getByLabel('ค้นหาหน่วยงาน (ชื่อหรือรหัส)').fill('ห้วยน้ำใส');
    await page.getByRole('button', { name: 'ค้นหา', exact: true }).click();
    const results = page.getByTestId('public-search-results');
    await expect.poll(() => results.isVisible()).toBe(true);
    await results.getByRole('link', { name: 'ที่ว่าการอำเภอห้วยน้ำใส' }).click();
    await expect.poll(() => mainHeading(page)).toBe('ที่ว่าการอำเภอห้วยน้ำใส');
    expect(page.url()).toContain('/public/2567/agencies/DEMO47-03');
    expect(await page.getByTestId('public-agency-total').textContent()).toMatch(/^\d{1,3}\.\d{2}$/);
    const instruments = page.getByTestId('public-instrument-table');
    await expect.poll(() => instruments.locator('tbody tr').count()).toBe(4);
    // Too few staff answered its IIT: the page says it was not processed, and why.
    expect(await instruments.textContent()).toContain('ไม่ประมวลผล');
    expect(await page.getByTestId('public-history-table').locator('tbody tr').count()).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    expect(await horizontalOverflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'public-agency-360');
  });

  it('switches the page to English', async () => {
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => mainHeading(page)).toBe('Huai Nam Sai District Office');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Results by assessment instrument' }).isVisible())
      .toBe(true);
    expect(await page.getByTestId('public-instrument-table').textContent()).toContain('Not processed');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });
});
