// The agency's results report (issue 10 §3) against the real server: NACC processes the demo year and
// publishes it through the staff API (as an admin would on the publications page); before that the
// agency's executive finds a page that says the results are not out; NACC sees an embargoed publication
// with its banner; once published the executive opens the report from the home page and downloads the
// XLSX (opened with exceljs: it holds the total); the page fits 360 px and prints as A4; NACC publishes a
// correction and the province's supervisor opens the agency's report from the agency page, with the
// correction's public reason. Screenshots (E2E_SCREENSHOTS): desktop, 360 px, print.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainHeading, openPage, screenshot, signIn, signOut } from './browser.ts';
import { type StaffApi, signInApi } from './staff-api.ts';

const YEAR = 2568;
const OFFICE = { clientAddress: '192.0.2.61' };
/** What the assessor writes (seed 002's form: ข้อ … ประเด็น … ข้อเสนอแนะ …). */
const ADVICE = {
  code: 'i2',
  issue: 'บุคลากรบางส่วนเห็นว่าการให้บริการแก่ผู้มาติดต่อยังไม่เท่าเทียมกัน (e2e)',
  advice: 'ควรกำหนดขั้นตอนการให้บริการไว้ในคู่มือและเผยแพร่ให้บุคลากรถือปฏิบัติ (e2e)',
  overall: 'หน่วยงานควรรักษามาตรฐานและสื่อสารมาตรการให้ทั่วถึง (e2e)',
};
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 250 });

interface Publication {
  id: string;
  runId: string;
  state: string;
}
interface Run {
  id: string;
  kind: string;
  status: string;
}

async function send(staff: StaffApi, method: 'post', url: string, data?: unknown) {
  const res = await staff.api[method](url, { data, headers: { 'x-csrf-token': staff.csrf } });
  expect(res.status(), `${method.toUpperCase()} ${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

async function publications(admin: StaffApi): Promise<Publication[]> {
  const res = await admin.api.get(`/api/results/${YEAR}/publications`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: Publication[] }).items;
}

/**
 * A finished processing run of the year: one queued or running is waited for, else one is queued (`fresh`:
 * always a new one, after any in progress).
 */
async function finishedRun(admin: StaffApi, { fresh = false } = {}): Promise<Run> {
  const runs = ((await (await admin.api.get(`/api/results/${YEAR}/runs`)).json()) as { items: Run[] }).items;
  const active = runs.find((r) => r.kind === 'run' && (r.status === 'queued' || r.status === 'running'));
  if (active && fresh) await finishedRunOf(admin, active);
  const run =
    (fresh ? undefined : active) ??
    ((await send(admin, 'post', `/api/results/${YEAR}/runs`, { kind: 'run', scope: 'all' })) as Run);
  return finishedRunOf(admin, run);
}

async function finishedRunOf(admin: StaffApi, queued: Run): Promise<Run> {
  let run = queued;
  // A hook cannot use expect.poll: wait by hand (the worker takes a run within seconds).
  const until = Date.now() + 120_000;
  while (run.status !== 'done') {
    expect(run.status, 'the processing run failed').not.toBe('failed');
    if (Date.now() > until) throw new Error(`the processing run is still ${run.status} after 2 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    run = (await (await admin.api.get(`/api/results/${YEAR}/runs/${run.id}`)).json()) as Run;
  }
  return run;
}

