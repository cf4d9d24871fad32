// Collection progress per instrument: how far an agency is from its minimum sample, for the agency's
// dashboard and the supervisor's follow-up lists.
import { invalid } from '../errors.ts';

export interface ProgressEntry {
  instrument: string;
  counted: number;
  /** Null while the minimum is unknown (e.g. the population has not been entered yet). */
  minimum: number | null;
  reached: boolean;
  /** Whole percent of the minimum, rounded down and capped at 100; null without a minimum. */
  percent: number | null;
}

/**
 * One entry per instrument of `minimums`, in its key order (pass them in framework order). Instruments with
 * responses but no entry in `minimums` are not survey instruments of the agency and are left out.
 */
export function surveyProgress(
  minimums: Readonly<Record<string, number | null>>,
  counted: Readonly<Record<string, number>>,
): ProgressEntry[] {
  return Object.entries(minimums).map(([instrument, minimum]) => {
    const n = counted[instrument] ?? 0;
    if (!isCount(n) || (minimum !== null && !isCount(minimum)))
      throw invalid(
        'invalid_progress_input',
        `จำนวนของแบบวัด ${instrument} ต้องเป็นจำนวนเต็มไม่ติดลบ`,
        `Counts for instrument ${instrument} must be whole numbers, not negative`,
        { instrument, counted: n, minimum },
      );
    if (minimum === null) return { instrument, counted: n, minimum, reached: false, percent: null };
    // Rounded down, so that 99.7% never shows as 100% while the minimum is not yet reached.
    const percent = minimum === 0 ? 100 : Math.min(100, Math.floor((n * 100) / minimum));
    return { instrument, counted: n, minimum, reached: n >= minimum, percent };
  });
}

const isCount = (n: number) => Number.isInteger(n) && n >= 0;
