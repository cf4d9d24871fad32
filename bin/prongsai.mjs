#!/usr/bin/env node
// The `prongsai` command. Production (NODE_ENV=production) runs the compiled server in dist/server
// (`npm run build`); development runs the TypeScript sources through tsx, a development dependency, so that
// a change needs no rebuild. Without tsx installed (`npm ci --omit=dev`) the compiled server runs.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const compiled = path.join(root, 'dist', 'server', 'cli', 'index.js');

function tsxLoader() {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    return null;
  }
}

const loader = process.env.NODE_ENV === 'production' ? null : tsxLoader();
if (loader) {
  const { register } = await import(loader);
  register();
  await import('../src/cli/index.ts');
} else if (existsSync(compiled)) {
  await import(pathToFileURL(compiled).href);
} else {
  process.stderr.write(
    'prongsai: the server is not built (dist/server is missing). Run `npm run build` first.\n' +
      'prongsai: ยังไม่ได้ build เซิร์ฟเวอร์ (ไม่มี dist/server) กรุณารัน `npm run build` ก่อน\n',
  );
  process.exit(2);
}
