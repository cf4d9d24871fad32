// Is a build older than its sources? Used by prestart.mjs (the web app) and bin/prongsai.mjs (the server).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * When a folder last changed: the newest modification time of the files and folders below it (a folder's time
 * moves when a file in it is added, removed or renamed), node_modules left out.
 */
export function newestMtime(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.parentPath.includes('node_modules') || entry.name === 'node_modules') continue;
    if (!entry.isFile() && !entry.isDirectory()) continue;
    newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * The compiled server (dist/server, `npm run build:server`) was built from src/ as it is now: the build
 * records when it started (dist/server/build.json), and nothing in src/ changed since.
 */
export function compiledServerIsFresh(root) {
  const server = path.join(root, 'dist', 'server');
  const record = path.join(server, 'build.json');
  if (!existsSync(path.join(server, 'cli', 'index.js')) || !existsSync(record)) return false;
  try {
    const { startedAt } = JSON.parse(readFileSync(record, 'utf8'));
    return typeof startedAt === 'number' && newestMtime(path.join(root, 'src')) < startedAt;
  } catch {
    return false;
  }
}
