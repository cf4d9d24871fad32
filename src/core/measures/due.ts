// Due-date reminders of improvement measures (issue 12 §2): which reminder step of a measure is due today.
// Pure: the caller passes Bangkok's today. A measure's period ends on the last day of its `to` month.

/** Days before a measure's last day at which the agency admins are reminded. */
export const MEASURE_DUE_STEPS = [14, 3] as const;
/** The steps: a number of days before the end, or once when the period is over without "done". */
export type MeasureDueStep = (typeof MEASURE_DUE_STEPS)[number] | 'overdue';

/** The last day (YYYY-MM-DD) of a YYYY-MM month. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Whole days from `today` to `day` (both YYYY-MM-DD; negative once `day` has passed). */
export function daysBetween(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/**
 * The step due for a measure ending in month `to`: none once it is done; 'overdue' after its last day;
 * else the smallest step at or above the days left (10 days left → the 14-day reminder, 2 → the 3-day
 * one), or null when the end is further than every step. A planner that was down sends only the latest step.
 */
export function measureDueStep(to: string, today: string, done: boolean): MeasureDueStep | null {
  if (done) return null;
  const left = daysBetween(today, monthEnd(to));
  if (left < 0) return 'overdue';
  let step: MeasureDueStep | null = null;
  for (const s of MEASURE_DUE_STEPS) if (left <= s && (step === null || s < (step as number))) step = s;
  return step;
}
