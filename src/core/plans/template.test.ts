import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StageDates } from '../calendar.ts';
import { periodBounds, periodProblem } from './period.ts';
import { resolveTemplatePeriod, type TemplatePeriod } from './template.ts';

// The FY2568 framework's own stages (frameworks/fy2568.json).
const FY2568: StageDates[] = [
  { code: 'register', start: '2025-01-01', end: '2025-01-31' },
  { code: 'stakeholder_data', start: '2025-01-01', end: '2025-02-28' },
  { code: 'eit_collection', start: '2025-01-01', end: '2025-06-30' },
  { code: 'oit_answering', start: '2025-01-01', end: '2025-04-30' },
  { code: 'oit_scoring', start: '2025-05-01', end: '2025-06-06' },
];

describe('resolveTemplatePeriod', () => {
  it('counts fiscal months from the October that opens the year', () => {
    expect(resolveTemplatePeriod({ from: 'fiscalMonths', first: -1, last: 0 }, 2568, [])).toEqual({
      kind: 'months',
      from: '2024-09',
      to: '2024-10',
    });
    expect(resolveTemplatePeriod({ from: 'fiscalMonths', first: 3, last: 3 }, 2568, [])).toEqual({
      kind: 'month',
      month: '2025-01',
    });
  });

  it('takes a stage’s dates from the year’s calendar', () => {
    const fallback = { first: 3, last: 3 };
    expect(
      resolveTemplatePeriod({ from: 'stages', stages: ['oit_scoring'], as: 'dates', fallback }, 2568, FY2568),
    ).toEqual({ kind: 'dates', from: '2025-05-01', to: '2025-06-06' });
    // Registration and stakeholder approval together: 1 January to 28 February, whole months.
    expect(
      resolveTemplatePeriod(
        { from: 'stages', stages: ['register', 'stakeholder_data'], as: 'dates', fallback },
        2568,
        FY2568,
      ),
    ).toEqual({ kind: 'months', from: '2025-01', to: '2025-02' });
  });

  it('gives the last days of a stage for visits to the agencies still behind', () => {
    expect(
      resolveTemplatePeriod(
        { from: 'stageEnd', stage: 'oit_answering', days: 16, fallback: { first: 6, last: 6 } },
        2568,
        FY2568,
      ),
    ).toEqual({ kind: 'dates', from: '2025-04-15', to: '2025-04-30' });
  });

  it('falls back to the template’s months when the year has no such stage', () => {
    expect(
      resolveTemplatePeriod(
        { from: 'stageEnd', stage: 'improvement_plan', days: 10, fallback: { first: 11, last: 11 } },
        2568,
        FY2568,
      ),
    ).toEqual({ kind: 'month', month: '2025-09' });
  });

  it('always gives a period the plan of that year accepts, inside any stage it is drawn from', () => {
    const stage = fc
      .tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 120 }))
      .map(([offset, length]) => {
        const start = new Date(Date.UTC(2024, 9, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const end = new Date(Date.UTC(2024, 9, 1) + (offset + length) * 86_400_000)
          .toISOString()
          .slice(0, 10);
        return { code: 'x', start, end };
      });
    const months = fc
      .tuple(fc.integer({ min: -12, max: 23 }), fc.integer({ min: -12, max: 23 }))
      .map(([first, last]) => ({ first, last }));
    const spec: fc.Arbitrary<TemplatePeriod> = fc.oneof(
      months.map((m) => ({ from: 'fiscalMonths' as const, ...m })),
      fc
        .tuple(fc.constantFrom('dates' as const, 'months' as const), months)
        .map(([as, fallback]) => ({ from: 'stages' as const, stages: ['x'], as, fallback })),
      fc
        .tuple(fc.integer({ min: 1, max: 60 }), months)
        .map(([days, fallback]) => ({ from: 'stageEnd' as const, stage: 'x', days, fallback })),
    );
    fc.assert(
      fc.property(spec, stage, fc.boolean(), (s, st, withStage) => {
        const p = resolveTemplatePeriod(s, 2568, withStage ? [st] : []);
        expect(periodProblem(p, 2568)).toBeNull();
        if (withStage && s.from === 'stageEnd') {
          const b = periodBounds(p);
          expect(b.start >= st.start && b.end === st.end).toBe(true);
        }
      }),
    );
  });
});