describe('the agency results report', () => {
  let page: Page;
  openPage((p) => (page = p), { oneForTheFile: true, ...OFFICE });
  let admin: StaffApi;
  let executive: StaffApi;
  let agencyId: string;
  let run: Run;
  let publishedBefore: boolean;
  const reportPage = () => `/agencies/${agencyId}/results/${YEAR}`;

  beforeAll(async () => {
    admin = await signInApi('admin', OFFICE);
    executive = await signInApi('executive', OFFICE);
    agencyId = executive.agencyId as string;
    // Another file may have published the year already; then the "not published" step has nothing to show.
    publishedBefore = (await publications(admin)).some((p) => p.state === 'in_effect');
  });
  afterAll(async () => {
    await admin?.api.dispose();
    await executive?.api.dispose();
  });

  it('before publication, the executive reads that the results are not out and when they come', async () => {
    if (publishedBefore) return;
    const api = await executive.api.get(`/api/agencies/${agencyId}/results/${YEAR}/report`);
    expect(api.status()).toBe(404);
    expect((await api.json()).error.code).toBe('results_not_published');
    await signIn(page, 'executive');
    await page.goto(reportPage());
    const empty = page.getByTestId('report-not-published');
    await poll(() => empty.getByText('ยังไม่ได้เผยแพร่ผลการประเมินของปีนี้').count()).toBe(1);
    await poll(() => empty.getByText(/^กำหนดการประกาศเผยแพร่ผล:/).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'พิมพ์รายงาน (A4)' }).count()).toBe(0);
  });

  it('the assessor writes advice on the IIT, citing a question by its ITAS code, before processing', async () => {
    await signOut(page);
    await signIn(page, 'assessor');
    await page.goto(`/agencies/${agencyId}/advice/${YEAR}`);
    await page.getByRole('button', { name: 'เพิ่มข้อเสนอแนะแบบวัด IIT' }).click();
    const line = page.getByRole('group', { name: 'ข้อเสนอแนะที่ 1 (แบบวัด IIT)' });
    await line.getByLabel('ข้อคำถาม').click();
    await page.getByRole('option', { name: new RegExp(`^${ADVICE.code} — `) }).click();
    await line.getByLabel('ประเด็น').fill(ADVICE.issue);
    await line.getByLabel('ข้อเสนอแนะ', { exact: true }).fill(ADVICE.advice);
    await page.getByLabel('ความเห็นโดยรวม').fill(ADVICE.overall);
    await page.getByRole('button', { name: 'บันทึกข้อเสนอแนะ' }).click();
    await poll(() => page.getByText(/^บันทึกล่าสุดเมื่อ/).count()).toBe(1);
    // The processing run reads the advice as it stands now.
    run = await finishedRun(admin, { fresh: true });
  });

  it('an embargo: NACC sees the report with its banner before the time, the agency only after it', async () => {
    // A few seconds ahead, and left to take effect (not cancelled): a cancelled publication with a later time
    // would list above the publications other files make afterwards (newest publication time first).
    const publishAt = Date.now() + 10_000;
    const reportOf = async () => {
      const res = await executive.api.get(`/api/agencies/${agencyId}/results/${YEAR}/report`);
      return res.status() === 200 ? ((await res.json()) as { runId: string }).runId : res.status();
    };
    const before = await reportOf();
    await send(admin, 'post', `/api/results/${YEAR}/publications`, {
      runId: run.id,
      publishAt: new Date(publishAt).toISOString(),
      ...(publishedBefore ? { reason: 'ผลที่รวมข้อเสนอแนะของผู้ประเมิน (e2e)' } : {}),
    });
    expect(await reportOf()).toBe(before);
    await signOut(page);
    await signIn(page, 'admin');
    await page.goto(reportPage());
    const banner = page.getByTestId('report-embargo');
    await poll(() => banner.getByText('ยังไม่เผยแพร่ (อยู่ในช่วงห้ามเผยแพร่)').count()).toBe(1);
    await poll(() => banner.getByText(/^ผลนี้จะเผยแพร่เมื่อ/).count()).toBe(1);
    expect(Date.now(), 'the banner was checked before the publication time').toBeLessThan(publishAt);
    // Once the time has come, the agency reads the run.
    await poll(reportOf).toBe(run.id);
  });

  it('the executive opens the published report from the home page and downloads the XLSX', async () => {
    // The run with the advice is the one in effect (another file may have published an earlier run).
    const current = (await publications(admin)).find((p) => p.state === 'in_effect');
    if (current?.runId !== run.id)
      await send(admin, 'post', `/api/results/${YEAR}/publications`, {
        runId: run.id,
        ...(current ? { reason: 'ผลที่รวมข้อเสนอแนะของผู้ประเมิน (e2e)' } : {}),
      });
    const res = await executive.api.get(`/api/agencies/${agencyId}/results/${YEAR}/report`);
    expect(res.status(), await res.text()).toBe(200);
    const report = (await res.json()) as { total: number; indicators: unknown[] };

    await signOut(page);
    await signIn(page, 'executive');
    await page
      .getByTestId('report-links')
      .getByRole('link', { name: `รายงานผลการประเมิน พ.ศ. ${YEAR}` })
      .click();
    await page.waitForURL((url) => url.pathname === reportPage());
    // The lazily loaded page replaces the home page's heading a moment after the address changes.
    await poll(() => mainHeading(page)).toBe(`รายงานผลการประเมิน ITA ปีงบประมาณ พ.ศ. ${YEAR}`);
    await poll(() => page.getByTestId('report-total').textContent()).toBe(report.total.toFixed(2));
    const table = page.getByTestId('report-indicator-table');
    for (const head of ['ลำดับ', 'เครื่องมือ', 'ตัวชี้วัด', 'คะแนน', 'ผลการประเมิน'])
      expect(await table.getByRole('columnheader', { name: head, exact: true }).count()).toBe(1);
    expect(await table.locator('tbody tr').count()).toBe(report.indicators.length);
    // The chart is drawn (lazily loaded ECharts, SVG) and described for screen readers.
    const chart = page.getByTestId('report-indicator-chart');
    await poll(() => chart.locator('svg').count()).toBeGreaterThan(0);
    expect(await chart.getAttribute('aria-label')).toMatch(/^แผนภูมิแท่งคะแนนรายตัวชี้วัดเทียบกับเกณฑ์/);
    // The assessor's advice as the run kept it.
    const advice = page.getByTestId('report-advice');
    await poll(() => advice.getByText(`ข้อ ${ADVICE.code}`, { exact: false }).count()).toBeGreaterThan(0);
    expect(await advice.getByText(ADVICE.issue).count()).toBe(1);
    expect(await advice.getByText(ADVICE.overall).count()).toBe(1);
    await screenshot(page, 'report-desktop');

    const dir = await mkdtemp(path.join(tmpdir(), 'report-e2e-'));
    try {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'ดาวน์โหลดตารางทั้งหมด (XLSX)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const file = path.join(dir, download.suggestedFilename());
      await download.saveAs(file);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const values: unknown[] = [];
      book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => values.push(cell.value))));
      expect(book.worksheets.length).toBeGreaterThan(0);
      expect(
        values.some(
          (v) => v === report.total || (typeof v === 'string' && v.includes(report.total.toFixed(2))),
        ),
      ).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads at 360 px (tables scroll inside the page) and prints as A4 without the navigation', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(reportPage());
    await poll(() => page.getByTestId('report-total').count()).toBe(1);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'report-360');

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByRole('button', { name: 'พิมพ์รายงาน (A4)' }).isVisible()).toBe(false);
      expect(await page.getByRole('navigation', { name: 'เมนูหลัก' }).isVisible()).toBe(false);
      await screenshot(page, 'report-print');
      const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
      // A4 pages (595 × 842 points), more than one: the long sections start new pages.
      expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(1);
      const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
      expect(Math.round(Number(box?.[1]))).toBe(595);
      expect(Math.round(Number(box?.[2]))).toBe(842);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('the province supervisor opens the agency report from the agency page, with the reason of a correction', async () => {
    // NACC corrects the year: a new run published over the one in effect, with a public reason.
    const correction = await finishedRun(admin, { fresh: true });
    const reason = 'แก้ไขผลหลังผู้ประเมินพิจารณาคำชี้แจง OIT (e2e)';
    await send(admin, 'post', `/api/results/${YEAR}/publications`, { runId: correction.id, reason });
    await signOut(page);
    await signIn(page, 'supervisor');
    await page.goto(`/agencies/${agencyId}`);
    await page
      .getByTestId('report-links')
      .getByRole('link', { name: `รายงานผลการประเมิน พ.ศ. ${YEAR}` })
      .click();
    await page.waitForURL((url) => url.pathname === reportPage());
    await poll(() => page.getByTestId('report-total').count()).toBe(1);
    await poll(() => page.getByTestId('report-instrument-table').locator('tbody tr').count()).toBeGreaterThan(
      0,
    );
    expect(await page.getByRole('heading', { name: 'ผลการประเมิน OIT รายข้อ' }).count()).toBe(1);
    await poll(() => page.getByTestId('report-correction').textContent()).toContain(reason);
  });
});
