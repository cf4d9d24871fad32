// Words for what a run stores as codes: the rating (the framework's label), the instruments (their names),
// and why an instrument was not processed (the catalogue). Pure, for tests.
import type { Framework } from '../../api/frameworks.ts';
import type { Lang } from '../../lib/format.ts';
import { pick } from '../../lib/localized.ts';

const REASONS = ['registered', 'population_entered', 'minimum_sample', 'answered'] as const;

/** The catalogue key of a not-processed reason (an unknown one reads as plain "not processed"). */
export function reasonKey(reason: string): string {
  return (REASONS as readonly string[]).includes(reason)
    ? `processing.notProcessed.${reason}`
    : 'processing.notProcessed.other';
}

/** The framework's rating label of a code, in the language; the code itself only if the framework lacks it. */
export function ratingLabel(framework: Framework | undefined, code: string, lang: Lang): string {
  const rule = framework?.rating.rules.find((r) => r.code === code);
  return rule ? pick(rule.label, lang) : code;
}

/** The instruments of the framework in its order, with their names; codes the run has but it lacks last. */
export function instrumentColumns(
  framework: Framework | undefined,
  present: readonly string[],
  lang: Lang,
): { code: string; name: string; short: string }[] {
  const known = (framework?.instruments ?? []).map((i) => {
    const name = pick(i.name, lang);
    return { code: i.code, name, short: shortInstrumentName(i.code, name, lang) };
  });
  const extra = present
    .filter((c) => !known.some((k) => k.code === c))
    .map((code) => ({ code, name: code, short: code }));
  return [...known.filter((k) => present.includes(k.code)), ...extra];
}

/**
 * A column header for an instrument: the abbreviation its name ends with ("… (IIT)"), or for the two EIT
 * parts "EIT ส่วนที่ 1" as ITAS says it; the full name goes in the cell's title and the download.
 */
export function shortInstrumentName(code: string, name: string, lang: Lang): string {
  const part = /^EIT(\d)$/.exec(code)?.[1];
  if (part) return lang === 'th' ? `EIT ส่วนที่ ${part}` : `EIT part ${part}`;
  return /\(([A-Z]{2,6})\)\s*$/.exec(name)?.[1] ?? code;
}
