// Chromium for the e2e tests: the system's /usr/bin/chromium (never a downloaded build), Thai locale and
// Bangkok time as a Thai user has them.
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';

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
  viewport: Viewport = { width: 1280, height: 900 },
  { clientAddress }: { clientAddress?: string } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
    viewport,
    ...(clientAddress ? { extraHTTPHeaders: clientHeaders(clientAddress) } : {}),
  });
  context.setDefaultTimeout(15_000);
  return context;
}

type Viewport = { width: number; height: number };

/**
 * Every browser and API client of the suite connects from 127.0.0.1, so the whole suite shares one
 * per-address budget (20 sign-ins a minute). A file standing for people elsewhere gives its clients their
 * own address (TEST-NET, 192.0.2.0/24), which the e2e server — trusting 127.0.0.1 as a proxy — takes as
 * the client's.
 */
export function clientHeaders(clientAddress: string): Record<string, string> {
  return { 'x-forwarded-for': clientAddress };
}

/**
 * Opens Chromium for the calling test file and hands `use` the page the tests drive: a fresh context (no
 * cookies) for every test, or with `oneForTheFile` a single one the file's tests share in order.
 */
export function openPage(
  use: (page: Page) => void,
  {
    viewport,
    oneForTheFile = false,
    clientAddress,
  }: { viewport?: Viewport; oneForTheFile?: boolean; clientAddress?: string } = {},
): void {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const open = async () => {
    if (!browser) throw new Error('Chromium did not start');
    context = await newContext(browser, viewport, clientAddress ? { clientAddress } : {});
    use(await context.newPage());
  };
  const close = async () => {
    await context?.close();
  };

  beforeAll(async () => {
    browser = await launch();
    if (oneForTheFile) await open();
  });
  afterAll(async () => {
    if (oneForTheFile) await close();
    await browser?.close();
  });
  if (!oneForTheFile) {
    beforeEach(open);
    afterEach(close);
  }
}

/**
 * Forgets the signed-in user. The page is left first: a request still running on it (a page polling the
 * evidence checks, say) could otherwise answer after the cookies are cleared and set the session again.
 */
export async function signOut(page: Page): Promise<void> {
  await page.goto('about:blank');
  // Sessions are rolling: a response already on its way when the page was left still sets the cookie, even
  // after it was cleared. Clear until no cookie comes back.
  let quiet = 0;
  for (let round = 0; round < 30 && quiet < 3; round++) {
    if ((await page.context().cookies()).length === 0) quiet++;
    else {
      quiet = 0;
      await page.context().clearCookies();
    }
    await page.waitForTimeout(100);
  }
  if (quiet >= 3) return;
  throw new Error('signOut: the session cookie keeps coming back');
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

/** A link of the main navigation (home pages repeat some of them as shortcut buttons). */
export function navLink(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name, exact: true });
}
