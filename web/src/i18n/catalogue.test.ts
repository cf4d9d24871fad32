// The Thai catalogue is the primary one: every key must exist in both languages, Thai values must not be
// empty, and both must use the same {{placeholders}}.
import { describe, expect, it } from 'vitest';
import { en, type Tree, th } from './catalogues.ts';

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('translation catalogues', () => {
  const thKeys = flatten(th as Tree);
  const enKeys = flatten(en as Tree);

  it('has every Thai key in English', () => {
    expect([...thKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('has every English key in Thai', () => {
    expect([...enKeys.keys()].filter((k) => !thKeys.has(k))).toEqual([]);
  });

  it('has no empty Thai value', () => {
    expect([...thKeys].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = [...thKeys]
      .filter(
        ([k, v]) => enKeys.has(k) && placeholders(v).join() !== placeholders(enKeys.get(k) ?? '').join(),
      )
      .map(([k]) => k);
    expect(mismatched).toEqual([]);
  });
});

describe('keys used in the source', () => {
  it('exist in the Thai catalogue', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const path = await import('node:path');
    const root = path.resolve(import.meta.dirname, '..');
    const files = (await readdir(root, { recursive: true })).filter(
      (f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'),
    );
    const thKeys = flatten(th as Tree);
    const missing = new Set<string>();
    for (const f of files) {
      const src = await readFile(path.join(root, f), 'utf8');
      // Literal keys: t('a.b'), and labels written as 'nav.x' in the navigation table.
      for (const m of src.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g))
        if (!thKeys.has(m[1] as string)) missing.add(`${f}: ${m[1]}`);
      for (const m of src.matchAll(/label: '(nav\.[a-zA-Z]+)'/g))
        if (!thKeys.has(m[1] as string)) missing.add(`${f}: ${m[1]}`);
    }
    expect([...missing]).toEqual([]);
  });
});
