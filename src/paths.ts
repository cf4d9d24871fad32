// Where the files the server reads at run time live (migrations, bundled frameworks, the built web app).
// The server runs from its TypeScript sources (src/, development and tests) or compiled (dist/server/,
// production), at different depths below the package root: both find the root by walking up to the
// package.json of this package, never by a fixed number of `..`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'prongsai'
    )
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`prongsai: no package.json of prongsai above ${from}`);
  }
}

export const PACKAGE_ROOT = packageRoot(path.dirname(fileURLToPath(import.meta.url)));
/** Generated SQL migrations, applied at every start. */
export const MIGRATIONS_DIR = path.join(PACKAGE_ROOT, 'drizzle');
/** The yearly framework files shipped with the app. */
export const BUNDLED_FRAMEWORKS_DIR = path.join(PACKAGE_ROOT, 'frameworks');
/** The built web app (`npm run build`). */
export const WEB_DIST = path.join(PACKAGE_ROOT, 'dist', 'web');
