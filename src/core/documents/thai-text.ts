// Thai official-document text: Thai digits (๐–๙) as an option, Buddhist-Era dates and month periods as
// agencies write them ("27 กุมภาพันธ์ 2566", "ม.ค. – ก.พ. 2566", "ต.ค. 2565 – ก.ย. 2566"). Pure; used by
// the document builders and their tests. Dates are calendar days ("YYYY-MM-DD") or "YYYY-MM" months, in the
// Gregorian calendar as stored; only the words shown use the Buddhist Era.

const THAI_DIGITS = ['๐', '๑', '๒', '๓', '๔', '๕', '๖', '๗', '๘', '๙'] as const;
const BE_OFFSET = 543;

export const THAI_MONTHS = [
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

export const THAI_MONTHS_SHORT = [
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.',
] as const;

/** Every ASCII digit 0–9 replaced by its Thai digit; everything else unchanged (so it is idempotent). */
export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)] as string);
}

/** The inverse: Thai digits back to ASCII digits. */
export function fromThaiDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
}

/** Digits as the document asks: Thai when `thaiDigits`, else unchanged. */
export function digits(text: string, thaiDigits: boolean): string {
  return thaiDigits ? toThaiDigits(text) : text;
}

export function buddhistYear(gregorianYear: number): number {
  return gregorianYear + BE_OFFSET;
}

function parts(iso: string): { y: number; m: number; d: number | null } {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!match) throw new Error(`not an ISO date or month: ${iso}`);
  const m = Number(match[2]);
  if (m < 1 || m > 12) throw new Error(`not a month: ${iso}`);
  return { y: Number(match[1]), m, d: match[3] ? Number(match[3]) : null };
}

/** "2023-02-27" → "27 กุมภาพันธ์ 2566" (Buddhist Era). */
export function thaiDate(isoDay: string): string {
  const { y, m, d } = parts(isoDay);
  if (d === null) throw new Error(`not an ISO day: ${isoDay}`);
  return `${d} ${THAI_MONTHS[m - 1]} ${buddhistYear(y)}`;
}

/** "2023-02" → "กุมภาพันธ์ 2566". */
export function thaiMonth(isoMonth: string): string {
  const { y, m } = parts(isoMonth);
  return `${THAI_MONTHS[m - 1]} ${buddhistYear(y)}`;
}

/**
 * A period of months as agencies write it: one month "ก.พ. 2566"; within one BE year "ม.ค. – ก.พ. 2566";
 * across years "ต.ค. 2565 – ก.ย. 2566". Throws when the end comes before the start.
 */
export function thaiMonthPeriod(fromMonth: string, toMonth: string): string {
  const a = parts(fromMonth);
  const b = parts(toMonth);
  if (b.y * 12 + b.m < a.y * 12 + a.m)
    throw new Error(`period ends before it starts: ${fromMonth}–${toMonth}`);
  const short = (p: { m: number }) => THAI_MONTHS_SHORT[p.m - 1];
  if (a.y === b.y && a.m === b.m) return `${short(a)} ${buddhistYear(a.y)}`;
  if (a.y === b.y) return `${short(a)} – ${short(b)} ${buddhistYear(b.y)}`;
  return `${short(a)} ${buddhistYear(a.y)} – ${short(b)} ${buddhistYear(b.y)}`;
}

/** The calendar day in Bangkok of an instant, as "YYYY-MM-DD". */
export function bangkokDay(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Bangkok',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** A score as documents print it: two decimals ("87.85"), Thai digits when asked. */
export function thaiScore(score: number, thaiDigits: boolean): string {
  return digits(score.toFixed(2), thaiDigits);
}

/** A day for Thai text: "2025-04-30" → "30 เมษายน 2568"; none → "—" (messages name a stage's first or last day). */
export function thaiDayOrDash(isoDay: string | null | undefined): string {
  return isoDay ? thaiDate(isoDay) : '—';
}
