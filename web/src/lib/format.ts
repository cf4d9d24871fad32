// Dates, fiscal years and numbers for the UI. Thai shows the Buddhist Era (Intl's 'th-TH' calendar is
// Buddhist); English shows Gregorian dates with the BE year noted, and fiscal years as "FY2568 (BE)",
// because every ITA document and agency speaks of BE fiscal years.
export type Lang = 'th' | 'en';

const BE_OFFSET = 543;
const TIME_ZONE = 'Asia/Bangkok';

/** The Buddhist-Era year of a Gregorian year. */
export function toBuddhistYear(gregorianYear: number): number {
  return gregorianYear + BE_OFFSET;
}

/** The Gregorian year of a Buddhist-Era year. */
export function toGregorianYear(buddhistYear: number): number {
  return buddhistYear - BE_OFFSET;
}

/** Today's calendar date in Thailand as YYYY-MM-DD (the server and the calendars speak Bangkok time). */
export function todayInBangkok(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The Thai fiscal year (BE) a day falls in: FY2568 runs from 1 October 2024 to 30 September 2025. */
export function fiscalYearOf(isoDate: string): number {
  const [y, m] = isoDate.split('-').map(Number);
  if (!y || !m) throw new Error(`not an ISO date: ${isoDate}`);
  return toBuddhistYear(m >= 10 ? y + 1 : y);
}

/** "ปีงบประมาณ พ.ศ. 2568" / "FY2568 (BE)". */
export function formatFiscalYear(year: number, lang: Lang): string {
  return lang === 'th' ? `ปีงบประมาณ พ.ศ. ${year}` : `FY${year} (BE)`;
}

/** Short form for pickers and table headers: "พ.ศ. 2568" / "FY2568". */
export function formatFiscalYearShort(year: number, lang: Lang): string {
  return lang === 'th' ? `พ.ศ. ${year}` : `FY${year}`;
}

/** A date-only value ("2025-01-31") or a Date; date-only values are calendar days, never shifted by zones. */
function toDateAndZone(value: string | Date): { date: Date; timeZone: string } {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return { date: new Date(`${value}T00:00:00Z`), timeZone: 'UTC' };
  }
  return { date: typeof value === 'string' ? new Date(value) : value, timeZone: TIME_ZONE };
}

function gregorianYearIn(date: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(date));
}

/** "31 มกราคม 2568" / "31 January 2025 (BE 2568)". */
export function formatDate(value: string | Date, lang: Lang): string {
  const { date, timeZone } = toDateAndZone(value);
  const opts: Intl.DateTimeFormatOptions = { timeZone, day: 'numeric', month: 'long', year: 'numeric' };
  if (lang === 'th') return new Intl.DateTimeFormat('th-TH', opts).format(date);
  const be = toBuddhistYear(gregorianYearIn(date, timeZone));
  return `${new Intl.DateTimeFormat('en-GB', opts).format(date)} (BE ${be})`;
}

/** "31 ม.ค. 68" style is ambiguous to many readers; ranges use the full short month and full year. */
export function formatDateRange(start: string, end: string, lang: Lang): string {
  const a = toDateAndZone(start);
  const b = toDateAndZone(end);
  const opts: Intl.DateTimeFormatOptions = {
    timeZone: a.timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  };
  if (lang === 'th') {
    const f = new Intl.DateTimeFormat('th-TH', opts);
    return `${f.format(a.date)} – ${f.format(b.date)}`;
  }
  const f = new Intl.DateTimeFormat('en-GB', opts);
  const beA = toBuddhistYear(gregorianYearIn(a.date, a.timeZone));
  const beB = toBuddhistYear(gregorianYearIn(b.date, b.timeZone));
  const be = beA === beB ? `BE ${beA}` : `BE ${beA}–${beB}`;
  return `${f.format(a.date)} – ${f.format(b.date)} (${be})`;
}

/** Date and time in Bangkok: "22 พ.ย. 2569 12:46" / "22 Nov 2026, 12:46 (BE 2569)". */
export function formatDateTime(value: string | Date, lang: Lang): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  const opts: Intl.DateTimeFormatOptions = {
    timeZone: TIME_ZONE,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  };
  if (lang === 'th') return new Intl.DateTimeFormat('th-TH', opts).format(date);
  const be = toBuddhistYear(gregorianYearIn(date, TIME_ZONE));
  return `${new Intl.DateTimeFormat('en-GB', opts).format(date)} (BE ${be})`;
}

/** Whole numbers with thousands separators: "8,317". */
export function formatCount(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'th' ? 'th-TH' : 'en-GB').format(n);
}

/** Scores are reported to a fixed number of decimals (2 by default): "95.93", "100.00". */
export function formatScore(n: number | null | undefined, decimals = 2): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  return n.toFixed(decimals);
}

/** Shares 0–1 as percentages: 0.8417 → "84.17%". */
export function formatPercent(share: number, decimals = 2): string {
  return `${(share * 100).toFixed(decimals)}%`;
}

/** File sizes as people read them (1024-based): "350 KB", "1.2 MB"; bytes below 1 KB. */
export function formatFileSize(bytes: number, lang: Lang): string {
  if (bytes < 1024) return lang === 'th' ? `${bytes} ไบต์` : `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
