// When the measures of a year may be written: the `measures` stage of that year's framework calendar (the
// measures of FY N+1 are drawn up from N's published result between October and April of N+1, ready as the
// evidence of N+1's OIT item on measures), by the one rule of src/core/calendar.ts — the agency's extension
// and the year's closure included, as every other page and write reads it.
//
// Which writes ask it:
// - drawing up, editing, sending for review and revising (the agency admin's writing): only while the stage is
//   open for the agency (409 `measures_stage_closed` otherwise; NACC may extend the stage for an agency);
// - reviewing, approving and returning: at any time until NACC closes the year (a document written in time
//   may be approved after the stage's last day), then 409 `cycle_closed`;
// - progress entries, signing the progress report, publishing: no calendar rule — the measures are carried
//   out all year and their progress is the evidence of the next cycle, after this year may have closed.
import type { AppDeps } from '../../app/context.ts';
import { type CollectionWindow, collectionWindow, cycleClosed } from '../calendar/index.ts';
import { frameworkLoaded } from '../frameworks/index.ts';
import { measuresStageClosed } from './measures.errors.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

/** The framework calendar's stage in which the measures of the year are written. */
export const MEASURES_STAGE = 'measures';

/** The stage's window for the agency now; null while the year's framework (its calendar) is not loaded. */
export async function measuresWindow(
  deps: Deps,
  agencyId: string,
  year: number,
): Promise<CollectionWindow | null> {
  if (!(await frameworkLoaded(deps.db, year))) return null;
  return collectionWindow(deps.db, { agencyId, year, stage: MEASURES_STAGE }, deps.now());
}

/** 409 unless the measures stage is open for the agency now. */
export async function assertMeasuresStageOpen(deps: Deps, agencyId: string, year: number): Promise<void> {
  const w = await measuresWindow(deps, agencyId, year);
  if (w?.open) return;
  if (w?.closed) throw cycleClosed(year);
  throw measuresStageClosed(year, w);
}

/** 409 once NACC closed the year (the approval chain's only calendar rule). */
export async function assertYearNotClosed(deps: Deps, agencyId: string, year: number): Promise<void> {
  const w = await measuresWindow(deps, agencyId, year);
  if (w?.closed) throw cycleClosed(year);
}
