#!/usr/bin/env node
// Runs before `npm start`. Development: builds the web app (and the compiled server, which starts faster) when
// missing or older than their sources, so
// that `npm install && npm start` works on a fresh clone and after a pull, without rebuilding on every start.
// Production never builds at start: it checks that `npm run build` was run and stops with a clear message
// if not.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compiledServerIsFresh, newestMtime } from './freshness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webIndex = path.join(root, 'dist', 'web', 'index.html');
const serverEntry = path.join(root, 'dist', 'server', 'cli', 'index.js');

function fail(en, th) {
  process.stderr.write(`prongsai: ${en}\nprongsai: ${th}\n`);
  process.exit(1);
}

if (process.env.NODE_ENV === 'production') {
  if (!existsSync(webIndex) || !existsSync(serverEntry))
    fail(
      'production runs the built app: run `npm run build` once after installing or updating, then `npm start`.',
      'โหมด production ใช้แอปที่ build แล้ว: รัน `npm run build` หนึ่งครั้งหลังติดตั้งหรืออัปเดต แล้วจึง `npm start`',
    );
} else {
  const stale =
    !existsSync(webIndex) ||
    Math.max(newestMtime(path.join(root, 'web')), newestMtime(path.join(root, 'src'))) >
      statSync(webIndex).mtimeMs;
  if (stale) {
    // Always the production bundle: a NODE_ENV=development in the shell would make Vite bundle React's
    // development build (twice the bytes, slower), which no one should be served.
    const r = spawnSync('npm', ['run', 'build:web', '--silent'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  // The compiled server starts in about half the CPU time of the sources through tsx (bench:start), so it is
  // built here too when missing or older than src/ — once after installing or changing the sources, never on
  // a start where nothing changed. A build that fails (a type error while editing) only costs the fast path:
  // bin/prongsai.mjs then runs the sources, as it does whenever the build is not fresh.
  if (!compiledServerIsFresh(root)) {
    const r = spawnSync('npm', ['run', 'build:server', '--silent'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0)
      process.stderr.write(
        'prongsai: the compiled server could not be built; starting from the sources (slower start).\n' +
          'prongsai: build เซิร์ฟเวอร์ไม่สำเร็จ จะเริ่มจากซอร์สโค้ดแทน (เริ่มช้ากว่า)\n',
      );
  }
}
