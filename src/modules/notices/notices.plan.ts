// The planner: decides which reminders are due now and queues them (the sender delivers them). Run by the
// notices worker every few minutes on every instance; two planners queue the same keys, and the unique key
// keeps one. What is queued:
// - before a deadline: for each agency whose own work of an open reminder stage is not done, when the days
//   left reach a reminder step (7, 3, 1), one notice to each of its admins and executives;
// - once a week: to each supervisor, the agencies of their scope that are behind (a stage over with work not
//   done, or due within the first reminder step), when there are any.

import {
  bangkokWeekOf,
  type DigestLine,
  noticeKey,
  REMINDER_STEPS,
  reminderStep,
  sendableAt,
} from '../../core/notices/reminders.ts';
import type { Db } from '../../db/client.ts';
import { agencyNamesByIds, agencyScopeCondition, participantsIn } from '../agencies/index.ts';
import { frameworksForYears, latestFrameworkYear } from '../frameworks/index.ts';
import { activeSupervisorIds, agencyReminderRecipients, loadActor } from '../users/index.ts';
import { existingKeys, type NewNotice, queueNotices } from './notices.repo.ts';
import type { StageWork, StageWorkSource } from './notices.work.ts';

export interface PlanDeps {
  db: Db;
  now: () => Date;
  /** When false (NOTICE_QUIET_HOURS=false), notices are due at once even at night. */
  quietHours: boolean;
}

/** When a notice decided now may go: at once, or after quiet hours. */
export const dueAtFor = (now: Date, quietHours: boolean) => (quietHours ? sendableAt(now) : now);

/** A digest lists at most this many lines (the rest are counted). */
export const DIGEST_MAX_LINES = 200;

/**
 * The fiscal years whose reminder stages may be running: the newest framework year and the one before (a
 * cycle runs into the next fiscal year, and extensions keep stages open past the framework's dates; the
 * monitoring rule says for each agency whether a stage is open).
 */
export async function plannedYears(db: Db): Promise<number[]> {
  const latest = await latestFrameworkYear(db);
  if (latest === null) return [];
  const frameworks = await frameworksForYears(db, [latest - 1, latest]);
  return [...frameworks.keys()].sort();
}

export async function planStageReminders(deps: PlanDeps, source: StageWorkSource): Promise<number> {
  const now = deps.now();
  let queued = 0;
  for (const year of await plannedYears(deps.db)) {
    const due = (await source(deps.db, year, { everyAgency: true }, now)).filter(
      (w): w is StageWork & { deadline: string; daysLeft: number } =>
        w.outstanding && w.phase === 'open' && w.deadline !== null && reminderStep(w.daysLeft) !== null,
    );
    if (due.length === 0) continue;
    const agencyIds = [...new Set(due.map((w) => w.agencyId))];
    const [recipients, names] = await Promise.all([
      agencyReminderRecipients(deps.db, agencyIds),
      agencyNamesByIds(deps.db, agencyIds),
    ]);
    const dueAt = dueAtFor(now, deps.quietHours);
    const rows: NewNotice[] = due.flatMap((w) => {
      const step = reminderStep(w.daysLeft) as number;
      const key = {
        kind: 'stage_reminder',
        agencyId: w.agencyId,
        year,
        stage: w.stage,
        deadline: w.deadline,
        step,
      } as const;
      return recipients
        .filter((r) => r.agencyId === w.agencyId)
        .map((r) => ({
          userId: r.id,
          kind: 'stage_reminder' as const,
          dedupeKey: noticeKey(key, r.id),
          year,
          agencyId: w.agencyId,
          stage: w.stage,
          reason: {
            rule: 'before_deadline' as const,
            agencyName: names.get(w.agencyId)?.nameTh ?? '',
            stage: w.stage,
            deadline: w.deadline,
            daysLeft: w.daysLeft,
            step,
            tasks: w.tasks,
          },
          dueAt,
          createdBy: null,
        }));
    });
    queued += (await queueNotices(deps.db, rows, now)).length;
  }
  return queued;
}

/**
 * The laggards of a supervisor's scope in a year: agencies whose own work of a reminder stage is not done,
 * the stage being over or due within the first reminder step. Overdue first, then by days left and name.
 */
export async function digestLines(
  deps: PlanDeps,
  source: StageWorkSource,
  supervisorId: string,
  year: number,
): Promise<{ lines: DigestLine[]; total: number }> {
  const actor = await loadActor(deps.db, supervisorId);
  if (actor?.role !== 'supervisor') return { lines: [], total: 0 };
  const agencies = await participantsIn(deps.db, year, { scope: agencyScopeCondition(actor) });
  if (agencies.length === 0) return { lines: [], total: 0 };
  const names = new Map(agencies.map((a) => [a.id, a.nameTh]));
  const firstStep = Math.max(...REMINDER_STEPS);
  const all = (await source(deps.db, year, { agencyIds: [...names.keys()] }, deps.now()))
    .filter(
      (w) =>
        w.outstanding &&
        (w.phase === 'ended' || (w.phase === 'open' && w.daysLeft !== null && w.daysLeft <= firstStep)),
    )
    .map((w) => ({
      agencyId: w.agencyId,
      agencyName: names.get(w.agencyId) ?? '',
      stage: w.stage,
      deadline: w.deadline,
      daysLeft: w.daysLeft,
      overdue: w.phase === 'ended',
      tasks: w.tasks,
    }))
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        (a.daysLeft ?? 0) - (b.daysLeft ?? 0) ||
        a.agencyName.localeCompare(b.agencyName, 'th') ||
        a.stage.localeCompare(b.stage),
    );
  return { lines: all.slice(0, DIGEST_MAX_LINES), total: all.length };
}

export async function planDigests(deps: PlanDeps, source: StageWorkSource): Promise<number> {
  const now = deps.now();
  const week = bangkokWeekOf(now);
  let queued = 0;
  for (const year of await plannedYears(deps.db)) {
    const supervisors = await activeSupervisorIds(deps.db);
    const keyOf = (id: string) => noticeKey({ kind: 'digest', year, week }, id);
    const done = await existingKeys(deps.db, supervisors.map(keyOf));
    for (const supervisorId of supervisors.filter((id) => !done.has(keyOf(id)))) {
      const { lines, total } = await digestLines(deps, source, supervisorId, year);
      if (lines.length === 0) continue;
      const row: NewNotice = {
        userId: supervisorId,
        kind: 'digest',
        dedupeKey: keyOf(supervisorId),
        year,
        agencyId: null,
        stage: null,
        reason: { rule: 'weekly_digest', week, lines, total },
        dueAt: dueAtFor(now, deps.quietHours),
        createdBy: null,
      };
      queued += (await queueNotices(deps.db, [row], now)).length;
    }
  }
  return queued;
}
