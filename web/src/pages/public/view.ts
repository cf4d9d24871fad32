// Pure rules of the public pages (no React, tested on their own): which year a page shows, how a share and a
// change read, how a breakdown is ordered, the words of an instrument's state.
import type { Lang } from '../../lib/format.ts';
import { formatPercent } from '../../lib/format.ts';
import { pick } from '../../lib/localized.ts';
import type { AgencyPage, Group } from './api.ts';

/** The year in the address when it is a published one; else the latest published (null: none published). */
export function yearToShow(param: string | undefined, published: readonly number[]): number | null {
  const asked = param === undefined ? Number.NaN : Number(param);
  if (Number.isInteger(asked) && published.includes(asked)) return asked;
  if (param !== undefined && /^\d{4}$/.test(param)) return asked; // an unpublished year: its page says so
  return published.length ? Math.max(...published) : null;
}

/** 0.8417 → "84.17%"; null → "–". */
export const shareText = (share: number | null | undefined) =>
  share === null || share === undefined ? '–' : formatPercent(share);

export type BreakdownKey = 'ministry' | 'agencyType' | 'region' | 'province';
export const BREAKDOWNS: readonly BreakdownKey[] = ['region', 'province', 'agencyType', 'ministry'];

/**
 * A breakdown's groups in the order people look for them: by name in the page's language (Thai collation),
 * "not stated" last.
 */
export function orderedGroups(groups: readonly Group[], lang: Lang): Group[] {
  const collator = new Intl.Collator(lang === 'th' ? 'th' : 'en');
  return [...groups].sort((a, b) =>
    a.code === null ? 1 : b.code === null ? -1 : collator.compare(pick(a, lang), pick(b, lang)),
  );
}

export type InstrumentState =
  | { kind: 'shown' }
  | { kind: 'notProcessed'; reason: string }
  | { kind: 'withheld'; reason: string };

/** Why an instrument's score is shown or not, in words (not processed comes first: it explains the rest). */
export function instrumentState(i: AgencyPage['instruments'][number], lang: Lang): InstrumentState {
  if (i.notProcessed) return { kind: 'notProcessed', reason: pick(i.notProcessed, lang) };
  if (i.suppressed) return { kind: 'withheld', reason: pick(i.suppressed, lang) };
  return { kind: 'shown' };
}
