// Calendar stages as windows in time. A stage's dates are Thai calendar days: it opens at 00:00 of its
// first day and closes at the end of its last day, both in Asia/Bangkok — whatever the server's time zone.
// Pure: the caller passes the stage, any per-agency extension and the current instant.

/** Thailand has had no daylight saving time since 1954: a fixed +07:00 offset is exact. */
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface StageDates {
  code: string;
  start: string;
  end: string;
}

export interface StageWindow {
  open: boolean;
  /** First day (Asia/Bangkok), as YYYY-MM-DD. */
  opensOn: string;
  /** Last day (Asia/Bangkok) after any extension; the stage closes at the end of this day. */
  closesOn: string;
  /** True when a per-agency extension moved the end past the framework's. */
  extended: boolean;
  /** True when NACC closed the year: no stage of it is open for anyone any more, extensions included. */
  closed: boolean;
}

// Stage dates are few and read on every survey submission: each is parsed and checked once.
const midnights = new Map<string, number>();

function utcMidnight(isoDate: string): number {
  const known = midnights.get(isoDate);
  if (known !== undefined) return known;
  const ms = parseUtcMidnight(isoDate);
  if (midnights.size >= 10_000) midnights.clear();
  midnights.set(isoDate, ms);
  return ms;
}

function parseUtcMidnight(isoDate: string): number {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new Error(`not an ISO date: ${isoDate}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 2025-02-30 over to March; a calendar date that does not exist is a bug upstream.
  if (new Date(ms).toISOString().slice(0, 10) !== isoDate) throw new Error(`no such date: ${isoDate}`);
  return ms;
}

/** The instant a Bangkok day begins (00:00 at +07:00). */
export function bangkokDayStart(isoDate: string): Date {
  return new Date(utcMidnight(isoDate) - BANGKOK_OFFSET_MS);
}

/** The instant a Bangkok day is over (the next day's 00:00 at +07:00); a window is open strictly before it. */
export function bangkokDayEnd(isoDate: string): Date {
  return new Date(utcMidnight(isoDate) + DAY_MS - BANGKOK_OFFSET_MS);
}

/** The Bangkok calendar day of an instant, as YYYY-MM-DD. */
export function bangkokToday(now: Date): string {
  return new Date(now.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The window of a stage for one agency. `extensionEndsOn`, when given, replaces the framework's last day
 * (an extension granted by a NACC admin); it never moves the first day. `yearClosedAt`, when the year was
 * closed by NACC at or before `now`, shuts every stage whatever its dates.
 */
export function stageWindow(
  stage: StageDates,
  extensionEndsOn: string | null,
  now: Date,
  yearClosedAt: Date | null = null,
): StageWindow {
  const closesOn = extensionEndsOn ?? stage.end;
  const t = now.getTime();
  const closed = yearClosedAt !== null && yearClosedAt.getTime() <= t;
  const open =
    !closed && t >= bangkokDayStart(stage.start).getTime() && t < bangkokDayEnd(closesOn).getTime();
  return {
    open,
    opensOn: stage.start,
    closesOn,
    extended: extensionEndsOn !== null && closesOn > stage.end,
    closed,
  };
}

/** Why an extension's last day cannot be accepted, or null when it can. */
export function extensionProblem(stage: StageDates, endsOn: string): 'not_later' | null {
  // An extension lengthens a stage; closing a stage early is not what it is for.
  return endsOn <= stage.end ? 'not_later' : null;
}

/** Where a stage stands for an agency: not open yet, open now, or over (after any extension). */
export type StagePhase = 'upcoming' | 'open' | 'ended';

export interface StageState extends StageWindow {
  phase: StagePhase;
  /** Whole days from today (Bangkok) to the last day while open: 0 on the last day; null otherwise. */
  daysLeft: number | null;
}

/**
 * The one rule every page and every write check asks: a stage's window for one agency (framework dates,
 * the agency's extension, now), with its phase and the days left. `open` and `phase` always agree.
 */
export function stageState(
  stage: StageDates,
  extensionEndsOn: string | null,
  now: Date,
  yearClosedAt: Date | null = null,
): StageState {
  const w = stageWindow(stage, extensionEndsOn, now, yearClosedAt);
  // A closed year is over: a stage that had not opened yet never will.
  const phase: StagePhase = w.open
    ? 'open'
    : !w.closed && now.getTime() < bangkokDayStart(w.opensOn).getTime()
      ? 'upcoming'
      : 'ended';
  const daysLeft = w.open
    ? Math.round((utcMidnight(w.closesOn) - utcMidnight(bangkokToday(now))) / DAY_MS)
    : null;
  return { ...w, phase, daysLeft };
}

export interface CalendarState<S extends StageDates> {
  /** Today in Asia/Bangkok. */
  today: string;
  stages: (S & StageState)[];
  /** Codes of the stages open now, in calendar order. */
  current: string[];
  /** The stage that opens next (the earliest first day still ahead), when none is open or later ones wait. */
  next: string | null;
  /** Every stage is over for this agency (extensions included): nothing is left to do this year. */
  allEnded: boolean;
  /** NACC closed the year (at or before now): every stage has ended. */
  closed: boolean;
}

/**
 * A year's calendar for one agency: each stage by `stageState` with the agency's extensions (stage code →
 * extended last day) and the year's closure. With no extensions, the framework's own calendar (pages without
 * an agency).
 */
export function calendarState<S extends StageDates>(
  calendar: readonly S[],
  extensions: ReadonlyMap<string, string>,
  now: Date,
  yearClosedAt: Date | null = null,
): CalendarState<S> {
  const stages = calendar.map((s) => ({
    ...s,
    ...stageState(s, extensions.get(s.code) ?? null, now, yearClosedAt),
  }));
  const upcoming = stages
    .filter((s) => s.phase === 'upcoming')
    .sort((a, b) => (a.opensOn < b.opensOn ? -1 : a.opensOn > b.opensOn ? 1 : 0));
  return {
    today: bangkokToday(now),
    stages,
    current: stages.filter((s) => s.phase === 'open').map((s) => s.code),
    next: upcoming[0]?.code ?? null,
    allEnded: stages.length > 0 && stages.every((s) => s.phase === 'ended'),
    closed: yearClosedAt !== null && yearClosedAt.getTime() <= now.getTime(),
  };
}
