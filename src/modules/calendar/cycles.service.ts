// The cycle of a fiscal year as NACC runs it: the year's stages (the server's answer by the one rule of
// src/core/calendar.ts), the extensions granted within the viewer's scope, one extension for many agencies
// at once (one agency, a province, an agency type, every participating agency), and closing the year.
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize } from '../../core/authz.ts';
import { calendarState } from '../../core/calendar.ts';
import { conflict } from '../../core/errors.ts';
import { assertNever } from '../../core/exhaustive.ts';
import {
  agencyBriefsByIds,
  agencyIdsInScope,
  cycleNotOpen,
  type ParticipantFilter,
  participatingAgencyIds,
} from '../agencies/index.ts';
import { appendAudit } from '../audit/index.ts';
import { frameworkForYear, frameworkLoaded } from '../frameworks/index.ts';
import { userNamesByIds } from '../users/index.ts';
import {
  deleteClosure,
  insertClosure,
  selectClosure,
  selectStageExtensionEnds,
  selectYearExtensions,
  upsertExtensions,
} from './calendar.repo.ts';
import { assertExtensionLater, cycleClosed, frameworkStage } from './calendar.service.ts';
import type { BulkExtensionBody, CycleCalendar, ExtensionTarget } from './cycles.schema.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

/** Enough extensions for the screen; the total says when there are more. */
const EXTENSIONS_SHOWN = 500;

export async function cycleCalendar(deps: Deps, actor: Actor | null, year: number): Promise<CycleCalendar> {
  authorize(actor, 'cycle.view', null);
  const loaded = await frameworkLoaded(deps.db, year);
  const [calendar, closure, rows] = await Promise.all([
    loaded ? frameworkForYear(deps.db, year).then((f) => f.framework.calendar) : Promise.resolve([]),
    selectClosure(deps.db, year),
    selectYearExtensions(deps.db, year, agencyIdsInScope(actor)),
  ]);
  const shown = rows.slice(0, EXTENSIONS_SHOWN);
  const [names, briefs] = await Promise.all([
    userNamesByIds(deps.db, [...shown.map((r) => r.grantedBy), closure?.closedBy ?? null]),
    agencyBriefsByIds(
      deps.db,
      shown.map((r) => r.agencyId),
    ),
  ]);
  const person = (id: string | null) => {
    const u = id ? names.get(id) : undefined;
    return u ? { id: u.id, displayName: u.displayName } : null;
  };
  // The framework's own dates (no agency, so no extension), by the same rule as every agency's pages.
  const state = calendarState(calendar, new Map(), deps.now(), closure?.closedAt ?? null);
  return {
    year,
    frameworkLoaded: loaded,
    today: state.today,
    stages: state.stages.map((s) => ({
      code: s.code,
      name: s.name,
      start: s.start,
      end: s.end,
      open: s.open,
      phase: s.phase,
      daysLeft: s.daysLeft,
    })),
    current: state.current,
    next: state.next,
    allEnded: state.allEnded,
    closure: closure
      ? {
          closedAt: closure.closedAt.toISOString(),
          reason: closure.reason,
          closedBy: person(closure.closedBy),
        }
      : null,
    extensions: shown.flatMap((r) => {
      const a = briefs.get(r.agencyId);
      if (!a) return [];
      return [
        {
          agency: { id: a.id, code: a.code, nameTh: a.nameTh, nameEn: a.nameEn },
          stage: r.stage,
          endsOn: r.endsOn,
          reason: r.reason,
          grantedAt: r.grantedAt.toISOString(),
          grantedBy: person(r.grantedBy),
        },
      ];
    }),
    extensionsTotal: rows.length,
  };
}

function participantFilter(target: ExtensionTarget): ParticipantFilter {
  switch (target.kind) {
    case 'agency':
      return { agencyIds: [target.agencyId] };
    case 'province':
      return { provinceCode: target.provinceCode };
    case 'agencyType':
      return { agencyType: target.agencyType };
    case 'all':
      return {};
    default:
      return assertNever(target);
  }
}

const noAgencyMatches = () =>
  conflict(
    'no_agencies_match',
    'ไม่มีหน่วยงานที่เข้าร่วมรอบการประเมินปีนี้ตรงกับที่เลือก จึงไม่มีการขยายเวลา',
    'No agency taking part in this year matches your choice; nothing was extended',
  );

/**
 * One stage extended to the same last day, with one reason, for every active agency taking part in the
 * year that the target selects — and no other. All or nothing, one audit entry per agency.
 */
export async function extendMany(deps: Deps, actor: Actor | null, year: number, body: BulkExtensionBody) {
  authorize(actor, 'calendar.extendMany', null);
  const stage = await frameworkStage(deps.db, year, body.stage);
  assertExtensionLater(stage, body.endsOn);
  if (await selectClosure(deps.db, year)) throw cycleClosed(year);
  const agencyIds = await participatingAgencyIds(deps.db, year, participantFilter(body.target));
  if (agencyIds.length === 0) throw body.target.kind === 'agency' ? cycleNotOpen(year) : noAgencyMatches();
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const before = await selectStageExtensionEnds(tx, year, body.stage, agencyIds);
    await upsertExtensions(tx, { agencyIds, year, ...body }, actor.userId, now);
    for (const agencyId of agencyIds) {
      const was = before.get(agencyId);
      await appendAudit(
        tx,
        {
          actor,
          agencyId,
          entityType: 'stage_extension',
          entityId: `${agencyId}:${year}:${body.stage}`,
          action: was ? 'update' : 'create',
          before: was ? { endsOn: was } : null,
          after: {
            stage: body.stage,
            frameworkEnd: stage.end,
            endsOn: body.endsOn,
            reason: body.reason,
            target: body.target,
          },
        },
        now,
      );
    }
  });
  return { extended: agencyIds.length, agencyIds };
}

/** Closes the year: from now no stage is open for any agency, extensions included. Audited. */
export async function closeCycle(deps: Deps, actor: Actor | null, year: number, reason: string) {
  authorize(actor, 'cycle.close', null);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const done = await insertClosure(tx, { year, closedAt: now, closedBy: actor.userId, reason });
    if (!done) throw cycleClosed(year);
    await appendAudit(
      tx,
      { actor, entityType: 'cycle', entityId: String(year), action: 'close', after: { reason } },
      now,
    );
  });
  return cycleCalendar(deps, actor, year);
}

/** Reopens a closed year (the stages' dates and extensions apply again); nothing to reopen is no error. */
export async function reopenCycle(deps: Deps, actor: Actor | null, year: number) {
  authorize(actor, 'cycle.close', null);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const removed = await deleteClosure(tx, year);
    if (!removed) return;
    await appendAudit(
      tx,
      {
        actor,
        entityType: 'cycle',
        entityId: String(year),
        action: 'reopen',
        before: { closedAt: removed.closedAt.toISOString(), reason: removed.reason },
      },
      now,
    );
  });
  return cycleCalendar(deps, actor, year);
}
