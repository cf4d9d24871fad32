// When a plan's activity takes place (issue 12 §3). Provincial plans write periods three ways: a month
// ("มกราคม ๒๕๖๘"), a range of months ("ธันวาคม ๒๕๖๗ – กุมภาพันธ์ ๒๕๖๘") or exact days ("๑๕ – ๓๐ เมษายน ๒๕๖๘").
// Stored in Gregorian ISO form (YYYY-MM, YYYY-MM-DD) and shown in the Buddhist Era. Pure: used by the
// server (validation, template, export) and the web app (display, editor).
import { assertNever } from '../exhaustive.ts';

export const PERIOD_KINDS = ['month', 'months', 'dates'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export type PlanPeriod =
  | { kind: 'month'; month: string }
  | { kind: 'months'; from: string; to: string }
  | { kind: 'dates'; from: string; to: string };

export type PeriodLang = 'th' | 'en';

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const BE_OFFSET = 543;

export const isYearMonth = (s: string): boolean => YEAR_MONTH.test(s);

/** A real calendar day (2025-02-30 is not). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** The last day of a month given as YYYY-MM. */
export function lastDayOfMonth(yearMonth: string): string {
  const [y, m] = yearMonth.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m, 0));
  return d.toISOString().slice(0, 10);
}

/** Adds whole months to a YYYY-MM (negative to go back). */
export function addMonths(yearMonth: string, months: number): string {
  const [y, m] = yearMonth.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The first and last day the period covers (Gregorian ISO dates). */
export function periodBounds(p: PlanPeriod): { start: string; end: string } {
  switch (p.kind) {
    case 'month':
      return { start: `${p.month}-01`, end: lastDayOfMonth(p.month) };
    case 'months':
      return { start: `${p.from}-01`, end: lastDayOfMonth(p.to) };
    case 'dates':
      return { start: p.from, end: p.to };
    default:
      return assertNever(p);
  }
}

/** A Thai fiscal year (BE): FY2568 runs from 1 October 2024 to 30 September 2025. */
export function fiscalYearBounds(year: number): { start: string; end: string } {
  const g = year - BE_OFFSET;
  return { start: `${g - 1}-10-01`, end: `${g}-09-30` };
}

/**
 * How far from its fiscal year a plan's activity may lie: a year's plan starts with the meeting on the
 * previous year's results (seed 000: September–October before the year) and may end with next year's
 * preparations, so a year on either side of the fiscal year is accepted.
 */
export function planWindow(year: number): { start: string; end: string } {
  const g = year - BE_OFFSET;
  return { start: `${g - 2}-10-01`, end: `${g + 1}-09-30` };
}

export type PeriodProblem = 'malformed' | 'reversed' | 'outside_plan_year';

/** Why a period cannot stand in the plan of `year` (null when it can). */
export function periodProblem(p: PlanPeriod, year: number): PeriodProblem | null {
  switch (p.kind) {
    case 'month':
      if (!isYearMonth(p.month)) return 'malformed';
      break;
    case 'months':
      if (!isYearMonth(p.from) || !isYearMonth(p.to)) return 'malformed';
      if (p.from > p.to) return 'reversed';
      break;
    case 'dates':
      if (!isIsoDate(p.from) || !isIsoDate(p.to)) return 'malformed';
      if (p.from > p.to) return 'reversed';
      break;
    default:
      return assertNever(p);
  }
  const { start, end } = periodBounds(p);
  const w = planWindow(year);
  return start < w.start || end > w.end ? 'outside_plan_year' : null;
}

/** Orders periods by their first day, then their last (earlier first). */
export function comparePeriods(a: PlanPeriod, b: PlanPeriod): number {
  const x = periodBounds(a);
  const y = periodBounds(b);
  if (x.start !== y.start) return x.start < y.start ? -1 : 1;
  if (x.end !== y.end) return x.end < y.end ? -1 : 1;
  return 0;
}

/**
 * The simplest period covering first..last days: exact days unless they are whole months, then a month or a
 * range of months. What a template gives when a stage's dates happen to be whole months.
 */
export function periodOfDays(start: string, end: string, as: 'dates' | 'months'): PlanPeriod {
  const from = start.slice(0, 7);
  const to = end.slice(0, 7);
  const wholeMonths = start.endsWith('-01') && end === lastDayOfMonth(to);
  if (as === 'dates' && !wholeMonths) return { kind: 'dates', from: start, to: end };
  return from === to ? { kind: 'month', month: from } : { kind: 'months', from, to };
}

const TH_MONTHS = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
] as const;
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const partsOf = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number | undefined];
  return { y, m, d };
};

/** "มกราคม 2568" (Buddhist Era) / "January 2025". */
export function formatYearMonth(yearMonth: string, lang: PeriodLang): string {
  const { y, m } = partsOf(yearMonth);
  return lang === 'th' ? `${TH_MONTHS[m - 1]} ${y + BE_OFFSET}` : `${EN_MONTHS[m - 1]} ${y}`;
}

function formatDay(iso: string, lang: PeriodLang, withYear: boolean, withMonth: boolean): string {
  const { y, m, d } = partsOf(iso);
  const month = lang === 'th' ? TH_MONTHS[m - 1] : EN_MONTHS[m - 1];
  const year = lang === 'th' ? y + BE_OFFSET : y;
  if (lang === 'th')
    return [String(d), withMonth ? month : null, withYear ? year : null].filter(Boolean).join(' ');
  return [withMonth ? `${d} ${month}` : String(d), withYear ? year : null].filter(Boolean).join(' ');
}

/**
 * The period as plans write it: Thai with Buddhist-Era years ("1–31 มกราคม 2568", "ธันวาคม 2567 – กุมภาพันธ์
 * 2568"), English with Gregorian years. Shared parts are said once.
 */
export function formatPeriod(p: PlanPeriod, lang: PeriodLang): string {
  switch (p.kind) {
    case 'month':
      return formatYearMonth(p.month, lang);
    case 'months': {
      if (p.from === p.to) return formatYearMonth(p.from, lang);
      const sameYear = p.from.slice(0, 4) === p.to.slice(0, 4);
      const first = sameYear
        ? (lang === 'th' ? TH_MONTHS : EN_MONTHS)[partsOf(p.from).m - 1]
        : formatYearMonth(p.from, lang);
      return `${first} – ${formatYearMonth(p.to, lang)}`;
    }
    case 'dates': {
      if (p.from === p.to) return formatDay(p.from, lang, true, true);
      const sameYear = p.from.slice(0, 4) === p.to.slice(0, 4);
      const sameMonth = sameYear && p.from.slice(0, 7) === p.to.slice(0, 7);
      const first = formatDay(p.from, lang, !sameYear, !sameMonth);
      return `${first} – ${formatDay(p.to, lang, true, true)}`;
    }
    default:
      return assertNever(p);
  }
}
