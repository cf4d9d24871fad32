import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  comparePeriods,
  fiscalYearBounds,
  formatPeriod,
  type PlanPeriod,
  periodBounds,
  periodOfDays,
  periodProblem,
  planWindow,
} from './period.ts';

const day = fc
  .date({ min: new Date('2022-10-01T00:00:00Z'), max: new Date('2026-09-30T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const month = day.map((d) => d.slice(0, 7));
const period: fc.Arbitrary<PlanPeriod> = fc.oneof(
  month.map((m) => ({ kind: 'month' as const, month: m })),
  fc.tuple(month, month).map(([a, b]) => ({ kind: 'months' as const, from: a, to: b })),
  fc.tuple(day, day).map(([a, b]) => ({ kind: 'dates' as const, from: a, to: b })),
);

describe('periodProblem', () => {
  it('accepts a month, a range of months and exact days within the plan year', () => {
    expect(periodProblem({ kind: 'month', month: '2025-01' }, 2568)).toBeNull();
    expect(periodProblem({ kind: 'months', from: '2024-12', to: '2025-02' }, 2568)).toBeNull();
    expect(periodProblem({ kind: 'dates', from: '2025-04-15', to: '2025-04-30' }, 2568)).toBeNull();
    // Seed 000 opens FY2568 with a meeting on the previous year's results in September 2567 (2024).
    expect(periodProblem({ kind: 'months', from: '2024-09', to: '2024-10' }, 2568)).toBeNull();
  });

  it('refuses reversed ranges, days that do not exist and malformed months', () => {
    expect(periodProblem({ kind: 'months', from: '2025-03', to: '2025-01' }, 2568)).toBe('reversed');
    expect(periodProblem({ kind: 'dates', from: '2025-04-30', to: '2025-04-15' }, 2568)).toBe('reversed');
    expect(periodProblem({ kind: 'dates', from: '2025-02-30', to: '2025-03-01' }, 2568)).toBe('malformed');
    expect(periodProblem({ kind: 'month', month: '2025-13' }, 2568)).toBe('malformed');
  });

  it('refuses periods more than a year away from the fiscal year', () => {
    expect(periodProblem({ kind: 'month', month: '2023-09' }, 2568)).toBe('outside_plan_year');
    expect(periodProblem({ kind: 'dates', from: '2025-09-01', to: '2026-10-01' }, 2568)).toBe(
      'outside_plan_year',
    );
  });

  it('accepts exactly the ordered periods inside the plan window', () => {
    fc.assert(
      fc.property(period, fc.integer({ min: 2566, max: 2570 }), (p, year) => {
        const { start, end } = periodBounds(p);
        const w = planWindow(year);
        const expected =
          start > end ? 'reversed' : start < w.start || end > w.end ? 'outside_plan_year' : null;
        expect(periodProblem(p, year)).toBe(expected);
      }),
    );
  });
});

describe('fiscal years', () => {
  it('FY2568 runs from 1 October 2024 to 30 September 2025', () => {
    expect(fiscalYearBounds(2568)).toEqual({ start: '2024-10-01', end: '2025-09-30' });
  });

  it('adds months across years both ways', () => {
    expect(addMonths('2024-10', 3)).toBe('2025-01');
    expect(addMonths('2024-10', -1)).toBe('2024-09');
    expect(addMonths('2025-01', -13)).toBe('2023-12');
  });
});

describe('formatPeriod', () => {
  it('writes Thai periods with Buddhist-Era years as plans do', () => {
    expect(formatPeriod({ kind: 'month', month: '2025-01' }, 'th')).toBe('มกราคม 2568');
    expect(formatPeriod({ kind: 'months', from: '2024-12', to: '2025-02' }, 'th')).toBe(
      'ธันวาคม 2567 – กุมภาพันธ์ 2568',
    );
    expect(formatPeriod({ kind: 'months', from: '2025-01', to: '2025-04' }, 'th')).toBe(
      'มกราคม – เมษายน 2568',
    );
    expect(formatPeriod({ kind: 'dates', from: '2025-04-15', to: '2025-04-30' }, 'th')).toBe(
      '15 – 30 เมษายน 2568',
    );
    expect(formatPeriod({ kind: 'dates', from: '2025-01-01', to: '2025-06-30' }, 'th')).toBe(
      '1 มกราคม – 30 มิถุนายน 2568',
    );
    expect(formatPeriod({ kind: 'dates', from: '2024-12-20', to: '2025-01-10' }, 'th')).toBe(
      '20 ธันวาคม 2567 – 10 มกราคม 2568',
    );
  });

  it('writes English periods with Gregorian years', () => {
    expect(formatPeriod({ kind: 'dates', from: '2025-04-15', to: '2025-04-30' }, 'en')).toBe(
      '15 – 30 April 2025',
    );
    expect(formatPeriod({ kind: 'month', month: '2024-11' }, 'en')).toBe('November 2024');
  });

  it('always names the last year, in the Buddhist Era in Thai', () => {
    fc.assert(
      fc.property(period, (p) => {
        const end = periodBounds(p).end;
        const [a, b] = [periodBounds(p).start, end].sort() as [string, string];
        const ordered =
          p.kind === 'month'
            ? p
            : {
                ...p,
                from: p.kind === 'months' ? a.slice(0, 7) : a,
                to: p.kind === 'months' ? b.slice(0, 7) : b,
              };
        const last = Number(periodBounds(ordered).end.slice(0, 4));
        expect(formatPeriod(ordered, 'th').endsWith(String(last + 543))).toBe(true);
        expect(formatPeriod(ordered, 'en').endsWith(String(last))).toBe(true);
      }),
    );
  });
});

describe('periodOfDays and comparePeriods', () => {
  it('keeps whole months as months and other spans as days', () => {
    expect(periodOfDays('2025-01-01', '2025-01-31', 'dates')).toEqual({ kind: 'month', month: '2025-01' });
    expect(periodOfDays('2025-01-01', '2025-04-30', 'dates')).toEqual({
      kind: 'months',
      from: '2025-01',
      to: '2025-04',
    });
    expect(periodOfDays('2025-05-01', '2025-06-06', 'dates')).toEqual({
      kind: 'dates',
      from: '2025-05-01',
      to: '2025-06-06',
    });
    expect(periodOfDays('2025-05-01', '2025-06-06', 'months')).toEqual({
      kind: 'months',
      from: '2025-05',
      to: '2025-06',
    });
  });

  it('covers at least the days it was given', () => {
    fc.assert(
      fc.property(day, day, fc.constantFrom('dates' as const, 'months' as const), (x, y, as) => {
        const [a, b] = [x, y].sort() as [string, string];
        const bounds = periodBounds(periodOfDays(a, b, as));
        expect(bounds.start <= a && bounds.end >= b).toBe(true);
      }),
    );
  });

  it('orders by first day, then last day', () => {
    const list: PlanPeriod[] = [
      { kind: 'dates', from: '2025-01-01', to: '2025-06-30' },
      { kind: 'month', month: '2024-11' },
      { kind: 'month', month: '2025-01' },
    ];
    expect(list.sort(comparePeriods).map((p) => periodBounds(p).start)).toEqual([
      '2024-11-01',
      '2025-01-01',
      '2025-01-01',
    ]);
    expect(list[1]).toEqual({ kind: 'month', month: '2025-01' });
  });
});
