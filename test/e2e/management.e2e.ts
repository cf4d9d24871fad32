// Administrators manage agencies and accounts; agency admins see only their own agency's accounts.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { navLink, openPage, screenshot, signIn } from './browser.ts';

let page: Page;
openPage((opened) => {
  page = opened;
});

describe('agency list', () => {
  it('searches agencies and opens one', async () => {
    await signIn(page, 'admin');
    await navLink(page, 'หน่วยงาน').click();
    const table = page.getByRole('table', { name: 'หน่วยงาน' });
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(1);
    await screenshot(page, 'agencies');

    await page.getByRole('searchbox', { name: 'ค้นหา' }).fill('DEMO47-04');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await table.locator('tbody tr a').first().click();
    await page.waitForURL(/\/agencies\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText('การเข้าร่วมการประเมินแต่ละปี').isVisible()).toBe(true);
    await screenshot(page, 'agency-detail');
  });

  it('says what to do next when nothing matches', async () => {
    await signIn(page, 'admin');
    await page.goto('/agencies?q=ไม่มีหน่วยงานนี้แน่นอน');
    await expect.poll(() => page.getByText('ไม่พบหน่วยงานที่ตรงกับการค้นหา').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'ล้างตัวกรอง' }).click();
    await expect
      .poll(() => page.getByRole('table', { name: 'หน่วยงาน' }).locator('tbody tr').count())
      .toBeGreaterThan(1);
  });
});

describe('user management', () => {
  it('lets an admin create an account and deactivate it', async () => {
    await signIn(page, 'admin');
    await page.goto('/users');
    const table = page.getByRole('table', { name: 'ผู้ใช้งาน' });
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThanOrEqual(5);
    await screenshot(page, 'users');

    await page.getByRole('button', { name: 'เพิ่มผู้ใช้งาน' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('ชื่อผู้ใช้').fill('e2e.assessor');
    await dialog.getByLabel('ชื่อที่แสดง').fill('ผู้ประเมินทดสอบ');
    await dialog.getByLabel('บทบาท').click();
    await page.getByRole('option', { name: 'ผู้ประเมิน', exact: true }).click();
    await dialog.getByLabel('รหัสผ่านเริ่มต้น').fill('e2e-password-123');
    await dialog.getByRole('button', { name: 'บันทึก' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    await page.getByRole('searchbox', { name: /ค้นหา/ }).fill('e2e.assessor');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await table.getByRole('button', { name: /การดำเนินการ/ }).click();
    await page.getByRole('menuitem', { name: 'ระงับการใช้งาน' }).click();
    await expect.poll(() => table.getByText('ระงับการใช้งาน').isVisible()).toBe(true);
  });

  it("shows an agency admin only their agency's accounts", async () => {
    await signIn(page, 'agency-admin');
    await page.getByRole('link', { name: 'ผู้ใช้งานของหน่วยงาน' }).click();
    const table = page.getByRole('table', { name: 'ผู้ใช้งาน' });
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(0);
    const roles = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    for (const role of roles) {
      expect(['ผู้ดูแลระบบของหน่วยงาน', 'ผู้บริหารหน่วยงาน', 'เจ้าหน้าที่ของหน่วยงาน']).toContain(role);
    }
    const agencies = await table.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(new Set(agencies).size).toBe(1);
  });
});

describe('change password', () => {
  it('tells the user when the current password is wrong', async () => {
    await signIn(page, 'executive');
    await page.getByRole('link', { name: 'เปลี่ยนรหัสผ่าน' }).click();
    await page.getByLabel('รหัสผ่านปัจจุบัน').fill('wrong-password');
    await page.getByLabel(/^รหัสผ่านใหม่/).fill('another-password-1');
    await page.getByLabel('ยืนยันรหัสผ่านใหม่').fill('another-password-1');
    await page.getByRole('button', { name: 'เปลี่ยนรหัสผ่าน' }).click();
    await expect.poll(() => page.getByRole('alert').isVisible()).toBe(true);
  });
});
