import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FrameworkInput, ZValidFramework } from '../framework/schema.ts';
import { dictionaryRows, microdataColumns, withheldAgencies } from './microdata.ts';

const fy = (year: number) =>
  ZValidFramework.parse(
    JSON.parse(
      readFileSync(new URL(`../../../frameworks/fy${year}.json`, import.meta.url), 'utf8'),
    ) as FrameworkInput,
  );

describe('microdataColumns', () => {
  it('names FY2568 answers by their ITAS display codes, one column per sub-item, OIT left out', () => {
    const names = microdataColumns(fy(2568)).map((c) => c.name);
    expect(names.slice(0, 8)).toEqual([
      'year',
      'agency_code',
      'instrument',
      'i1_a',
      'i1_b',
      'i2',
      'i3_a',
      'i3_b',
    ]);
    expect(names).toContain('ES3_c');
    expect(names).toContain('EP9');
    expect(names.some((n) => /^O\d/.test(n))).toBe(false);
    expect(new Set(names).size).toBe(names.length);
  });

  it('prefixes codes two instruments share (a framework without display codes) with the instrument', () => {
    for (const year of [2563, 2564, 2565, 2566, 2567, 2568]) {
      const names = microdataColumns(fy(year)).map((c) => c.name);
      expect(new Set(names).size, `FY${year}`).toBe(names.length);
    }
    const f = fy(2568);
    const bare = { ...f, questions: f.questions.map(({ display: _display, ...q }) => q) };
    const names = microdataColumns(bare).map((c) => c.name);
    expect(names).toContain('EIT1_e1');
    expect(names).toContain('EIT2_e1');
    expect(names).toContain('i2'); // IIT's codes are its own
  });

  it('gives every column a dictionary row with Thai text and the values of its scale', () => {
    const columns = microdataColumns(fy(2568));
    const rows = dictionaryRows(columns);
    expect(rows.map((r) => r[0])).toEqual(columns.map((c) => c.name));
    for (const r of rows) expect(r[5]?.length, r[0]).toBeGreaterThan(2);
    expect(rows.find((r) => r[0] === 'i2')?.[7]).toMatch(/^none = .+; little = .+; much = .+; most = .+$/);
  });
});

describe('withheldAgencies', () => {
  it('withholds an agency exactly when one of its instruments has 1–4 counted responses', () => {
    const group = fc.record({
      agencyId: fc.constantFrom('a', 'b', 'c'),
      instrument: fc.constantFrom('IIT', 'EIT1', 'EIT2'),
      n: fc.integer({ min: 1, max: 12 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(group, { selector: (g) => `${g.agencyId}|${g.instrument}` }), (groups) => {
        const withheld = withheldAgencies(groups);
        for (const id of ['a', 'b', 'c'])
          expect(withheld.has(id)).toBe(groups.some((g) => g.agencyId === id && g.n < 5));
      }),
    );
  });
});
