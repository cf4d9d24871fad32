// First-load weight of the respondent pages, as a phone sees it: starts the real server on a throwaway data
// folder (demo data), opens /respond/iit/<a demo agency> in Chromium at 360×740 and lists every resource the
// page fetched with its bytes on the wire and its gzip size, then the total against the budget
// (120 KB gzip, fonts included). Builds nothing: run `npm run build` first. Prints figures; exits 1 on FAIL.
// Run: npm run bench:respondent-size
import { existsSync } from 'node:fs';
import path from 'node:path';
import { kb, launchBrowser, measurePage, printResources, ROOT, startServer } from './page-weight.ts';

const BUDGET_BYTES = 120 * 1024;

async function demoAgencyId(url: string): Promise<string> {
  const res = await fetch(`${url}/api/respond/agencies`);
  const { items } = (await res.json()) as { items?: { id: string }[] };
  const id = items?.[0]?.id;
  if (!id) throw new Error(`no demo agency open for answers (GET /api/respond/agencies → ${res.status})`);
  return id;
}

async function main() {
  if (!existsSync(path.join(ROOT, 'dist/web/respond.html')))
    throw new Error('dist/web/respond.html is missing: run `npm run build` first.');
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const pagePath = `/respond/iit/${await demoAgencyId(server.url)}`;
    const resources = await measurePage(browser, server.url, pagePath);
    console.log(`respondent first load: ${pagePath} at 360×740 (Chromium, cache disabled)\n`);
    const { total } = printResources(server.url, resources);
    console.log(`\ntotal gzip (budget measure): ${kb(total)} — budget ${kb(BUDGET_BYTES)}`);
    const pass = total <= BUDGET_BYTES;
    console.log(pass ? 'PASS' : 'FAIL');
    process.exitCode = pass ? 0 : 1;
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
