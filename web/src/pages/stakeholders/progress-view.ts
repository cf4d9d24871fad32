// Pure helpers for the stakeholder and progress screens (tested without a browser).
import { EIT_CONTACTS_MAX_BYTES, IIT_POPULATION_MAX } from '@server/shared/limits.ts';

export interface ProgressEntryView {
  instrument: string;
  counted: number;
  minimum: number | null;
  reached: boolean;
  percent: number | null;
}

export type StakeholderStatusCode = 'not_entered' | 'awaiting_approval' | 'approved' | 'needs_reapproval';

/** Bar colour: reached is green; halfway or more is yellow; below half red; unknown minimum grey. */
export function progressColor(e: ProgressEntryView): 'green' | 'yellow' | 'red' | 'gray' {
  if (e.percent === null) return 'gray';
  if (e.reached) return 'green';
  return e.percent >= 50 ? 'yellow' : 'red';
}

/** "12 / 50" with the language's digits grouping; an unknown minimum shows as "–". */
export function countOfMinimum(e: ProgressEntryView, lang: 'th' | 'en'): string {
  const nf = new Intl.NumberFormat(lang === 'th' ? 'th-TH' : 'en-US');
  return `${nf.format(e.counted)} / ${e.minimum === null ? '–' : nf.format(e.minimum)}`;
}

export function statusColor(status: StakeholderStatusCode): string {
  switch (status) {
    case 'approved':
      return 'green';
    case 'awaiting_approval':
      return 'blue';
    case 'needs_reapproval':
      return 'orange';
    case 'not_entered':
      return 'gray';
  }
}

const THAI_ZERO = 0x0e50;

/**
 * A population typed by a person: Thai or Arabic digits, thousands separators and spaces allowed.
 * Empty → null (not entered yet); anything else that is not a whole number in range → 'invalid'.
 */
export function parsePopulation(input: string, max: number = IIT_POPULATION_MAX): number | null | 'invalid' {
  const text = input
    .replace(/[\u0E50-\u0E59]/g, (d) => String((d.codePointAt(0) as number) - THAI_ZERO))
    .replace(/[,\s]/g, '');
  if (text === '') return null;
  if (!/^[0-9]+$/.test(text)) return 'invalid';
  const n = Number(text);
  return Number.isSafeInteger(n) && n <= max ? n : 'invalid';
}

/** Which upload a chosen file is, or why it cannot be sent. */
export function contactFileProblem(file: { name: string; size: number }): 'type' | 'size' | null {
  if (!/\.(csv|xlsx)$/i.test(file.name)) return 'type';
  if (file.size > EIT_CONTACTS_MAX_BYTES) return 'size';
  return null;
}
