// What each agency of a set has done this year, gathered from the modules that own the data — one
// set-based query per owner, never one per agency — and its progress by the one rule (core/monitoring).
// Monitoring owns no table: the agencies, stakeholder numbers, counted responses, OIT counts and stage
// extensions come through their owners' index.ts, over the same set of ids as a subquery.
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/authz.ts';
import { calendarState } from '../../core/calendar.ts';
import type { Framework, Instrument } from '../../core/framework/schema.ts';
import {
  type AgencyFacts,
  type CycleProgress,
  progressInCalendar,
  type SampleCount,
} from '../../core/monitoring/progress.ts';
import { applicableOitItems } from '../../core/oit/score.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { AgencyType } from '../../shared/agency-types.ts';
import {
  agencyScopeCondition,
  type MonitoredAgency,
  monitoredAgencies,
  monitoredIdsIn,
} from '../agencies/index.ts';
import { stageExtensionsIn, yearClosedAt } from '../calendar/index.ts';
import { frameworkForYear } from '../frameworks/index.ts';
import { NO_OIT_COUNTS, type OitCounts, oitCountsIn } from '../oit/index.ts';
import {
  type MinistryRow,
  ministriesByCodes,
  type ProvinceRow,
  provincesByCodes,
} from '../reference/index.ts';
import { countedResponsesIn } from '../responses/index.ts';
import {
  minimumsFor,
  type StakeholderFacts,
  stakeholderFactsIn,
  surveyInstruments,
} from '../stakeholders/index.ts';
import { sharedFor } from './monitoring.shared.ts';

/**
 * Which agencies: those in an actor's scope, an explicit list (a reminder to chosen agencies), or every
 * agency (NACC's scheduled jobs) — said out loud, never an absent value meaning "all".
 */
export type AgencySelection = { actor: Actor } | { agencyIds: readonly string[] } | { everyAgency: true };

export interface ProgressQuery {
  year: number;
  now: Date;
  select: AgencySelection;
  provinceCode?: string | undefined;
  ministryCode?: string | undefined;
  agencyType?: AgencyType | undefined;
}

export interface AgencyProgressRow {
  agency: MonitoredAgency;
  facts: AgencyFacts;
  /** The OIT counts behind `facts.oit`, with the items waiting for approval and returned. */
  oit: OitCounts;
  progress: CycleProgress;
}

export interface ProgressSet {
  year: number;
  framework: Framework;
  rows: AgencyProgressRow[];
  /** The provinces and ministries of the rows, by code. */
  names: { provinces: Map<string, ProvinceRow>; ministries: Map<string, MinistryRow> };
}

function scopeOf(select: AgencySelection): { scope: SQL; agencyIds?: readonly string[] } {
  if ('actor' in select) return { scope: agencyScopeCondition(select.actor) };
  if ('agencyIds' in select) return { scope: sql`true`, agencyIds: select.agencyIds };
  return { scope: sql`true` };
}

/** Survey instrument codes by who answers them (IIT, EIT part 1, EIT part 2 in FY2568). */
function surveyCodes(framework: Framework) {
  const of = (c: Instrument['collection']) =>
    surveyInstruments(framework).find((i) => i.collection === c)?.code;
  return { iit: of('internal_staff'), eit1: of('external_self'), eit2: of('external_assessor') };
}

/** What the owners answered for one selection: the facts before the progress rule is applied. */
interface Gathered {
  framework: Framework;
  agencies: MonitoredAgency[];
  stakeholders: Map<string, StakeholderFacts>;
  counted: Map<string, Record<string, number>>;
  oit: Map<string, OitCounts>;
  extensions: Map<string, Map<string, string>>;
  closedAt: Date | null;
  provinces: Map<string, ProvinceRow>;
  ministries: Map<string, MinistryRow>;
}

async function gather(db: DbOrTx, q: Omit<ProgressQuery, 'now'>): Promise<Gathered> {
  const { framework } = await frameworkForYear(db, q.year);
  const filter = {
    ...scopeOf(q.select),
    provinceCode: q.provinceCode,
    ministryCode: q.ministryCode,
    agencyType: q.agencyType,
  };
  const ids = monitoredIdsIn(q.year, filter);
  const [agencies, stakeholders, counted, oit, extensions, closedAt] = await Promise.all([
    monitoredAgencies(db, q.year, filter),
    stakeholderFactsIn(db, q.year, ids),
    countedResponsesIn(db, q.year, ids),
    oitCountsIn(db, q.year, ids),
    stageExtensionsIn(db, q.year, ids),
    yearClosedAt(db, q.year),
  ]);
  const [provinces, ministries] = await Promise.all([
    provincesByCodes(
      db,
      agencies.map((a) => a.provinceCode),
    ),
    ministriesByCodes(
      db,
      agencies.map((a) => a.ministryCode),
    ),
  ]);
  return { framework, agencies, stakeholders, counted, oit, extensions, closedAt, provinces, ministries };
}

