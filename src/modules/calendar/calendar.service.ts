// Collection windows and other calendar stages per agency: the framework's dates, moved by any extension a
// NACC admin granted. `collectionWindow` is what the respondent pages ask before accepting an answer.
import type { AppDeps } from '../../app/context.ts';
import type { Actor } from '../../core/authz.ts';
import {
  calendarState,
  extensionProblem,
  type StageDates,
  type StageState,
  stageState,
} from '../../core/calendar.ts';
import { invalid } from '../../core/errors.ts';
import type { DbOrTx } from '../../db/client.ts';
import { allow, authorizedAgency, cycleClosed, requireParticipation } from '../agencies/index.ts';
import { appendAudit } from '../audit/index.ts';
import { frameworkForYear } from '../frameworks/index.ts';
import { type UserName, userNamesByIds } from '../users/index.ts';
import {
  deleteExtension,
  selectClosure,
  selectExtensionEnd,
  selectExtensions,
  upsertExtension,
} from './calendar.repo.ts';
import type { AgencyCalendar, CalendarStage, ExtensionBody } from './calendar.schema.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

/** Who granted an extension as the calendar shows it (a removed account: null, as before). */
function grantedByOf(id: string | null, names: Map<string, UserName>) {
  const user = id ? names.get(id) : undefined;
  return user ? { id: user.id, displayName: user.displayName } : null;
}

export type CollectionWindow =
  | StageState
  | {
      open: false;
      opensOn: null;
      closesOn: null;
      extended: false;
      closed: boolean;
      phase: null;
      daysLeft: null;
    };

/** When NACC closed the year (null while it is not closed): every stage of it is over from then on. */
export async function yearClosedAt(db: DbOrTx, year: number): Promise<Date | null> {
  return (await selectClosure(db, year))?.closedAt ?? null;
}

/** 409 for a change to a year NACC has closed (defined with the registry, which checks it too). */
export { cycleClosed };

/**
 * Whether a stage is open for an agency now. A stage the year's framework does not list is closed (there is
 * no date on which it could be open). Throws 404 when the year has no framework.
 */
export async function collectionWindow(
  db: DbOrTx,
  key: { agencyId: string; year: number; stage: string },
  now: Date,
): Promise<CollectionWindow> {
  const [{ framework }, closedAt] = await Promise.all([
    frameworkForYear(db, key.year),
    yearClosedAt(db, key.year),
  ]);
  const stage = framework.calendar.find((s) => s.code === key.stage);
  if (!stage)
    return {
      open: false,
      opensOn: null,
      closesOn: null,
      extended: false,
      closed: closedAt !== null && closedAt <= now,
      phase: null,
      daysLeft: null,
    };
  return stageState(stage, await selectExtensionEnd(db, key), now, closedAt);
}

export async function agencyCalendar(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
): Promise<AgencyCalendar> {
  // The calendar reads before a cycle opens too: the framework's dates are the same for every agency.
  await authorizedAgency(deps.db, actor, agencyId, allow('calendar.read'));
  const [{ framework }, rows, closedAt] = await Promise.all([
    frameworkForYear(deps.db, year),
    selectExtensions(deps.db, agencyId, year),
    yearClosedAt(deps.db, year),
  ]);
  const granters = await userNamesByIds(
    deps.db,
    rows.map((e) => e.grantedBy),
  );
  const extensions = new Map(rows.map((e) => [e.stage, e]));
  // The one rule (src/core/calendar.ts): the same answer as every write check and every other page.
  const state = calendarState(
    framework.calendar,
    new Map(rows.map((e) => [e.stage, e.endsOn])),
    deps.now(),
    closedAt,
  );
  const stages: CalendarStage[] = state.stages.map((s) => {
    const ext = extensions.get(s.code);
    return {
      code: s.code,
      name: s.name,
      start: s.start,
      end: s.end,
      effectiveEnd: s.closesOn,
      open: s.open,
      phase: s.phase,
      daysLeft: s.daysLeft,
      extended: s.extended,
      extension: ext
        ? {
            endsOn: ext.endsOn,
            reason: ext.reason,
            grantedAt: ext.grantedAt.toISOString(),
            grantedBy: grantedByOf(ext.grantedBy, granters),
          }
        : null,
    };
  });
  return {
    agencyId,
    year,
    today: state.today,
    stages,
    current: state.current,
    next: state.next,
    allEnded: state.allEnded,
    closed: state.closed,
  };
}

export async function extendStage(
  deps: Deps,
  actor: Actor | null,
  key: { agencyId: string; year: number; stage: string },
  body: ExtensionBody,
): Promise<AgencyCalendar> {
  const { actor: admin } = await authorizedAgency(deps.db, actor, key.agencyId, allow('calendar.extend'));
  const stage = await frameworkStage(deps.db, key.year, key.stage);
  assertExtensionLater(stage, body.endsOn);
  await requireParticipation(deps.db, key.agencyId, key.year);
  if (await yearClosedAt(deps.db, key.year)) throw cycleClosed(key.year);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const before = await selectExtensionEnd(tx, key);
    await upsertExtension(tx, { ...key, ...body, grantedBy: admin.userId, now });
    await appendAudit(
      tx,
      {
        actor,
        agencyId: key.agencyId,
        entityType: 'stage_extension',
        entityId: `${key.agencyId}:${key.year}:${key.stage}`,
        action: before ? 'update' : 'create',
        before: before ? { endsOn: before } : null,
        after: { stage: key.stage, frameworkEnd: stage.end, endsOn: body.endsOn, reason: body.reason },
      },
      now,
    );
  });
  return agencyCalendar(deps, actor, key.agencyId, key.year);
}

/** Removes an extension (idempotent: nothing to remove is not an error). */
export async function removeExtension(
  deps: Deps,
  actor: Actor | null,
  key: { agencyId: string; year: number; stage: string },
): Promise<AgencyCalendar> {
  await authorizedAgency(deps.db, actor, key.agencyId, allow('calendar.extend'));
  await frameworkStage(deps.db, key.year, key.stage);
  if (await yearClosedAt(deps.db, key.year)) throw cycleClosed(key.year);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const removed = await deleteExtension(tx, key);
    if (!removed) return;
    await appendAudit(
      tx,
      {
        actor,
        agencyId: key.agencyId,
        entityType: 'stage_extension',
        entityId: `${key.agencyId}:${key.year}:${key.stage}`,
        action: 'delete',
        before: removed,
      },
      now,
    );
  });
  return agencyCalendar(deps, actor, key.agencyId, key.year);
}

/** 400 unless the extension lengthens the stage (src/core/calendar.ts `extensionProblem`). */
export function assertExtensionLater(stage: StageDates, endsOn: string) {
  if (extensionProblem(stage, endsOn))
    throw invalid(
      'extension_not_later',
      `วันสิ้นสุดที่ขยายต้องอยู่หลังวันสิ้นสุดเดิม (${stage.end})`,
      `The extended last day must be after the stage's own last day (${stage.end})`,
      { end: stage.end },
    );
}

export async function frameworkStage(db: DbOrTx, year: number, code: string) {
  const { framework } = await frameworkForYear(db, year);
  const stage = framework.calendar.find((s) => s.code === code);
  if (!stage)
    throw invalid(
      'unknown_stage',
      `กรอบการประเมินปี ${year} ไม่มีขั้นตอน ${code}`,
      `The FY${year} framework has no stage ${code}`,
      { stages: framework.calendar.map((s) => s.code) },
    );
  return stage;
}
