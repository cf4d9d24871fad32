// The respondent pages' catalogue: Thai is complete, English mirrors it, placeholders agree, and every key
// the components use exists.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { translate } from './index.ts';
import { th } from './th.ts';

type Tree = { [key: string]: string | Tree };

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

describe('respondent catalogue', () => {
  const thKeys = flatten(th);
  const enKeys = flatten(en);

  it('has the same keys in Thai and English', () => {
    expect([...thKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys.keys()].filter((k) => !thKeys.has(k))).toEqual([]);
  });

  it('has no empty text in either language', () => {
    expect([...thKeys].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
    expect([...enKeys].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = [...thKeys]
      .filter(([k, v]) => placeholders(v).join() !== placeholders(enKeys.get(k) ?? '').join())
      .map(([k]) => k);
    expect(mismatched).toEqual([]);
  });

  it('has every key used by the pages', async () => {
    const root = path.resolve(import.meta.dirname, '..');
    const files = (await readdir(root, { recursive: true })).filter(
      (f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'),
    );
    const missing: string[] = [];
    let found = 0;
    for (const f of files) {
      const src = await readFile(path.join(root, f), 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        found += 1;
        if (!thKeys.has(m[1] as string)) missing.push(`${f}: ${m[1]}`);
      }
    }
    expect(found).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});

describe('translate', () => {
  it('fills placeholders in the asked language', () => {
    expect(translate('th', 'questions.progress', { answered: 3, total: 15 })).toBe('ตอบแล้ว 3 จาก 15 ข้อ');
    expect(translate('en', 'questions.progress', { answered: 3, total: 15 })).toBe('3 of 15 answered');
  });
});
