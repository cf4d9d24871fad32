// Lessons learned (issue 11 §4) against the real server and the demo's published FY2567: the province's
// supervisor finds the page in the menu, opens FY2567 and sees the heatmap (lazily loaded ECharts, SVG,
// described in words) with its table (the API's agencies, row for row), sets the province's target (seed
// 000: 89 points for 100 % of agencies), downloads the XLSX (opened with exceljs: the heatmap sheet and the
// target); NACC chooses the nation (a heatmap row per province); the supervisor opens the Thai A4 report,
// which prints to an A4 PDF without the app's navigation.
// Screenshots (E2E_SCREENSHOTS): the page and the print view.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainHeading, navLink, openPage, screenshot, signIn, signOut } from './browser.ts';
import { type StaffApi, signInApi } from './staff-api.ts';

const YEAR = 2567;
const SCOPE = 'province:TH-47';
const OFFICE = { clientAddress: '192.0.2.67' };
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 250 });

interface Lessons {
  heatmap: { rows: { agency: { code: string } }[]; indicators: unknown[] };
}

describe('lessons learned', () => {
  let page: Page;
  openPage((p) => (page = p), { oneForTheFile: true, ...OFFICE });
  let supervisor: StaffApi;
  let lessons: Lessons;

  beforeAll(async () => {
    supervisor = await signInApi('supervisor', OFFICE);
    const res = await supervisor.api.get(`/api/lessons/${YEAR}?scope=${SCOPE}`);
    expect(res.status(), await res.text()).toBe(200);
    lessons = (await res.json()) as Lessons;
    expect(lessons.heatmap.rows.length).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await supervisor?.api.dispose();
  });

  it('the supervisor opens FY2567 from the menu and sees the heatmap with its table', async () => {
    await signIn(page, 'supervisor');
    await navLink(page, 'ถอดบทเรียนผลการประเมิน').click();
    // The menu leads to the newest published year (another file may have published FY2568 meanwhile).
    await page.waitForURL((url) => /^\/lessons\/\d{4}$/.test(url.pathname));
    await page.goto(`/lessons/${YEAR}`);
    await poll(() => mainHeading(page)).toBe(`ถอดบทเรียนผลการประเมิน ITA ปีงบประมาณ พ.ศ. ${YEAR}`);
    const chart = page.getByTestId('lessons-heatmap-chart');
    await poll(() => chart.locator('svg').count()).toBeGreaterThan(0);
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.getAttribute('aria-label')).toMatch(/^แผนภาพสีคะแนนรายตัวชี้วัด \d+ หน่วยงาน/);
    const table = page.getByTestId('lessons-heatmap-table');
    expect(await table.locator('tbody tr').count()).toBe(lessons.heatmap.rows.length);
    // One column per indicator beside the agency and its total.
    expect(await table.locator('thead th').count()).toBe(2 + lessons.heatmap.indicators.length);
    const first = lessons.heatmap.rows[0]?.agency.code as string;
    expect(await table.locator('tbody tr').first().textContent()).toContain(first);
    for (const id of ['lessons-ratings', 'lessons-national-target', 'lessons-own-target'])
      expect(await page.getByTestId(id).count()).toBe(1);
    await screenshot(page, 'lessons-desktop');
    // At 360 px the page does not scroll sideways: wide tables scroll inside themselves.
    await page.setViewportSize({ width: 360, height: 740 });
    await poll(() =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    await screenshot(page, 'lessons-360');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('sets the province’s target, which the page then reads against the totals', async () => {
    await page.getByLabel('คะแนนที่ต้องได้ (ขึ้นไป)').fill('89');
    await page.getByLabel('ร้อยละของหน่วยงานที่ต้องถึงเป้าหมาย').fill('100');
    await page.getByRole('button', { name: 'บันทึกเป้าหมาย' }).click();
    await poll(() => page.getByRole('status').getByText('บันทึกเป้าหมายแล้ว').count()).toBe(1);
    const own = page.getByTestId('lessons-own-target');
    await poll(() => own.textContent()).toContain('เป้าหมาย 89 คะแนนขึ้นไป ร้อยละ 100.00 ของหน่วยงาน');
    await poll(() => own.getByText(/บรรลุเป้าหมาย$/).count()).toBe(1);
  });

  it('downloads every table as one workbook with Thai sheets', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lessons-e2e-'));
    try {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'ดาวน์โหลดตารางทั้งหมด (XLSX)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`ita-lessons-province_TH-47-${YEAR}.xlsx`);
      const file = path.join(dir, download.suggestedFilename());
      await download.saveAs(file);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const heat = book.getWorksheet('คะแนนรายตัวชี้วัด');
      expect(heat?.rowCount).toBe(lessons.heatmap.rows.length + 1);
      expect(heat?.getRow(1).getCell(1).value).toBe('รหัสหน่วยงาน');
      const summary = book.getWorksheet('สรุปผล');
      const rows: unknown[][] = [];
      summary?.eachRow((row) => rows.push([row.getCell(1).value, row.getCell(2).value]));
      expect(rows).toContainEqual(['เป้าหมายของพื้นที่', '89 คะแนนขึ้นไป ร้อยละ 100 ของหน่วยงาน']);
      expect(rows).toContainEqual(['ปีงบประมาณ พ.ศ.', YEAR]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('NACC chooses the nation and sees a heatmap row per province beside the agencies', async () => {
    await signOut(page);
    await signIn(page, 'admin');
    await page.goto(`/lessons/${YEAR}?scope=nation`);
    await poll(() => mainHeading(page)).toBe(`ถอดบทเรียนผลการประเมิน ITA ปีงบประมาณ พ.ศ. ${YEAR}`);
    const provinces = page.getByTestId('lessons-province-heatmap-table');
    await poll(() => provinces.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await provinces.locator('tbody tr').first().textContent()).toContain('สกลนคร');
    await poll(() =>
      page.getByTestId('lessons-province-heatmap-chart').locator('svg').count(),
    ).toBeGreaterThan(0);
    // NACC sets the nation's own target from the same editor.
    expect(await page.getByRole('button', { name: 'บันทึกเป้าหมาย' }).count()).toBe(1);
    await signOut(page);
    await signIn(page, 'supervisor');
    await page.goto(`/lessons/${YEAR}`);
    await poll(() => page.getByTestId('lessons-heatmap-table').locator('tbody tr').count()).toBe(
      lessons.heatmap.rows.length,
    );
  });

  it('opens the Thai A4 report, which prints to an A4 PDF without the navigation', async () => {
    await page.getByRole('link', { name: 'รายงาน A4 สำหรับการประชุม' }).click();
    await page.waitForURL((url) => url.pathname === `/lessons/${YEAR}/print`);
    await poll(() => mainHeading(page)).toBe(
      `รายงานสรุปผลการประเมิน ITA และการถอดบทเรียน ปีงบประมาณ พ.ศ. ${YEAR}`,
    );
    const report = page.getByTestId('lessons-print');
    await poll(() => report.getByTestId('lessons-heatmap-table').locator('tbody tr').count()).toBe(
      lessons.heatmap.rows.length,
    );
    await poll(() => report.getByTestId('lessons-heatmap-chart').locator('svg').count()).toBeGreaterThan(0);
    expect(await page.getByRole('navigation', { name: 'เมนูหลัก' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'บันทึกเป้าหมาย' }).count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByRole('button', { name: 'พิมพ์ / บันทึกเป็น PDF' }).isVisible()).toBe(false);
      await screenshot(page, 'lessons-print');
      const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
      expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(0);
      const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
      expect(Math.round(Number(box?.[1]))).toBe(595);
      expect(Math.round(Number(box?.[2]))).toBe(842);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });
});
