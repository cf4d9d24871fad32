// Signing in from a deep link, signing out, and the forgot/reset password pages.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, openPage } from './browser.ts';

let page: Page;
openPage((opened) => {
  page = opened;
});

describe('sessions', () => {
  it('returns to the page asked for after signing in, and signs out', async () => {
    await page.goto('/frameworks/2568?tab=rating');
    await page.waitForURL('**/login?next=*');
    await page.locator('input[name="username"]').fill('executive');
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await page.waitForURL('**/frameworks/2568?tab=rating');
    await expect.poll(() => page.getByRole('table', { name: 'เกณฑ์ระดับผลการประเมิน' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('ผ่านดีเยี่ยม').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'ออกจากระบบ' }).click();
    await page.waitForURL('**/login');
    await page.goto('/');
    await page.waitForURL('**/login');
  });
});

describe('forgotten passwords', () => {
  it('accepts a reset request without saying whether the account exists', async () => {
    await page.goto('/login');
    await page.getByRole('link', { name: 'ลืมรหัสผ่าน?' }).click();
    await page.waitForURL('**/forgot-password');
    await page.locator('input[name="usernameOrEmail"]').fill('nobody-by-this-name');
    await page.getByRole('button', { name: 'ส่งลิงก์ตั้งรหัสผ่านใหม่' }).click();
    // The form gives way to the server's message, the same for any name.
    await expect.poll(() => page.locator('input[name="usernameOrEmail"]').count()).toBe(0);
    const message = page.getByRole('status').filter({ hasText: /[ก-๙]/ });
    await expect.poll(() => message.isVisible()).toBe(true);
  });

  it('shows the server error for an unknown reset link', async () => {
    await page.goto('/reset-password?token=not-a-real-token');
    await page.getByLabel(/^รหัสผ่านใหม่/).fill('brand-new-password');
    await page.getByLabel(/^ยืนยันรหัสผ่านใหม่/).fill('brand-new-password');
    await page.getByRole('button', { name: 'บันทึกรหัสผ่านใหม่' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.isVisible()).toBe(true);
    expect(await alert.textContent()).toMatch(/[ก-๙]/);
  });

  it('explains what to do when the reset link has no token', async () => {
    await page.goto('/reset-password');
    await expect.poll(() => page.getByText('ลิงก์ไม่ครบถ้วน').isVisible()).toBe(true);
  });
});
