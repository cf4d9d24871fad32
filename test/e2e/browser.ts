// Chromium for the e2e tests: the system's /usr/bin/chromium (never a downloaded build), Thai locale and
// Bangkok time as a Thai user has them.
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const DEMO_PASSWORD = 'demo1234';

export function baseUrl(): string {
  return inject('baseUrl');
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export async function newContext(
  browser: Browser,
  viewport: { width: number; height: number } = { width: 1280, height: 900 },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
    viewport,
  });
  context.setDefaultTimeout(15_000);
  return context;
}

/** Signs in through the login page (in Thai) and waits for the home page's heading. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/** The page's main heading (each page has exactly one h1). */
export async function mainHeading(page: Page): Promise<string> {
  const h1 = page.getByRole('heading', { level: 1 });
  await expect.poll(async () => (await h1.count()) === 1).toBe(true);
  return (await h1.textContent()) ?? '';
}

/** Screenshots for a person to look at, only when E2E_SCREENSHOTS names a folder. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
