// The login page and the signed-in shell on a 360-px-wide phone.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, screenshot, signIn } from './browser.ts';

let page: Page;
openPage(
  (opened) => {
    page = opened;
  },
  { viewport: { width: 360, height: 740 }, oneForTheFile: true },
);

const horizontalOverflow = () =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('at 360 px wide', () => {
  it('fits the login page without horizontal scrolling', async () => {
    await page.goto('/login');
    const submit = page.getByRole('button', { name: 'เข้าสู่ระบบ' });
    await expect.poll(() => submit.isVisible()).toBe(true);
    expect(await horizontalOverflow()).toBeLessThanOrEqual(0);
    const box = await submit.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
    for (const name of ['username', 'password']) {
      const input = await page.locator(`input[name="${name}"]`).boundingBox();
      expect(input && input.x >= 0 && input.x + input.width <= 360).toBe(true);
    }
    await screenshot(page, 'login-360');
  });

  it('signs in and opens the navigation from the menu button', async () => {
    await signIn(page, 'agency-admin');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('หน้าหลักผู้ดูแลระบบของหน่วยงาน');
    expect(await horizontalOverflow()).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'เปิดเมนู' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'หน่วยงานของฉัน' }).isVisible()).toBe(true);
    await screenshot(page, 'home-360');
  });

  it('keeps wide tables scrolling inside the page, not the page itself', async () => {
    for (const path of ['/frameworks/2568', '/frameworks/2568/compare', '/frameworks/score']) {
      await page.goto(path);
      await expect.poll(async () => (await page.getByRole('heading', { level: 1 }).count()) === 1).toBe(true);
      await page.waitForLoadState('networkidle');
      expect({ path, overflow: await horizontalOverflow() }).toEqual({ path, overflow: 0 });
    }
    await screenshot(page, 'framework-360');
  });
});
