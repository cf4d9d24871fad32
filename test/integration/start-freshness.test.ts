// `npm start` runs the compiled server only when it was built from the sources as they are now
// (scripts/freshness.mjs): a changed, added or removed source file sends it back to the sources (tsx).
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript without types (run by Node before anything is compiled)
import { compiledServerIsFresh } from '../../scripts/freshness.mjs';

const isFresh = compiledServerIsFresh as (root: string) => boolean;

describe('compiledServerIsFresh', () => {
  let root: string;
  const past = new Date('2026-01-01T00:00:00Z');
  const src = (f: string) => path.join(root, 'src', f);
  /** Sources last touched at `past`; a build recorded as started one minute later. */
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'prongsai-fresh-'));
    mkdirSync(path.join(root, 'src', 'modules'), { recursive: true });
    mkdirSync(path.join(root, 'dist', 'server', 'cli'), { recursive: true });
    writeFileSync(src('server.ts'), 'export {};\n');
    writeFileSync(src('modules/a.ts'), 'export {};\n');
    for (const f of ['server.ts', 'modules/a.ts', 'modules', '']) utimesSync(src(f), past, past);
    writeFileSync(path.join(root, 'dist', 'server', 'cli', 'index.js'), '');
    const startedAt = past.getTime() + 60_000;
    writeFileSync(path.join(root, 'dist', 'server', 'build.json'), JSON.stringify({ startedAt }));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is fresh when nothing in src/ changed since the build started', () => {
    expect(isFresh(root)).toBe(true);
  });

  it('is stale once a source file changes', () => {
    writeFileSync(src('modules/a.ts'), 'export const changed = 1;\n');
    expect(isFresh(root)).toBe(false);
  });

  it('is stale once a source file is added or removed (its folder changes)', () => {
    rmSync(src('modules/a.ts'));
    expect(isFresh(root)).toBe(false);
  });

  it('is stale without a build record or a compiled entry', () => {
    rmSync(path.join(root, 'dist', 'server', 'build.json'));
    expect(isFresh(root)).toBe(false);
  });

  it('is stale when the record is not one it can read', () => {
    writeFileSync(path.join(root, 'dist', 'server', 'build.json'), '{"startedAt":"soon"}');
    expect(isFresh(root)).toBe(false);
  });
});
