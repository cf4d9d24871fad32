// The change history (/audit) on a 360-px-wide phone: entries as Thai sentences, details as a field list,
// filters, and the chain's status for NACC admins only.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, screenshot, signIn } from './browser.ts';

let page: Page;
openPage(
  (opened) => {
    page = opened;
  },
  { viewport: { width: 360, height: 740 } },
);

const horizontalOverflow = () =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('change history', () => {
  it('shows an admin the entries in Thai, their details as fields, and the chain', async () => {
    await signIn(page, 'admin');
    await page.goto('/audit');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('บันทึกการเปลี่ยนแปลง');
    const entries = page.getByRole('list', { name: 'บันทึกการเปลี่ยนแปลง' }).getByRole('listitem');
    await expect.poll(() => entries.count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('ความครบถ้วนของบันทึกการเปลี่ยนแปลง').isVisible()).toBe(true);
    const first = entries.first();
    expect(await first.textContent()).not.toMatch(/[{}"]/); // words, not JSON
    const details = first.getByRole('button', { name: 'รายละเอียด' });
    await details.click();
    expect(await details.getAttribute('aria-expanded')).toBe('true');
    await page.waitForLoadState('networkidle');
    expect(await horizontalOverflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'audit-admin-360');
  });

  it('filters by a date range with nothing in it and says what to do', async () => {
    await signIn(page, 'admin');
    await page.goto('/audit?from=2000-01-01&to=2000-01-02');
    await expect.poll(() => page.getByText('ไม่พบรายการตามตัวกรอง').isVisible()).toBe(true);
    expect(await page.getByText(/ตรงกับ 1 มกราคม 2543/).count()).toBe(1);
    await page.getByRole('button', { name: 'ล้างตัวกรอง' }).first().click();
    await expect.poll(() => page.url()).not.toContain('from=');
  });

  it("shows an agency's admin their history without the chain's status", async () => {
    await signIn(page, 'agency-admin');
    await page.goto('/audit');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('บันทึกการเปลี่ยนแปลง');
    await page.waitForLoadState('networkidle');
    expect(await page.getByText('ความครบถ้วนของบันทึกการเปลี่ยนแปลง').count()).toBe(0);
    expect(await horizontalOverflow()).toBeLessThanOrEqual(0);
  });
});
