// First-load weight of the respondent pages, as a phone sees it: starts the real server on a throwaway data
// folder (demo data), opens /respond/iit/<a demo agency> in Chromium at 360×740 and lists every resource the
// page fetched with its bytes on the wire and its gzip size, then the total against the budget
// (120 KB gzip, fonts included). Builds nothing: run `npm run build` first. Prints figures; exits 1 on FAIL.
// Run: npm run bench:respondent-size
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { freePort, stopProcess as stop, waitForHealth } from '../test/helpers/server-process.ts';

const BUDGET_BYTES = 120 * 1024;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Already compressed formats are counted as they are; text is counted gzipped (level 6, what servers use).
const COMPRESSED_TYPES = /font\/woff2?|image\/(png|jpe?g|webp|avif)/;

async function startServer(): Promise<{ url: string; child: ChildProcess; dataDir: string }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'prongsai-bench-size-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ['bin/prongsai.mjs', 'start'], {
    cwd: ROOT,
    env: {
      ...env,
      NODE_ENV: 'development',
      PRONGSAI_DATA_DIR: dataDir,
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
  return { url, child, dataDir };
}

interface Resource {
  url: string;
  type: string;
  encoding: string;
  wire: number;
  body: number;
  gzip: number;
}

async function demoAgencyId(url: string): Promise<string> {
  const res = await fetch(`${url}/api/respond/agencies`);
  const { items } = (await res.json()) as { items?: { id: string }[] };
  const id = items?.[0]?.id;
  if (!id) throw new Error(`no demo agency open for answers (GET /api/respond/agencies → ${res.status})`);
  return id;
}

async function measure(url: string, pagePath: string): Promise<Resource[]> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage'],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'th-TH',
      timezoneId: 'Asia/Bangkok',
    });
    const page = await context.newPage();
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
    // The first step is on screen and its fonts are in (they load only once text needs them).
    await page.getByRole('heading', { level: 1 }).waitFor();
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
    await browser.close();
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function main() {
  if (!existsSync(path.join(ROOT, 'dist/web/respond.html')))
    throw new Error('dist/web/respond.html is missing: run `npm run build` first.');
  const { url, child, dataDir } = await startServer();
  try {
    const pagePath = `/respond/iit/${await demoAgencyId(url)}`;
    const resources = await measure(url, pagePath);
    console.log(`respondent first load: ${pagePath} at 360×740 (Chromium, cache disabled)\n`);
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
      `\ntransferred (wire, as served): ${kb(sum((r) => r.wire))} in ${resources.length} requests` +
        `\ntotal gzip (budget measure):   ${kb(total)} (fonts ${kb(fonts)}) — budget ${kb(BUDGET_BYTES)}`,
    );
    const pass = total <= BUDGET_BYTES;
    console.log(pass ? 'PASS' : 'FAIL');
    process.exitCode = pass ? 0 : 1;
  } finally {
    await stop(child);
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
