// Framework authoring in Chromium (issue 13 §1): a NACC admin copies FY2568 into next year's draft, changes a
// weight and a question, sees the problems at their fields in Thai and English, publishes, and finds the new
// version in the framework browser. Publishing FY2569 changes the newest year every other page starts from,
// so this file runs its own server on its own data folder instead of the suite's: no demo data (faster to
// start), the bundled frameworks, and a first NACC admin created with `prongsai admin create`.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, stopProcess, waitForHealth } from '../helpers/server-process.ts';
import { launch, screenshot } from './browser.ts';

const ADMIN = 'e2e-author';
const PASSWORD = 'Authoring-e2e-2569';

/** Runs a `prongsai` command to its end, `input` on its standard input. */
function prongsai(args: string[], env: NodeJS.ProcessEnv, input: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/prongsai.mjs', ...args], {
      cwd: ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`prongsai ${args[0]} failed (${code}):\n${out}`)),
    );
    child.stdin.end(input);
  });
}
const ROOT = path.resolve(import.meta.dirname, '../..');
/** The draft page loads a lazy chunk and two API answers; the machine may be busy. */
const SLOW = { timeout: 20_000 };

let server: ChildProcess | undefined;
let dataDir = '';
let browser: Browser | undefined;
let page: Page;

async function startServer(): Promise<string> {
  dataDir = await mkdtemp(path.join(tmpdir(), 'prongsai-e2e-authoring-'));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  let log = '';
  const { DATABASE_URL: _ignored, ...callerEnv } = process.env;
  const env = {
    ...callerEnv,
    NODE_ENV: 'development',
    PRONGSAI_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseURL,
    PRONGSAI_DEMO: 'false',
    MAIL_TRANSPORT: 'log',
    LOG_LEVEL: 'warn',
    COOKIE_SECURE: 'false',
    TZ: 'Asia/Bangkok',
  };
  await prongsai(
    ['admin', 'create', '--username', ADMIN, '--name', 'ผู้ดูแลระบบทดสอบ', '--email', 'author@nacc.example'],
    env,
    `${PASSWORD}\n${PASSWORD}\n`,
  );
  server = spawn(process.execPath, ['bin/prongsai.mjs', 'start'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  await waitForHealth(`${baseURL}/api/health`, server, () => log, 300_000);
  return baseURL;
}

beforeAll(async () => {
  // AUTHORING_E2E_URL: a server already started the same way (while working on this file).
  const baseURL = process.env.AUTHORING_E2E_URL ?? (await startServer());
  browser = await launch();
  const context = await browser.newContext({ baseURL, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  context.setDefaultTimeout(20_000);
  page = await context.newPage();
}, 480_000);

afterAll(async () => {
  await browser?.close();
  if (server) await stopProcess(server);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('framework authoring', () => {
  it('copies FY2568, changes a weight and a question, shows the problems, publishes FY2569', async () => {
    try {
      await authorNextYear();
    } catch (e) {
      await screenshot(page, 'authoring-failure');
      throw e;
    }
  });
});

async function authorNextYear() {
  await page.goto('/login');
  await page.locator('input[name="username"]').fill(ADMIN);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL((url) => url.pathname === '/');

  await page.goto('/frameworks/2568');
  await page.getByRole('button', { name: /^เริ่มกรอบปีถัดไป/ }).click();
  await page.waitForURL('**/frameworks/drafts/*');
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent(), SLOW)
    .toBe('ร่างกรอบการประเมิน ปีงบประมาณ พ.ศ. 2569');
  await expect.poll(() => page.getByText('ตรวจสอบผ่าน เผยแพร่ได้').isVisible(), SLOW).toBe(true);

  // A weight: the sum is wrong at once, in Thai and English, and publishing waits for it.
  const weights = page.getByLabel('น้ำหนัก (ร้อยละ)', { exact: true });
  await weights.nth(0).fill('35');
  await expect.poll(() => page.getByText('น้ำหนักของเครื่องมือรวมกันได้ 105 ไม่ใช่ 100').isVisible(), SLOW).toBe(true);
  expect(await page.getByText('Instrument weights sum to 105, not 100').isVisible()).toBe(true);
  expect(await page.getByRole('button', { name: 'เผยแพร่เป็นฉบับใหม่' }).isDisabled()).toBe(true);
  await weights.nth(3).fill('35');
  await expect.poll(() => page.getByText('ตรวจสอบผ่าน เผยแพร่ได้').isVisible(), SLOW).toBe(true);
  await screenshot(page, 'authoring-weights');

  // A question: an empty Thai text is reported at the field, not as the validator's words.
  await page.getByRole('tab', { name: /^ข้อคำถาม/ }).click();
  const thai = page.getByLabel('ข้อความคำถาม (ภาษาไทย)', { exact: true });
  await thai.fill('');
  await expect.poll(() => thai.getAttribute('aria-invalid'), SLOW).toBe('true');
  await expect
    .poll(() => page.getByText('กรุณากรอกข้อความคำถาม (ภาษาไทย)').first().isVisible(), SLOW)
    .toBe(true);
  expect(await page.getByText('Question text (Thai) is required').first().isVisible()).toBe(true);
  expect(await page.getByText(/ควรเป็น|ได้รับ|undefined/).count()).toBe(0);
  const newText = 'เจ้าหน้าที่ให้บริการตามขั้นตอนและกรอบเวลาที่ประกาศไว้เพียงใด (ฉบับปรับปรุง)';
  await thai.fill(newText);
  await expect.poll(() => page.getByText('ตรวจสอบผ่าน เผยแพร่ได้').isVisible(), SLOW).toBe(true);

  // Last year beside this draft.
  await page.getByRole('tab', { name: 'ความแตกต่างจากปีก่อน' }).click();
  const diff = page.getByRole('table', { name: 'ความแตกต่างจากปีก่อน' });
  await expect.poll(() => diff.getByText(newText).isVisible(), SLOW).toBe(true);
  expect(await diff.getByText('น้ำหนัก (ร้อยละ)').count()).toBe(2);
  await screenshot(page, 'authoring-diff');

  await page.getByRole('button', { name: 'บันทึกร่าง' }).click();
  await expect.poll(() => page.getByText('ยังไม่ได้บันทึก').count(), SLOW).toBe(0);
  await page.getByRole('button', { name: 'เผยแพร่เป็นฉบับใหม่' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'เผยแพร่', exact: true }).click();
  await page.waitForURL('**/frameworks/2569?published=1');
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent(), SLOW)
    .toBe('กรอบการประเมิน ปีงบประมาณ พ.ศ. 2569');
  await expect.poll(() => page.getByText('ฉบับที่ 1').first().isVisible(), SLOW).toBe(true);
  await page.getByRole('tab', { name: 'ตัวชี้วัดและข้อคำถาม' }).click();
  await expect.poll(() => page.getByText(newText).isVisible(), SLOW).toBe(true);
  await screenshot(page, 'authoring-published');
}
