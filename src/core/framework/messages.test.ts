import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELD_WORDS, type FrameworkProblem, fieldWords } from './messages.ts';
import { validateFramework } from './validate.ts';

const fy2568 = () => JSON.parse(readFileSync('frameworks/fy2568.json', 'utf8'));
const THAI = /[\u0E00-\u0E7F]/;
/** What zod says in its own words (English and its Thai locale): never shown to a person. */
const VALIDATOR_WORDING = /Invalid input|expected .* received|ควรเป็น|แต่ได้รับ|Too (small|big)|Invalid string/i;

type Json = Record<string | number, unknown>;
function valueAt(input: unknown, path: (string | number)[]): unknown {
  let v: unknown = input;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Json)[k] : undefined;
  return v;
}
/** `questions[0].text.th` → ['questions', 0, 'text', 'th']. */
const parsePath = (path: string) =>
  path
    .split(/\.|(?=\[)/)
    .filter(Boolean)
    .map((p) => (p.startsWith('[') ? Number(p.slice(1, -1)) : p));

/** A mapped problem: a path to a field whose parent exists, a Thai and an English sentence, no zod words. */
function expectMapped(p: FrameworkProblem, input: unknown) {
  expect(p.path).not.toBe('');
  const path = parsePath(p.path);
  expect(valueAt(input, path.slice(0, -1)), p.path).not.toBeUndefined();
  expect(p.th).toMatch(THAI);
  expect(p.en.length).toBeGreaterThan(3);
  expect(p.th).not.toMatch(VALIDATOR_WORDING);
  expect(p.en).not.toMatch(VALIDATOR_WORDING);
}

function problemsOf(input: unknown): FrameworkProblem[] {
  const r = validateFramework(input);
  return r.ok ? [] : r.problems;
}

describe('framework problems in words', () => {
  it('names every field of the format in Thai and English', () => {
    const keys = new Set<string>();
    const walk = (v: unknown, parent: string) => {
      if (Array.isArray(v)) for (const x of v) walk(x, parent);
      else if (v !== null && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          if (parent !== 'display') keys.add(k);
          walk(x, k);
        }
    };
    for (const year of [2566, 2567, 2568])
      walk(JSON.parse(readFileSync(`frameworks/fy${year}.json`, 'utf8')), '');
    for (const k of keys) if (k !== 'th' && k !== 'en') expect(FIELD_WORDS[k], k).toBeDefined();
    expect(fieldWords(['questions', 0, 'text', 'th'])).toEqual({
      th: 'ข้อความคำถาม (ภาษาไทย)',
      en: 'Question text (Thai)',
    });
    expect(fieldWords(['oitItems', 2, 'components', 1])).toEqual({
      th: 'องค์ประกอบที่ต้องแสดง ลำดับที่ 2',
      en: 'Required components no. 2',
    });
  });

  it('says what is missing instead of "expected object, received undefined"', () => {
    const f = fy2568();
    delete f.instruments[1].name;
    delete f.rating;
    expect(problemsOf(f)).toEqual([
      { path: 'instruments[1].name', th: 'กรุณากรอกชื่อ', en: 'Name is required' },
      { path: 'rating', th: 'กรุณากรอกระดับผลการประเมิน', en: 'Rating is required' },
    ]);
  });

  it('gives the expected form of every code, with an example', () => {
    const f = fy2568();
    f.instruments[0].code = 'x';
    f.indicators[0].code = 'x';
    f.indicators[8].subIndicators[0].code = 'x';
    f.scales[0].code = 'X';
    f.scales[0].options[0].value = 'X';
    f.questions[0].code = '1';
    f.questions[0].subItems[0].code = 'ABCDE';
    f.rating.rules[0].code = '1';
    f.calendar[0].code = 'X';
    const problems = problemsOf(f).filter((p) => p.path.endsWith('.code') || p.path.endsWith('.value'));
    expect(problems.slice(0, 9).map((p) => p.path)).toEqual([
      'instruments[0].code',
      'indicators[0].code',
      'indicators[8].subIndicators[0].code',
      'scales[0].code',
      'scales[0].options[0].value',
      'questions[0].code',
      'questions[0].subItems[0].code',
      'rating.rules[0].code',
      'calendar[0].code',
    ]);
    for (const p of problems.slice(0, 9)) {
      expect(p.th).toMatch(/รูปแบบไม่ถูกต้อง ต้องเป็น.*เช่น/);
      expect(p.en).toMatch(/wrong format: use .*e\.g\./);
    }
  });

  it('says numbers out of range and wrong choices in words', () => {
    const f = fy2568();
    f.instruments[0].weight = 0;
    f.instruments[1].weight = 'ten';
    f.questions[0].polarity = 'sideways';
    f.rating.passThreshold = 101;
    f.calendar[0].end = '2024-09-01';
    expect(problemsOf(f)).toEqual([
      {
        path: 'instruments[0].weight',
        th: 'น้ำหนัก (ร้อยละ): ต้องมากกว่า 0',
        en: 'Weight (%): must be more than 0',
      },
      { path: 'instruments[1].weight', th: 'น้ำหนัก (ร้อยละ): ต้องเป็นตัวเลข', en: 'Weight (%): must be a number' },
      {
        path: 'questions[0].polarity',
        th: 'ทิศทางของคำถาม: ต้องเลือกจากรายการที่มีให้',
        en: 'Polarity: choose one of the listed values',
      },
      { path: 'rating.passThreshold', th: 'เกณฑ์ผ่าน: ต้องไม่เกิน 100', en: 'Pass mark: must be at most 100' },
      {
        path: 'calendar[0].end',
        th: 'วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น',
        en: 'The stage must not end before it starts',
      },
    ]);
  });

  it('puts the framework’s own checks at their fields', () => {
    const f = fy2568();
    f.instruments[0].weight = 35;
    f.questions[1].code = f.questions[0].code;
    f.questions[2].scale = 'nope';
    f.oitItems[0].subIndicator = '9.9';
    const problems = problemsOf(f);
    expect(problems.map((p) => p.path)).toEqual([
      'questions[1].code',
      'instruments',
      'questions[2].scale',
      'oitItems[0].subIndicator',
    ]);
    for (const p of problems) expectMapped(p, f);
  });

  it('maps any change to a valid framework to either a valid framework or problems in words at fields', () => {
    const base = fy2568();
    const paths: (string | number)[][] = [];
    const collect = (v: unknown, path: (string | number)[]) => {
      if (path.length > 0) paths.push(path);
      if (Array.isArray(v)) for (const [i, x] of v.entries()) collect(x, [...path, i]);
      else if (v !== null && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) collect(x, [...path, k]);
    };
    collect(base, []);
    const replacement = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.constantFrom('', 'x', 'IIT', 'zz9', 'o1', '9.1', '2025-13-01', 'level4', 'positive'),
      fc.integer({ min: -5, max: 3000 }),
      fc.double({ noNaN: true, min: -1, max: 200 }),
      fc.boolean(),
      fc.constant({}),
      fc.constant([]),
    );
    const mutation = fc.record({
      at: fc.nat({ max: paths.length - 1 }),
      kind: fc.constantFrom('set', 'delete', 'drop', 'duplicate'),
      value: replacement,
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const f = structuredClone(base);
        for (const m of mutations) {
          const path = paths[m.at] as (string | number)[];
          const parent = valueAt(f, path.slice(0, -1));
          const key = path.at(-1) as string | number;
          if (parent === null || typeof parent !== 'object') continue;
          if (
            Array.isArray(parent) &&
            typeof key === 'number' &&
            (m.kind === 'drop' || m.kind === 'duplicate')
          ) {
            if (m.kind === 'drop') parent.splice(key, 1);
            else parent.splice(key, 0, structuredClone(parent[key]));
          } else if (m.kind === 'delete' && !Array.isArray(parent)) delete (parent as Json)[key];
          else (parent as Json)[key] = m.value;
        }
        for (const p of problemsOf(f)) expectMapped(p, f);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
