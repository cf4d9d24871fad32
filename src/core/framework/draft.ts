// Starting a framework from a stored one: next year's from this year's (or a correction of the same year).
// Pure: the drafts service stores what this returns.

import { upgradeDefinition } from './validate.ts';

/** A definition as stored (JSON): only the parts a copy changes are typed. */
type Definition = Record<string, unknown>;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** An ISO date moved by whole years (29 February becomes 28 February in a year without it). */
export function shiftIsoDate(date: string, years: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const y = Number(m[1]) + years;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const day = m[2] === '02' && m[3] === '29' && !leap ? '28' : (m[3] as string);
  return `${String(y).padStart(4, '0')}-${m[2]}-${day}`;
}

function codesOf(list: unknown): string[] {
  return Array.isArray(list)
    ? list.flatMap((x) => (isRecord(x) && typeof x.code === 'string' ? [x.code] : []))
    : [];
}

/**
 * The copy of `base` (a stored definition of `baseYear`) that starts `year`'s draft. For another year:
 * the year in the name, the calendar moved by the years between, and a crosswalk saying that every question
 * and OIT item continues the one of the same code (the author edits it where that is not so). For the same
 * year (a correction): the definition unchanged.
 */
export function draftDefinition(base: unknown, baseYear: number, year: number): Definition {
  const current = upgradeDefinition(base);
  const copy = structuredClone(isRecord(current) ? current : {}) as Definition;
  copy.year = year;
  if (year === baseYear) return copy;
  const shift = year - baseYear;
  if (isRecord(copy.name))
    for (const lang of ['th', 'en'] as const) {
      const text = copy.name[lang];
      if (typeof text === 'string') copy.name[lang] = text.replaceAll(String(baseYear), String(year));
    }
  if (Array.isArray(copy.calendar))
    copy.calendar = copy.calendar.map((stage) =>
      isRecord(stage)
        ? {
            ...stage,
            ...(typeof stage.start === 'string' ? { start: shiftIsoDate(stage.start, shift) } : {}),
            ...(typeof stage.end === 'string' ? { end: shiftIsoDate(stage.end, shift) } : {}),
          }
        : stage,
    );
  const codes = [...codesOf(copy.questions), ...codesOf(copy.oitItems)];
  copy.crosswalk = { fromYear: baseYear, codes: codes.map((code) => ({ from: code, to: code })) };
  return copy;
}
