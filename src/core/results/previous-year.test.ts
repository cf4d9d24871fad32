import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earlierResultsByYear } from './previous-year.ts';

const figures = fc.record({
  year: fc.integer({ min: 2560, max: 2570 }),
  total: fc.double({ min: 0, max: 100, noNaN: true }),
  ratingCode: fc.constantFrom('A', 'B', 'pass'),
});

describe('earlierResultsByYear', () => {
  it('keeps the published run of a year over its imported result', () => {
    const sut = earlierResultsByYear(
      [{ year: 2566, total: 90, ratingCode: 'A' }],
      [
        { year: 2566, total: 70, ratingCode: 'B' },
        { year: 2565, total: 60, ratingCode: 'B' },
      ],
    );
    expect(sut.get(2566)).toEqual({ year: 2566, total: 90, ratingCode: 'A', source: 'run' });
    expect(sut.get(2565)).toEqual({ year: 2565, total: 60, ratingCode: 'B', source: 'imported' });
  });

  it('has every year of either list, and a published year always comes from the run', () => {
    fc.assert(
      fc.property(
        fc.array(figures, { maxLength: 6 }),
        fc.array(figures, { maxLength: 6 }),
        (runs, imported) => {
          const sut = earlierResultsByYear(runs, imported);
          const years = new Set([...runs, ...imported].map((r) => r.year));
          expect(new Set(sut.keys())).toEqual(years);
          for (const r of runs) expect(sut.get(r.year)?.source).toBe('run');
          for (const [year, r] of sut)
            if (!runs.some((p) => p.year === year)) expect(r.source).toBe('imported');
        },
      ),
    );
  });
});
