// Each demo role signs in and lands on its own home page.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, screenshot, signIn } from './browser.ts';

let page: Page;
openPage((opened) => {
  page = opened;
});

const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });

describe('role home pages', () => {
  it('shows the administrator system counts and shortcuts', async () => {
    await signIn(page, 'admin');
    await expect.poll(() => heading('หน้าหลักผู้ดูแลระบบ').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('หน่วยงานทั้งหมด').isVisible()).toBe(true);
    await expect
      .poll(() => page.getByRole('link', { name: 'นำเข้ากรอบการประเมิน' }).first().isVisible())
      .toBe(true);
    expect(await page.getByTestId('signed-in-user').textContent()).not.toBe('');
    await screenshot(page, 'home-admin');
  });

  it('shows a supervisor the agencies in scope with their participation', async () => {
    await signIn(page, 'supervisor');
    await expect.poll(() => heading('หน้าหลักผู้กำกับติดตาม').isVisible()).toBe(true);
    const table = page.getByRole('table', { name: /หน่วยงานในความรับผิดชอบ/ });
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(0);
    await expect.poll(() => table.getByText('ลงทะเบียนแล้ว').first().isVisible()).toBe(true);
    await screenshot(page, 'home-supervisor');
  });

  it('shows an assessor the assigned agencies', async () => {
    await signIn(page, 'assessor');
    await expect.poll(() => heading('หน้าหลักผู้ประเมิน').isVisible()).toBe(true);
    const table = page.getByRole('table', { name: /หน่วยงานที่ได้รับมอบหมาย/ });
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshot(page, 'home-assessor');
  });

  for (const [username, title] of [
    ['agency-admin', 'หน้าหลักผู้ดูแลระบบของหน่วยงาน'],
    ['executive', 'หน้าหลักผู้บริหารหน่วยงาน'],
  ] as const) {
    it(`shows ${username} their agency, this year's participation and the calendar in BE`, async () => {
      await signIn(page, username);
      await expect.poll(() => heading(title).isVisible()).toBe(true);
      await expect.poll(async () => (await page.getByTestId('agency-name').textContent()) ?? '').not.toBe('');
      await expect
        .poll(() => page.getByText('การเข้าร่วมการประเมิน ปีงบประมาณ พ.ศ. 2568').isVisible())
        .toBe(true);
      // The FY2568 calendar: registration in January 2025 = มกราคม 2568 (BE).
      await expect.poll(() => page.getByText('ลงทะเบียนเข้าร่วมการประเมิน').first().isVisible()).toBe(true);
      await expect
        .poll(() =>
          page
            .getByText(/1 ม\.ค\. 2568 – 31 ม\.ค\. 2568/)
            .first()
            .isVisible(),
        )
        .toBe(true);
      await expect
        .poll(async () => (await page.getByTestId('current-stage').textContent()) ?? '')
        .not.toBe('');
      await screenshot(page, `home-${username}`);
    });
  }

  it('refuses a wrong password with the server message in Thai', async () => {
    await page.goto('/login');
    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.isVisible()).toBe(true);
    expect(await alert.textContent()).toMatch(/[ก-๙]/);
    expect(new URL(page.url()).pathname).toBe('/login');
  });
});
