// The work waiting behind an agency picker (quality, EIT part 2, IIT access): which agencies of a viewer's
// scope have something to do on the page, what and how much, most waiting first. The same facts as the
// to-do lists (the progress rule of progress.ts) and the same thresholds, so the home page and the page
// agree. Pure: the caller counts, this decides.
import { assertNever } from '../exhaustive.ts';
import type { SampleCount, StageProgress } from './progress.ts';

export const WAITING_PAGES = ['quality', 'eit2', 'iit'] as const;
export type WaitingPage = (typeof WAITING_PAGES)[number];

export const WAITING_KINDS = [
  /** Flagged responses without a keep/exclude decision (quality page). */
  'responses_to_decide',
  /** EIT part-2 interviews entered and waiting for the second assessor. */
  'interviews_to_review',
  /** EIT part-2 interviews still needed to reach the minimum. */
  'interviews_to_collect',
  /** The EIT part-2 sample has not been drawn while the stage has begun. */
  'sample_to_draw',
  /** IIT responses still needed to reach the minimum while collection is open. */
  'iit_below_minimum',
  /** No IIT access code has been made for the year while the stage is upcoming or open. */
  'iit_access_missing',
] as const;
export type WaitingKind = (typeof WAITING_KINDS)[number];

export interface WaitingItem {
  kind: WaitingKind;
  count: number;
}

/** What one agency has, as counted by the owners of the data. */
export interface WaitingFacts {
  /** Flagged responses of the year without a decision. */
  undecidedResponses?: number;
  eit2?: {
    sample: SampleCount | null;
    stage: Pick<StageProgress, 'phase'> | undefined;
    awaitingReview: number;
    sampleDrawn: boolean;
  };
  iit?: {
    sample: SampleCount | null;
    stage: Pick<StageProgress, 'phase'> | undefined;
    accessCreated: boolean;
  };
}

/** A stage whose window has opened (it may have ended since: late work is still work, as on the to-do list). */
const started = (s: Pick<StageProgress, 'phase'> | undefined) =>
  s !== undefined && (s.phase === 'open' || s.phase === 'ended');

/** The work waiting for one agency on one page; empty when nothing waits. */
export function waitingWork(page: WaitingPage, f: WaitingFacts): WaitingItem[] {
  const items: WaitingItem[] = [];
  const add = (kind: WaitingKind, count: number) => {
    if (count > 0) items.push({ kind, count });
  };
  switch (page) {
    case 'quality':
      add('responses_to_decide', f.undecidedResponses ?? 0);
      break;
    case 'eit2': {
      const e = f.eit2;
      if (!e) break;
      add('interviews_to_review', e.awaitingReview);
      if (started(e.stage) && e.sample && e.sample.minimum !== null) {
        if (!e.sampleDrawn) add('sample_to_draw', 1);
        add('interviews_to_collect', e.sample.minimum - e.sample.counted);
      }
      break;
    }
    case 'iit': {
      const i = f.iit;
      if (!i || i.sample === null) break;
      const phase = i.stage?.phase;
      if (!i.accessCreated && (phase === 'upcoming' || phase === 'open')) add('iit_access_missing', 1);
      if (phase === 'open' && i.sample.minimum !== null)
        add('iit_below_minimum', i.sample.minimum - i.sample.counted);
      break;
    }
    default:
      return assertNever(page);
  }
  return items;
}

/** How much waits in all (the order of the list): every item's count. */
export const waitingTotal = (items: readonly WaitingItem[]) => items.reduce((n, i) => n + i.count, 0);

/**
 * Most waiting first; equal totals by name in Thai order (then id, so that the order is stable). Agencies
 * with nothing waiting are left out.
 */
export function byMostWaiting<T extends { id: string; nameTh: string; items: readonly WaitingItem[] }>(
  rows: readonly T[],
): T[] {
  const collator = new Intl.Collator('th');
  return rows
    .filter((r) => r.items.length > 0)
    .map((r) => ({ r, total: waitingTotal(r.items) }))
    .sort(
      (a, b) =>
        b.total - a.total ||
        collator.compare(a.r.nameTh, b.r.nameTh) ||
        (a.r.id < b.r.id ? -1 : a.r.id > b.r.id ? 1 : 0),
    )
    .map((x) => x.r);
}
