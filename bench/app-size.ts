// bench:app-size (issue 13 §5): the first-load weight of the staff app as Chromium fetches it (cache
// disabled, 360×740, Thai), for the login page and for each role's home after signing in; then the start of
// `npm start` on the data folder the first start left (prestart must not rebuild an unchanged web app; the
// server must answer /api/health in ≤ 3 s). Goals: login ≤ 250 KB gzip, every home ≤ 400 KB gzip.
// Builds nothing: run `npm run build:web` first. Prints figures; exits 1 when a goal is missed.
// Run: npm run bench:app-size
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD } from '../src/modules/demo/demo.data.ts';
import { kb, launchBrowser, measurePage, printResources, ROOT, startServer } from './page-weight.ts';

const LOGIN_GOAL = 250 * 1024;
const HOME_GOAL = 400 * 1024;
const START_GOAL_MS = 3000;
const ROLES = ['admin', 'assessor', 'supervisor', 'agency-admin', 'executive', 'staff'] as const;

async function main() {
  const index = path.join(ROOT, 'dist/web/index.html');
  if (!existsSync(index)) throw new Error('dist/web/index.html is missing: run `npm run build:web` first.');
  const rows: { page: string; total: number; goal: number }[] = [];
  let server = await startServer();
  const browser = await launchBrowser();
  try {
    console.log('staff app first load at 360×740 (Chromium, cache disabled, Thai)\n');
    console.log('== /login');
    rows.push({
      page: '/login',
      total: printResources(server.url, await measurePage(browser, server.url, '/login')).total,
      goal: LOGIN_GOAL,
    });
    for (const username of ROLES) {
      console.log(`\n== / as ${username}`);
      const resources = await measurePage(browser, server.url, '/', async (page) => {
        const res = await page.request.post('/api/auth/login', {
          data: { username, password: DEMO_PASSWORD },
        });
        if (!res.ok()) throw new Error(`sign-in of ${username} → ${res.status()} ${await res.text()}`);
      });
      rows.push({
        page: `/ (${username})`,
        total: printResources(server.url, resources).total,
        goal: HOME_GOAL,
      });
    }
  } finally {
    await browser.close();
    await server.stop({ keepData: true });
  }

  // A second `npm start` on the same data folder: prestart, then the server.
  const builtBefore = statSync(index).mtimeMs;
  const t0 = performance.now();
  const pre = spawnSync(process.execPath, ['scripts/prestart.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const prestartMs = performance.now() - t0;
  if (pre.status !== 0) throw new Error(`scripts/prestart.mjs exited with ${pre.status}`);
  const rebuilt = statSync(index).mtimeMs !== builtBefore;
  server = await startServer(server.dataDir);
  const healthyMs = server.healthyMs;
  await server.stop();

  console.log('\n== summary (gzip, fonts included)');
  let missed = false;
  for (const r of rows) {
    const met = r.total <= r.goal;
    missed ||= !met;
    console.log(
      `${r.page.padEnd(24)} ${kb(r.total).padStart(10)}  goal ≤ ${kb(r.goal)}  ${met ? 'met' : 'NOT MET'}`,
    );
  }
  const startMs = prestartMs + healthyMs;
  const startMet = !rebuilt && startMs <= START_GOAL_MS;
  missed ||= !startMet;
  console.log(
    `start on the existing data folder: prestart ${(prestartMs / 1000).toFixed(2)} s (web app rebuilt: ${rebuilt ? 'yes' : 'no'}), ` +
      `server healthy after ${(healthyMs / 1000).toFixed(2)} s; total ${(startMs / 1000).toFixed(2)} s — goal ≤ 3 s without a rebuild: ${startMet ? 'met' : 'NOT MET'}`,
  );
  process.exitCode = missed ? 1 : 0;
}

await main();
