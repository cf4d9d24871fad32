// Browsing the FY2568 framework in Thai, then in English; the score calculator.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { navLink, openPage, screenshot, signIn } from './browser.ts';

let page: Page;
openPage((opened) => {
  page = opened;
});

describe('framework browser', () => {
  it('shows FY2568 in Thai, then in English after switching language', async () => {
    await signIn(page, 'supervisor');
    await navLink(page, 'กรอบการประเมิน').click();
    await page.waitForURL('**/frameworks/2568');
    const h1 = page.getByRole('heading', { level: 1 });
    await expect.poll(() => h1.textContent()).toBe('กรอบการประเมิน ปีงบประมาณ พ.ศ. 2568');
    await expect.poll(() => page.getByText('แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)').isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('th');
    // The source note in the language in use.
    await expect.poll(() => page.getByText(/^ที่มา: โครงสร้าง \(เครื่องมือ น้ำหนัก/).isVisible()).toBe(true);

    await page.getByRole('tab', { name: 'ตัวชี้วัดและข้อคำถาม' }).click();
    await expect.poll(() => page.getByText('ระดับความคิดเห็น 4 ระดับ').first().isVisible()).toBe(true);
    await screenshot(page, 'framework-th');

    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => h1.textContent()).toBe('Framework, FY2568 (BE)');
    await expect.poll(() => page.getByText('Four-level scale').first().isVisible()).toBe(true);
    await page.getByRole('tab', { name: 'Instruments and weights' }).click();
    await expect
      .poll(() => page.getByText('Internal Integrity and Transparency Assessment (IIT)').isVisible())
      .toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect
      .poll(() => page.getByText(/^Source: Structure \(instruments, weights/).isVisible())
      .toBe(true);
    expect(await page.getByText(/^ที่มา:/).count()).toBe(0);
    await screenshot(page, 'framework-en');

    // The choice is remembered.
    await page.reload();
    await expect.poll(() => h1.textContent()).toBe('Framework, FY2568 (BE)');
  });

  it("shows the calendar as the server states it: the agency's own stages, extensions applied", async () => {
    await signIn(page, 'agency-admin');
    const read = (url: string) => page.evaluate(async (u) => (await fetch(u)).json(), url);
    const me = await read('/api/auth/me');
    const agencyId = me.user?.agencyId ?? me.agencyId;
    const calendar = await read(`/api/agencies/${agencyId}/calendar/2568`);
    const phases = (calendar.stages as { phase: string }[]).map((x) => x.phase);
    const count = (phase: string) => phases.filter((x) => x === phase).length;
    // Long after FY2568's own dates, the demo's extensions keep some of the agency's stages open: a page
    // reading the browser's clock against the framework's dates would call every stage past.
    expect(count('open')).toBeGreaterThan(0);
    await page.goto('/frameworks/2568?tab=calendar');
    const badges = (label: string) =>
      page.locator('.mantine-Timeline-root').getByText(label, { exact: true });
    await expect
      .poll(() => badges('กำลังดำเนินการ').count(), { timeout: 20_000, interval: 200 })
      .toBe(count('open'));
    expect(await badges('สิ้นสุดแล้ว').count()).toBe(count('ended'));
    expect(await badges('ยังไม่เริ่ม').count()).toBe(count('upcoming'));
  });

  it('compares FY2568 with the previous year side by side', async () => {
    await signIn(page, 'admin');
    await page.goto('/frameworks/2568/compare');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('เปรียบเทียบกรอบการประเมิน ปีงบประมาณ พ.ศ. 2568 กับปีก่อน');
    const weights = page.getByRole('table', { name: 'เครื่องมือและน้ำหนัก' });
    await expect
      .poll(() => weights.getByRole('columnheader').allTextContents())
      .toEqual(['พ.ศ. 2567', 'พ.ศ. 2568']);
    await screenshot(page, 'framework-compare');
  });

  it('calculates the total and rating from indicator scores (seed 004 worked example)', async () => {
    await signIn(page, 'assessor');
    await page.goto('/frameworks/score?year=2568');
    const scores: Record<string, string> = {
      '1': '98.22',
      '2': '99.33',
      '3': '100',
      '4': '94.44',
      '5': '98.67',
      '6': '99.76',
      '7': '99.20',
      '8': '99.44',
      '9': '93.25',
      '10': '90',
    };
    for (const [code, value] of Object.entries(scores)) {
      await page.getByLabel(new RegExp(`^ตัวชี้วัดที่ ${code} `)).fill(value);
    }
    await page.getByRole('button', { name: 'คำนวณ' }).click();
    await expect.poll(() => page.getByTestId('score-total').textContent()).toBe('95.93');
    expect(await page.getByTestId('score-rating').textContent()).toBe('ผ่านดี');
    await screenshot(page, 'score');
  });
});
