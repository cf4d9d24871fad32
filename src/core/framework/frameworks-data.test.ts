// The shipped framework files (frameworks/*.json) are data users rely on: each must pass the framework schema
// and keep the shape of its year (instrument weights, question counts, OIT coverage, rating scheme).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Framework, ZValidFramework } from './schema.ts';

const dir = new URL('../../../frameworks/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

const parsed = new Map(
  files.map(
    (file) =>
      [file, ZValidFramework.safeParse(JSON.parse(readFileSync(new URL(file, dir), 'utf8')))] as const,
  ),
);
function load(file: string): Framework {
  const result = parsed.get(file);
  if (!result?.success) throw new Error(`${file} is not a valid framework (see its schema test)`);
  return result.data;
}
const byYear = new Map(
  [...parsed.values()].flatMap((r) => (r.success ? [[r.data.year, r.data] as const] : [])),
);
function year(y: number): Framework {
  const f = byYear.get(y);
  if (!f) throw new Error(`no valid framework file for FY${y}`);
  return f;
}

/** Questions of the indicators an instrument scores (EIT parts share theirs). */
function questionsOf(f: Framework, instrument: string) {
  const inst = f.instruments.find((i) => i.code === instrument);
  if (!inst) throw new Error(`FY${f.year} has no instrument ${instrument}`);
  return f.questions.filter((q) => inst.indicators.includes(q.indicator));
}
const weights = (f: Framework) => Object.fromEntries(f.instruments.map((i) => [i.code, i.weight]));
const countBy = (codes: string[]) =>
  codes.reduce<Record<string, number>>((acc, c) => {
    acc[c] = (acc[c] ?? 0) + 1;
    return acc;
  }, {});

describe('frameworks/*.json', () => {
  it('ships FY2563 to FY2568', () => {
    expect([...byYear.keys()].sort()).toEqual([2563, 2564, 2565, 2566, 2567, 2568]);
  });

  it.each(files)('%s passes ZValidFramework', (file) => {
    const result = parsed.get(file);
    const issues = result?.success
      ? []
      : result?.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    expect(issues, `${file} issues`).toEqual([]);
  });

  it.each(files)('%s names its year in the file name', (file) => {
    expect(file).toBe(`fy${load(file).year}.json`);
  });

  it.each(files)('%s gives every indicator and sub-indicator a Thai name', (file) => {
    for (const ind of load(file).indicators) {
      expect(ind.name.th, `indicator ${ind.code}`).toMatch(/[\u0E00-\u0E7F]/);
      for (const sub of ind.subIndicators)
        expect(sub.name.th, `sub-indicator ${sub.code}`).toMatch(/[\u0E00-\u0E7F]/);
    }
  });

  it.each(files)('%s marks every question and OIT item as paraphrased, and says so in its source', (file) => {
    const f = load(file);
    for (const q of [...f.questions, ...f.oitItems]) expect(q.paraphrased, `${q.code}`).toBe(true);
    if (f.questions.length + f.oitItems.length > 0) {
      expect(f.source.th).toMatch(/ถอดความ/);
      expect(f.source.en).toMatch(/paraphrase/i);
    }
  });

  it.each(files)('%s says where its content came from in Thai and in English', (file) => {
    const { source } = load(file);
    expect(source.th).toMatch(/[\u0E00-\u0E7F]/);
    expect(source.en).toMatch(/^[\x20-\x7E–—≥]+$/);
  });
});

describe('FY2568 framework', () => {
  const f = year(2568);

  it('weights IIT 30, EIT part 1 15, EIT part 2 15, OIT 40', () => {
    expect(weights(f)).toEqual({ IIT: 30, EIT1: 15, EIT2: 15, OIT: 40 });
  });

  it('has 15 IIT questions i1–i15, three per indicator 1–5 in order', () => {
    const iit = questionsOf(f, 'IIT');
    expect(iit.map((q) => q.code)).toEqual(Array.from({ length: 15 }, (_, n) => `i${n + 1}`));
    expect(iit.map((q) => q.indicator)).toEqual(['1', '2', '3', '4', '5'].flatMap((i) => [i, i, i]));
  });

  it('has 9 EIT questions e1–e9, three per indicator 6–8, shared by both EIT parts', () => {
    const eit1 = questionsOf(f, 'EIT1');
    expect(eit1.map((q) => q.code)).toEqual(Array.from({ length: 9 }, (_, n) => `e${n + 1}`));
    expect(countBy(eit1.map((q) => q.indicator))).toEqual({ 6: 3, 7: 3, 8: 3 });
    expect(questionsOf(f, 'EIT2')).toEqual(eit1);
  });

  it('reverses the negatively worded questions the seeds name (i14)', () => {
    expect(f.questions.find((q) => q.code === 'i14')?.polarity).toBe('reversed');
  });

  it('has 28 OIT items o1–o28 covering all seven sub-indicators', () => {
    expect(f.oitItems.map((o) => o.code)).toEqual(Array.from({ length: 28 }, (_, n) => `o${n + 1}`));
    const subs = f.indicators.flatMap((i) => i.subIndicators.map((s) => s.code));
    expect(subs).toEqual(['9.1', '9.2', '9.3', '9.4', '9.5', '10.1', '10.2']);
    expect(Object.keys(countBy(f.oitItems.map((o) => o.subIndicator))).sort()).toEqual([...subs].sort());
  });

  it('rates with the five-level scheme, passing at 85', () => {
    expect(f.rating.rules.map((r) => r.code)).toEqual(['excellent', 'good', 'pass', 'improve', 'urgent']);
    expect(f.rating.passThreshold).toBe(85);
  });

  it('derives the EIT part 2 minimum from the part 1 minimum', () => {
    const eit2 = f.instruments.find((i) => i.code === 'EIT2');
    expect(eit2?.sample).toMatchObject({
      kind: 'formula',
      of: { minimumOf: 'EIT1' },
      share: 0.2,
      atLeast: 20,
    });
  });

  it('has a calendar inside fiscal year 2568 (October 2024 – September 2025)', () => {
    expect(f.calendar.length).toBeGreaterThanOrEqual(11);
    for (const s of f.calendar) {
      expect(s.start >= '2024-10-01' && s.end <= '2025-09-30', s.code).toBe(true);
    }
  });
});

describe.each([2567, 2566])('FY%i framework', (y) => {
  const f = year(y);
  const eitCode = f.instruments.some((i) => i.code === 'EIT1') ? 'EIT1' : 'EIT';

  it('has 30 IIT questions I1–I30 in indicators 1–5', () => {
    const iit = questionsOf(f, 'IIT');
    expect(iit.map((q) => q.code)).toEqual(Array.from({ length: 30 }, (_, n) => `I${n + 1}`));
  });

  it('has 15 EIT questions E1–E15, five per indicator 6–8', () => {
    const eit = questionsOf(f, eitCode);
    expect(eit.map((q) => q.code)).toEqual(Array.from({ length: 15 }, (_, n) => `E${n + 1}`));
    expect(countBy(eit.map((q) => q.indicator))).toEqual({ 6: 5, 7: 5, 8: 5 });
  });

  it('has 43 OIT items O1–O43', () => {
    expect(f.oitItems.map((o) => o.code)).toEqual(Array.from({ length: 43 }, (_, n) => `O${n + 1}`));
  });

  it('splits EIT in two parts of 15 and uses the five-level rating', () => {
    expect(weights(f)).toEqual({ IIT: 30, EIT1: 15, EIT2: 15, OIT: 40 });
    expect(f.rating.rules.map((r) => r.code)).toEqual(['excellent', 'good', 'pass', 'improve', 'urgent']);
  });

  it('gives IIT 30, EIT 30 in total and OIT 40', () => {
    const w = weights(f);
    expect(w.IIT).toBe(30);
    expect((w.EIT ?? 0) + (w.EIT1 ?? 0) + (w.EIT2 ?? 0)).toBe(30);
    expect(w.OIT).toBe(40);
  });
});

describe.each([2563, 2564, 2565])('FY%i rating', (y) => {
  it('uses AA–F, with only AA and A passing at 85', () => {
    const f = year(y);
    expect(f.rating.rules.map((r) => r.code)).toEqual(['AA', 'A', 'B', 'C', 'D', 'E', 'F']);
    expect(f.rating.rules.filter((r) => r.passes).map((r) => r.code)).toEqual(['AA', 'A']);
    expect(f.rating.passThreshold).toBe(85);
  });
});

describe.each([2563, 2564, 2565])('FY%i framework (structure only)', (y) => {
  it('weights IIT 30, EIT 30, OIT 40 with OIT sub-indicators', () => {
    const f = year(y);
    expect(weights(f)).toEqual({ IIT: 30, EIT: 30, OIT: 40 });
    expect(f.indicators.map((i) => i.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    for (const code of ['9', '10'])
      expect(f.indicators.find((i) => i.code === code)?.subIndicators.length).toBeGreaterThan(0);
  });
});