/** What decides the agencies of a selection (the actor's scope as core/scope.ts reads it). */
export function selectionKey(select: AgencySelection): string {
  if ('everyAgency' in select) return 'all';
  if ('agencyIds' in select) return `ids:${[...select.agencyIds].sort().join(',')}`;
  const a = select.actor;
  const list = (xs: readonly string[]) => [...xs].sort().join(',');
  return [
    a.role,
    a.agencyId ?? '',
    list(a.scope.provinces),
    list(a.scope.ministries),
    list(a.scope.agencies),
    list(a.assignedAgencies),
  ].join('|');
}

// Facts read for a selection, reused for a few seconds by the screens that ask again.
const gatherShared = sharedFor<ProgressFacts>();
const factsKey = (q: Omit<ProgressQuery, 'now'>) =>
  [q.year, selectionKey(q.select), q.provinceCode ?? '', q.ministryCode ?? '', q.agencyType ?? ''].join('#');

/** The facts of a selection as read at one moment: give them to `progressAt` (opaque otherwise). */
export type ProgressFacts = Readonly<Gathered> & { readonly year: number };

/**
 * The facts of every agency taking part in the year that the selection and filters name. Nine queries
 * whatever the number of agencies (framework cached). With `maxAgeMs`, facts read for the same selection
 * and filters less than that long ago are reused (the screens; the same object, so answers made from it can
 * be kept beside it); without, always read now (reminders).
 */
export async function progressFacts(
  db: DbOrTx,
  q: Omit<ProgressQuery, 'now'> & { maxAgeMs?: number },
): Promise<ProgressFacts> {
  return gatherShared(factsKey(q), q.maxAgeMs ?? 0, async () => ({
    ...(await gather(db, q)),
    year: q.year,
  }));
}

/**
 * The progress of every agency taking part in the year that the selection and filters name, sorted by Thai
 * name, worked out at `now` by the one rule. With `maxAgeMs`, see `progressFacts`.
 */
export async function agencyProgress(
  db: DbOrTx,
  q: ProgressQuery & { maxAgeMs?: number },
): Promise<ProgressSet> {
  return progressAt(await progressFacts(db, q), q.now);
}

/** The progress of the agencies of `facts` at `now`. */
export function progressAt(facts: ProgressFacts, now: Date): ProgressSet {
  const { framework, agencies, stakeholders, counted, oit, extensions, closedAt, provinces, ministries } =
    facts;
  const codes = surveyCodes(framework);
  const itemsByType = new Map<AgencyType, number>();
  const itemsOf = (type: AgencyType) => {
    let n = itemsByType.get(type);
    if (n === undefined) {
      n = applicableOitItems(framework, type).length;
      itemsByType.set(type, n);
    }
    return n;
  };
  // Agencies without extensions share one calendar state (the same stages, the same moment).
  const sharedCalendar = calendarState(framework.calendar, new Map<string, string>(), now, closedAt);
  const rows = agencies.map((agency): AgencyProgressRow => {
    const sh = stakeholders.get(agency.id);
    const populations = {
      iitPopulation: sh?.iitPopulation ?? null,
      eitPopulation: sh?.eitPopulation ?? null,
    };
    const minimums = minimumsFor(framework, agency, populations);
    const counts = counted.get(agency.id) ?? {};
    const sample = (code: string | undefined): SampleCount | null =>
      code === undefined ? null : { counted: counts[code] ?? 0, minimum: minimums[code] ?? null };
    const o = oit.get(agency.id) ?? NO_OIT_COUNTS;
    const facts: AgencyFacts = {
      registered: agency.registered,
      stakeholder: { entered: sh?.entered ?? false, approved: sh?.approved ?? false },
      iit: sample(codes.iit),
      eit1: sample(codes.eit1),
      eit2: sample(codes.eit2),
      oit: {
        items: itemsOf(agency.type),
        answered: o.answered,
        approved: o.approved,
        scored: o.scored,
        scoredZero: o.scoredZero,
        clarified: o.clarified,
        confirmed: o.confirmed,
      },
    };
    const own = extensions.get(agency.id);
    const progress = progressInCalendar(
      facts,
      own ? calendarState(framework.calendar, own, now, closedAt) : sharedCalendar,
    );
    return { agency, facts, oit: o, progress };
  });
  return { year: facts.year, framework, rows, names: { provinces, ministries } };
}
