// Starts `prongsai start` on a free port with a fresh data folder (demo data seeded at start), waits until
// /api/health answers, hands the URL to the tests, and stops the server afterwards. Builds nothing: the
// SPA must already be in dist/web (`npm run build`).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { TestProject } from 'vitest/node';
import { freePort, stopProcess as stop, waitForHealth } from '../helpers/server-process.ts';
import { startTestSite } from '../helpers/test-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** A file holding everything the server wrote to stdout (e.g. console-sent one-time codes). */
    serverOutput: string;
    /** A small website on loopback (test/helpers/test-site.ts) the server may fetch evidence from. */
    testSiteOrigin: string;
  }
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default async function setup(project: TestProject) {
  if (!existsSync(path.join(ROOT, 'dist/web/index.html'))) {
    throw new Error('dist/web/index.html is missing: build the web app first with `npm run build`.');
  }
  assertPrecompressedCopiesMatch(path.join(ROOT, 'dist/web'));
  if (!existsSync('/usr/bin/chromium')) {
    throw new Error('/usr/bin/chromium is missing: `apt-get install -y chromium fonts-thai-tlwg-ttf`.');
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'prongsai-e2e-'));
  // Evidence URLs of the OIT test point at this site; the server may fetch it only because it is named.
  const site = await startTestSite();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  // The embedded database in the fresh folder, whatever the caller's environment points at.
  const { DATABASE_URL: _ignored, ...callerEnv } = process.env;
  const child = spawn(process.execPath, ['bin/prongsai.mjs', 'start'], {
    cwd: ROOT,
    env: {
      ...callerEnv,
      NODE_ENV: 'development',
      PRONGSAI_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      PRONGSAI_DEMO: 'true',
      MAIL_TRANSPORT: 'log',
      LOG_LEVEL: 'warn',
      COOKIE_SECURE: 'false',
      // X-Forwarded-For from the local test clients only: lets a file stand for users on another network
      // (see clientHeaders in browser.ts) instead of the whole suite sharing one per-address login limit.
      TRUST_PROXY: '127.0.0.1',
      TZ: 'Asia/Bangkok',
      EVIDENCE_ALLOW_HOSTS: site.host,
      // Reminders and notices are delivered whatever the hour the suite runs at (no quiet hours).
      NOTICE_QUIET_HOURS: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  // The console OTP sender writes codes to stdout; tests read them from this file (see server-output.ts).
  const serverOutput = path.join(dataDir, 'server-stdout.log');
  child.stdout?.pipe(createWriteStream(serverOutput));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  try {
    await waitForHealth(`${baseUrl}/api/health`, child, () => log);
  } catch (e) {
    await stop(child);
    await site.close();
    await rm(dataDir, { recursive: true, force: true });
    throw e;
  }
  project.provide('baseUrl', baseUrl);
  project.provide('serverOutput', serverOutput);
  project.provide('testSiteOrigin', site.origin);

  return async () => {
    await stop(child);
    await site.close();
    await rm(dataDir, { recursive: true, force: true });
  };
}

/** The server sends .gz/.br copies to browsers that accept them: they must be the very files they stand for. */
function assertPrecompressedCopiesMatch(dir: string) {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const name = entry.name;
    if (!entry.isFile() || !(name.endsWith('.gz') || name.endsWith('.br'))) continue;
    const file = path.join(entry.parentPath, name);
    const copy = readFileSync(file);
    const original = readFileSync(file.slice(0, -3));
    const unpacked = name.endsWith('.gz') ? gunzipSync(copy) : brotliDecompressSync(copy);
    if (!unpacked.equals(original))
      throw new Error(`${file} does not match the file it compresses: rebuild the web app`);
  }
}
