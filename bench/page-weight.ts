// First-load weight of a page as a browser sees it, shared by bench:respondent-size and bench:app-size: the
// real server on a throwaway data folder (demo data), Chromium with its cache disabled, every resource the
// page fetched with its bytes on the wire and its gzip size.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from 'playwright-core';
import { freePort, stopProcess, waitForHealth } from '../test/helpers/server-process.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Already compressed formats are counted as they are; text is counted gzipped (level 6, what servers use).
const COMPRESSED_TYPES = /font\/woff2?|image\/(png|jpe?g|webp|avif)/;

export interface Server {
  url: string;
  child: ChildProcess;
  dataDir: string;
  /** Milliseconds from the spawn to the first healthy answer. */
  healthyMs: number;
  stop(opts?: { keepData?: boolean }): Promise<void>;
}

/** The development server (`bin/prongsai.mjs start`) with demo data, on `dataDir` or a new folder. */
export async function startServer(dataDir?: string): Promise<Server> {
  const dir = dataDir ?? (await mkdtemp(path.join(tmpdir(), 'prongsai-bench-size-')));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/prongsai.mjs', 'start'], {
    cwd: ROOT,
    env: {
      ...env,
      NODE_ENV: 'development',
      PRONGSAI_DATA_DIR: dir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      PRONGSAI_DEMO: 'true',
      MAIL_TRANSPORT: 'log',
      LOG_LEVEL: 'warn',
      COOKIE_SECURE: 'false',
      TZ: 'Asia/Bangkok',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-10_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  await waitForHealth(`${url}/api/health`, child, () => log);
  const healthyMs = performance.now() - started;
  return {
    url,
    child,
    dataDir: dir,
    healthyMs,
    async stop(opts = {}) {
      await stopProcess(child);
      if (!opts.keepData) await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface Resource {
  url: string;
  type: string;
  encoding: string;
  wire: number;
  body: number;
  gzip: number;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/**
 * Opens `pagePath` in a new 360×740 Thai context (after `before`, e.g. a sign-in through the API, whose
 * requests are not counted) and returns what the page fetched until its first heading and fonts were in.
 */
export async function measurePage(
  browser: Browser,
  url: string,
  pagePath: string,
  before?: (page: Page) => Promise<void>,
): Promise<Resource[]> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
    baseURL: url,
  });
  try {
    const page = await context.newPage();
    if (before) await before(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const seen = new Map<string, { url: string; type: string; encoding: string; wire?: number }>();
    cdp.on('Network.responseReceived', (e) => {
      const headers = Object.fromEntries(
        Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
      );
      seen.set(e.requestId, {
        url: e.response.url,
        type: e.response.mimeType,
        encoding: headers['content-encoding'] ?? '-',
      });
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = seen.get(e.requestId);
      if (r) r.wire = e.encodedDataLength;
    });
    await page.goto(`${url}${pagePath}`, { waitUntil: 'networkidle' });
    // The page is on screen and its fonts are in (they load only once text needs them).
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForLoadState('networkidle');
    const out: Resource[] = [];
    for (const [requestId, r] of seen) {
      if (r.wire === undefined) continue;
      const { body, base64Encoded } = await cdp.send('Network.getResponseBody', { requestId });
      const bytes = Buffer.from(body, base64Encoded ? 'base64' : 'utf8');
      const gzip = COMPRESSED_TYPES.test(r.type) ? bytes.length : gzipSync(bytes, { level: 6 }).length;
      out.push({ url: r.url, type: r.type, encoding: r.encoding, wire: r.wire, body: bytes.length, gzip });
    }
    return out;
  } finally {
    await context.close();
  }
}

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Prints the resources of one page and returns their gzip total. */
export function printResources(url: string, resources: Resource[]): { total: number; fonts: number } {
  console.log(`${'wire'.padStart(9)} ${'body'.padStart(9)} ${'gzip'.padStart(9)}  enc   resource`);
  for (const r of resources) {
    const name = r.url.replace(url, '');
    console.log(
      `${kb(r.wire).padStart(9)} ${kb(r.body).padStart(9)} ${kb(r.gzip).padStart(9)}  ${r.encoding.padEnd(5)} ${name}`,
    );
  }
  const sum = (f: (r: Resource) => number) => resources.reduce((s, r) => s + f(r), 0);
  const total = sum((r) => r.gzip);
  const fonts = sum((r) => (/font\//.test(r.type) ? r.gzip : 0));
  console.log(
    `transferred (wire, as served): ${kb(sum((r) => r.wire))} in ${resources.length} requests; ` +
      `gzip total ${kb(total)} (fonts ${kb(fonts)})`,
  );
  return { total, fonts };
}
