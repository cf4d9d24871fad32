import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween, measureDueStep, monthEnd } from './due.ts';

describe('measure due steps', () => {
  it('ends a period on the last day of its month', () => {
    expect(monthEnd('2025-02')).toBe('2025-02-28');
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2025-12')).toBe('2025-12-31');
  });
  it('reminds 14 and 3 days before the end, and once overdue', () => {
    expect(measureDueStep('2025-06', '2025-06-01', false)).toBeNull(); // 29 days left
    expect(measureDueStep('2025-06', '2025-06-16', false)).toBe(14);
    expect(measureDueStep('2025-06', '2025-06-20', false)).toBe(14);
    expect(measureDueStep('2025-06', '2025-06-27', false)).toBe(3);
    expect(measureDueStep('2025-06', '2025-06-30', false)).toBe(3);
    expect(measureDueStep('2025-06', '2025-07-01', false)).toBe('overdue');
  });
  it('never reminds of a measure that is done', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), (offset) => {
        const today = new Date(Date.UTC(2025, 5, 30) + offset * 86_400_000).toISOString().slice(0, 10);
        expect(measureDueStep('2025-06', today, true)).toBeNull();
        const step = measureDueStep('2025-06', today, false);
        const left = daysBetween(today, '2025-06-30');
        if (step === 'overdue') expect(left).toBeLessThan(0);
        else if (step === null) expect(left).toBeGreaterThan(14);
        else expect(left).toBeLessThanOrEqual(step);
      }),
    );
  });
});
