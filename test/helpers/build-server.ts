// Runs once per test run of the project holding the CLI process tests: compiles the server into dist/server
// (`npm run build:server`, a few seconds), because `prongsai` with NODE_ENV=production runs the compiled
// code, as production does; those tests must exercise the sources of this checkout, not an older build.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default function setup() {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-server.mjs')], { cwd: ROOT, stdio: 'pipe' });
}
