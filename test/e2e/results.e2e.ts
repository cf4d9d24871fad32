// Processing and publication as NACC runs them, against the real server and the demo's FY2568 (its agencies
// registered, populations approved, responses collected): the admin starts a processing run from the screen
// and watches the progress bar reach done, previews one agency, downloads the results as XLSX, processes
// again after new responses arrived, sees the agency that changed against the first run, and publishes.
// Other files submit responses too: only what this file changed is asserted.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, navLink, openPage, screenshot, signIn } from './browser.ts';
import { type StaffApi, signInApi } from './staff-api.ts';

const YEAR = 2568;
/** A demo agency whose IIT has more responses than its minimum: new responses move its score. */
const CHANGED = 'DEMO47-01';
const OFFICE = { clientAddress: '192.0.2.60' };
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 100 });

interface Question {
  code: string;
  options: { value: string }[];
  subItems: { code: string }[];
}

/** IIT responses through the public API, every answer the last option (far from the demo's mix). */
async function submitIit(agencyId: string, accessCode: string, count: number): Promise<void> {
  const respondent = await request.newContext({ baseURL: baseUrl() });
  try {
    const { questionnaire } = await (await respondent.get(`/api/respond/${agencyId}/IIT`)).json();
    const questions = (questionnaire.groups as { questions: Question[] }[]).flatMap((g) => g.questions);
    const last = (q: Question) => (q.options[q.options.length - 1] as { value: string }).value;
    const answers = Object.fromEntries(
      questions.map((q) => [
        q.code,
        q.subItems.length === 0 ? last(q) : Object.fromEntries(q.subItems.map((s) => [s.code, last(q)])),
      ]),
    );
    for (let i = 0; i < count; i++) {
      const access = await respondent.post(`/api/respond/${agencyId}/IIT/access`, { data: { accessCode } });
      expect(access.status()).toBe(200);
      const { grant } = await access.json();
      const submit = await respondent.post(`/api/respond/${agencyId}/IIT/submit`, {
        data: { grant, submissionId: randomUUID(), answers, durationSeconds: 400 },
      });
      expect({ status: submit.status(), body: await submit.json() }).toEqual({
        status: 200,
        body: { status: 'recorded' },
      });
    }
  } finally {
    await respondent.dispose();
  }
}

