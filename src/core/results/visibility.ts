// Which processing run's results a reader may see (issue 10 §2): one rule, used by every route that can show a
// score. A run is shown through its publication: NACC publishes a finished run now or at a set time (the
// embargo); a later publication supersedes an earlier one (never edited: both rows are kept); a publication
// still under embargo may be cancelled. Pure: the caller gives the publications of the year, the clock and
// whether the reader reaches the agency at all (its own agency, a supervisor's scope, an assessor's
// assignment — `inScope` of core/authz.ts).
import type { Role } from '../authz.ts';
import { assertNever } from '../exhaustive.ts';

export interface PublicationFact {
  id: string;
  runId: string;
  /** When the publication takes effect (the end of its embargo; its creation time when published now). */
  publishAt: Date;
  createdAt: Date;
  /** Cancelled before it took effect: never visible to anyone. */
  cancelled: boolean;
}

/** Who reads: a signed-in role and whether the agency is theirs to see, or the public (open data). */
export type ResultsReader = { kind: 'public' } | { kind: 'staff'; role: Role; reachesAgency: boolean };

export type VisibleRun = {
  runId: string;
  /** The publication the run is shown through (null for a provisional run). */
  publicationId: string | null;
  /**
   * `published`: the effective publication; `embargoed`: NACC admins' view of a publication whose time has
   * not come; `provisional`: a finished run not yet published, shown only when the framework says scores
   * are shown during collection (`policy.showScoresDuringCollection`), never to the public.
   */
  basis: 'published' | 'embargoed' | 'provisional';
} | null;

const newestFirst = (a: PublicationFact, b: PublicationFact) =>
  b.publishAt.getTime() - a.publishAt.getTime() || b.createdAt.getTime() - a.createdAt.getTime();

/** The publication in effect at `now`: the newest one, not cancelled, whose time has come. */
export function effectivePublication(
  publications: readonly PublicationFact[],
  now: Date,
): PublicationFact | null {
  return (
    publications.filter((p) => !p.cancelled && p.publishAt.getTime() <= now.getTime()).sort(newestFirst)[0] ??
    null
  );
}

/** The newest publication that is not cancelled, effective or still under embargo. */
export function latestPublication(publications: readonly PublicationFact[]): PublicationFact | null {
  return publications.filter((p) => !p.cancelled).sort(newestFirst)[0] ?? null;
}

export interface VisibilityInput {
  reader: ResultsReader;
  /** The year's framework policy. */
  showScoresDuringCollection: boolean;
  publications: readonly PublicationFact[];
  /** The newest finished (`done`) run of kind `run` of the year, if any (the provisional figures). */
  latestDoneRunId: string | null;
  now: Date;
}

/** The run whose results the reader may see for one agency of the year, or null (nothing may be shown). */
export function visibleRun(input: VisibilityInput): VisibleRun {
  const { reader, publications, now } = input;
  const effective = effectivePublication(publications, now);
  const published = (p: PublicationFact | null): VisibleRun =>
    p ? { runId: p.runId, publicationId: p.id, basis: 'published' } : null;
  if (reader.kind === 'public') return published(effective);
  switch (reader.role) {
    case 'admin': {
      // NACC sees what it has published, and what it is about to publish, before anyone else.
      const latest = latestPublication(publications);
      if (!latest) return null;
      return {
        runId: latest.runId,
        publicationId: latest.id,
        basis: latest.publishAt.getTime() <= now.getTime() ? 'published' : 'embargoed',
      };
    }
    case 'agency_admin':
    case 'executive':
    case 'agency_staff':
    case 'supervisor':
    case 'assessor': {
      if (!reader.reachesAgency) return null;
      if (effective) return published(effective);
      if (input.showScoresDuringCollection && input.latestDoneRunId !== null)
        return { runId: input.latestDoneRunId, publicationId: null, basis: 'provisional' };
      return null;
    }
    default:
      return assertNever(reader.role);
  }
}
