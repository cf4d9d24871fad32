#!/usr/bin/env node
// `npm run build:server`: compiles src/ to dist/server/ (plain JavaScript, same layout) and copies the
// JavaScript files the server loads by path at run time (the PDF worker). Type checking is `npm run typecheck`.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'server');
// Sources changed after this moment are not in the build: bin/prongsai.mjs then runs them through tsx.
const startedAt = Date.now();
rmSync(out, { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--noCheck'], {
  cwd: root,
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);

const src = path.join(root, 'src');
let copied = 0;
for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
  if (!/\.(mjs|cjs)$/.test(file) || /\.test\.|\.testing\./.test(file)) continue;
  cpSync(path.join(src, file), path.join(out, file));
  copied++;
}
// Production installs have no devDependencies: the build must not import tsx, nor a TypeScript file.
const offending = [];
for (const file of readdirSync(out, { recursive: true, encoding: 'utf8' })) {
  if (!/\.(js|mjs)$/.test(file)) continue;
  const text = readFileSync(path.join(out, file), 'utf8');
  for (const m of text.matchAll(/(?:from\s*|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) {
    const spec = m[1];
    if (spec === 'tsx' || spec.startsWith('tsx/') || /\.(c|m)?tsx?$/.test(spec))
      offending.push(`${file}: ${spec}`);
  }
}
if (offending.length > 0) {
  process.stderr.write(`the compiled server imports development-only code:\n  ${offending.join('\n  ')}\n`);
  process.exit(1);
}
writeFileSync(path.join(out, 'build.json'), `${JSON.stringify({ startedAt })}\n`);
process.stdout.write(`server built into dist/server (${copied} runtime JavaScript file(s) copied)\n`);