describe('processing and publication (NACC admin)', () => {
  let page: Page;
  openPage((p) => (page = p), { oneForTheFile: true, ...OFFICE });
  let admin: StaffApi;
  let changed: { id: string; nameTh: string };

  beforeAll(async () => {
    admin = await signInApi('admin', OFFICE);
    const list = await (await admin.api.get(`/api/agencies?q=${CHANGED}`)).json();
    changed = list.items.find((a: { code: string }) => a.code === CHANGED);
    expect(changed).toBeTruthy();
    await signIn(page, 'admin');
  });
  afterAll(async () => {
    await admin?.api.dispose();
  });

  const detail = () => page.getByTestId('run-detail');
  const detailStatus = () => detail().locator('[data-status]').first().getAttribute('data-status');
  /** Waits until the opened run is done, noting each progress the bar showed on the way. */
  async function watchToDone(): Promise<number[]> {
    const seen: number[] = [];
    const bar = detail().getByRole('progressbar');
    await poll(async () => {
      const now = Number((await bar.getAttribute('aria-valuenow')) ?? -1);
      if (seen.at(-1) !== now) seen.push(now);
      return detailStatus();
    }).toBe('done');
    return seen;
  }
  const openedRun = () => new URL(page.url()).searchParams.get('run');
  /** Starts a run from the screen and waits until the screen opened the new run (its id in the address). */
  const start = async (label: 'เริ่มประมวลผล' | 'เริ่มทดลองประมวลผล') => {
    const before = openedRun();
    await page.getByRole('button', { name: label, exact: true }).click();
    await poll(() => {
      const now = openedRun();
      return now !== null && now !== before;
    }).toBe(true);
    await poll(() => detail().getAttribute('data-run')).toBe(openedRun());
    await poll(() => page.getByRole('status').filter({ hasText: 'ส่งเข้าคิวแล้ว' }).count()).toBe(1);
  };

  it('starts a processing run from the screen and watches the progress bar reach done', async () => {
    await navLink(page, 'ประมวลผลและเผยแพร่').click();
    // The menu opens the newest year with a framework; the demo collects FY2568.
    await page.waitForURL((url) => /^\/processing\/\d{4}$/.test(url.pathname));
    if (new URL(page.url()).pathname !== `/processing/${YEAR}`) await page.goto(`/processing/${YEAR}`);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'ประมวลผลและเผยแพร่ผลการประเมิน',
    );
    await start('เริ่มประมวลผล');
    const seen = await watchToDone();
    expect(seen.at(-1)).toBe(100);
    const label = (await detail().getByRole('progressbar').getAttribute('aria-label')) ?? '';
    const [, done, total] = /(\d+) จาก (\d+) หน่วยงาน/.exec(label) ?? [];
    expect(Number(done)).toBeGreaterThan(0);
    expect(done).toBe(total);
    await expect.poll(() => detail().getByText('เสร็จสมบูรณ์').first().isVisible()).toBe(true);
    // Who ran it and how long it took, in words.
    expect(await detail().textContent()).toContain(admin.displayName);
    expect(await detail().textContent()).toMatch(/ใช้เวลา \d+ วินาที/);
    // The run's agency results: the agency that answered enough shows its total and rating in words.
    const row = detail().getByRole('row').filter({ hasText: changed.nameTh });
    await poll(() => row.count()).toBe(1);
    await screenshot(page, 'results-run-done');
  });

  it('downloads the run’s results as XLSX with the table’s headers', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      detail().getByRole('button', { name: 'ดาวน์โหลด XLSX' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(file)).buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('the workbook has no sheet');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['รหัส', 'หน่วยงาน', 'คะแนนรวม', 'ระดับผล', 'ผลการประเมิน']);
    const codes = sheet.getColumn(1).values.slice(2);
    expect(codes).toContain(CHANGED);
  });

  it('previews one agency', async () => {
    await page.getByText('ทดลองประมวลผล (ไม่เผยแพร่)', { exact: true }).click();
    await page.getByRole('combobox', { name: 'ขอบเขต' }).click();
    await page.getByRole('option', { name: 'หน่วยงานเดียว' }).click();
    const picker = page.getByRole('combobox', { name: 'หน่วยงาน' });
    await picker.click();
    await picker.fill(CHANGED);
    await page.getByRole('option', { name: new RegExp(CHANGED) }).click();
    await start('เริ่มทดลองประมวลผล');
    await watchToDone();
    await poll(() => detail().getByRole('heading', { level: 2 }).first().textContent()).toMatch(
      /^ทดลองประมวลผล/,
    );
    const rows = detail().getByRole('table', { name: 'ผลรายหน่วยงาน' }).getByRole('row');
    await poll(() => rows.count()).toBe(2); // the header and the one agency
    await poll(() => rows.nth(1).textContent()).toContain(changed.nameTh);
    await expect.poll(() => detail().getByText('เผยแพร่ไม่ได้', { exact: false }).isVisible()).toBe(true);
    await screenshot(page, 'results-preview');
  });

  it('processes again after new responses and shows what changed against the first run', async () => {
    const access = await admin.api.get(`/api/agencies/${changed.id}/iit-access/${YEAR}`);
    expect(access.status()).toBe(200);
    // Answers are held and released in shuffled batches (k = 5) while collection is open: 15 waiting release
    // 10 of them when the run starts (src/modules/responses/release.ts).
    await submitIit(changed.id, (await access.json()).accessCode, 15);

    await page.getByText('ประมวลผลจริง (ทุกหน่วยงาน)', { exact: true }).click();
    await start('เริ่มประมวลผล');
    await watchToDone();
    await detail().getByRole('tab', { name: 'เปรียบเทียบกับรอบอื่น' }).click();
    const changes = detail().getByRole('table', { name: 'หน่วยงานที่ผลเปลี่ยน' });
    const row = changes.getByRole('row').filter({ hasText: changed.nameTh });
    await poll(() => row.count()).toBe(1);
    // Before, after and the signed difference.
    await poll(() => row.textContent()).toMatch(/[+−]\d+\.\d\d/);
    await screenshot(page, 'results-changes');
  });

  it('publishes the run, with a reason in case another publication is in effect', async () => {
    const publish = page.locator('section', { has: page.locator('#publish-title') });
    // The run opened on the screen is the one offered for publication.
    await poll(() => publish.getByRole('combobox', { name: 'รอบการประมวลผล' }).inputValue()).not.toBe('');
    await publish.getByLabel(/เหตุผลของการแก้ไข/).fill('e2e: ผลหลังรับคำตอบเพิ่ม');
    await publish.getByRole('button', { name: 'เผยแพร่ทันที' }).click();
    const history = publish.getByRole('table', { name: 'ประวัติการเผยแพร่' });
    await poll(() => history.getByRole('row').nth(1).textContent()).toContain('มีผลอยู่');
    await screenshot(page, 'results-published');
  });

  it('fits a 360-px-wide screen', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload();
    // The page loads lazily: a busy machine takes longer than mainHeading's one-second poll.
    await poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'results-360');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
