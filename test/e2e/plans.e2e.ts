// The provincial plan on a 360-px phone: the demo supervisor opens the province's FY2568 plan (seeded from the
// template with the framework's dates), adds an activity from the template, changes its period to exact days,
// saves, and downloads the plan (DOCX) and its activities table (XLSX); NACC reads the same plan without editing it.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mainHeading, openPage, screenshot, signIn } from './browser.ts';

let page: Page;
openPage(
  (opened) => {
    page = opened;
  },
  { viewport: { width: 360, height: 740 } },
);

// The machine running the suite may be loaded: give the page time.
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });
const PLAN_API = '/api/plans/2568/province/TH-47';
const horizontalOverflow = () =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const cards = () => page.getByRole('group', { name: /^กิจกรรมที่ \d+$/ });

interface PlanJson {
  version: number;
  activities: { kind: string; title: string; period: unknown; status: string }[];
}

describe('provincial plan', () => {
  it('the supervisor adds a template activity, dates it to exact days, saves and downloads the plan', async () => {
    await signIn(page, 'supervisor');
    await page.goto('/plans/2568');
    await poll(() => mainHeading(page)).toBe('แผนขับเคลื่อนการประเมิน ITA');
    const before = (await (await page.request.get(PLAN_API)).json()) as PlanJson;
    await poll(() => cards().count()).toBe(before.activities.length);

    await page.getByRole('combobox', { name: 'เพิ่มกิจกรรมจากแม่แบบ' }).click();
    await page.getByRole('option', { name: /^ประชุมติดตามความก้าวหน้าการดำเนินการตามมาตรการ/ }).click();
    await page.getByRole('button', { name: 'เพิ่ม', exact: true }).click();
    const n = before.activities.length + 1;
    await poll(() => cards().count()).toBe(n);
    const added = page.getByRole('group', { name: `กิจกรรมที่ ${n}`, exact: true });
    // The template's month (May 2025 in FY2568), then exact days in that month.
    await poll(() => added.getByText('พฤษภาคม 2568', { exact: true }).count()).toBe(1);
    await added.getByText('ระบุวันที่', { exact: true }).click();
    await added.getByLabel('ตั้งแต่วันที่').fill('2025-05-12');
    await added.getByLabel('ถึงวันที่').fill('2025-05-16');
    await poll(() => added.getByText('12 – 16 พฤษภาคม 2568', { exact: true }).count()).toBe(1);
    expect(await horizontalOverflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'plans-supervisor-360');

    await page.getByRole('button', { name: 'บันทึกแผน' }).click();
    // The notice says it was saved, then goes (on a phone it covers the buttons under the plan).
    await poll(() => page.getByText('บันทึกแผนแล้ว').count()).toBe(1);
    await poll(() => page.getByText('บันทึกแผนแล้ว').count()).toBe(0);
    await poll(async () => ((await (await page.request.get(PLAN_API)).json()) as PlanJson).version).toBe(
      before.version + 1,
    );
    const after = (await (await page.request.get(PLAN_API)).json()) as PlanJson;
    expect(after.activities.at(-1)).toMatchObject({
      kind: 'measures_meeting',
      status: 'planned',
      period: { kind: 'dates', from: '2025-05-12', to: '2025-05-16' },
    });

    const dir = await mkdtemp(path.join(tmpdir(), 'plans-e2e-'));
    try {
      const [download] = await Promise.all([
        // ExcelJS is loaded on the first download: slow on a loaded machine.
        page.waitForEvent('download', { timeout: 90_000 }),
        page.getByRole('button', { name: 'ดาวน์โหลดตารางกิจกรรม (XLSX)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const file = path.join(dir, download.suggestedFilename());
      await download.saveAs(file);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const sheet = book.worksheets[0];
      if (!sheet) throw new Error('the workbook has no sheet');
      const header = (sheet.getRow(1).values as unknown[]).filter(Boolean);
      expect(header).toEqual([
        'ลำดับ',
        'กิจกรรม/การดำเนินงาน',
        'ระยะเวลา',
        'หน่วยงานผู้รับผิดชอบ',
        'สถานะ',
        'หมายเหตุ',
      ]);
      expect(sheet.rowCount).toBe(n + 1);
      expect(sheet.getRow(n + 1).getCell(3).value).toBe('12 – 16 พฤษภาคม 2568');

      // The plan as an official document (DOCX, Thai digits), with the activity just added.
      const [docx] = await Promise.all([
        page.waitForEvent('download', { timeout: 90_000 }),
        page.getByRole('link', { name: 'ดาวน์โหลดแผน (Word)' }).click(),
      ]);
      expect(docx.suggestedFilename()).toBe('plan-province-TH-47-2568.docx');
      const docxFile = path.join(dir, 'plan.docx');
      await docx.saveAs(docxFile);
      const zip = await JSZip.loadAsync(await readFile(docxFile));
      const text = ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
      expect(text).toContain('ประจำปีงบประมาณ พ.ศ. ๒๕๖๘');
      expect(text).toContain('๑๒ – ๑๖ พฤษภาคม ๒๕๖๘');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('NACC reads the province’s plan without editing it', async () => {
    await signIn(page, 'admin');
    await page.goto('/plans/2568');
    await poll(() => page.getByRole('heading', { name: 'แผนของจังหวัดสกลนคร' }).count()).toBe(1);
    await poll(() => page.getByRole('article', { name: /^กิจกรรมที่ \d+$/ }).count()).toBeGreaterThan(15);
    expect(await page.getByRole('button', { name: 'บันทึกแผน' }).count()).toBe(0);
    // The chasing activities link to the agencies still behind on their stage.
    const link = page.getByRole('link', { name: /^การตอบและอนุมัติแบบตรวจ OIT/ }).first();
    expect(await link.getAttribute('href')).toBe('/monitoring/2568?province=TH-47&stage=oit_answering');
    expect(await horizontalOverflow()).toBeLessThanOrEqual(0);
  }, 120_000);
});
