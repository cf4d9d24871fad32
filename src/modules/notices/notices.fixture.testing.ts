// Test fixtures of the reminders: a source of "work outstanding" that stands in for the monitoring rule —
// each reminder stage of the framework's calendar by the one stage-window rule (core/calendar.ts), and
// whether the agency's work is done as the test says — so planner and sender tests control the facts.
import { calendarState } from '../../core/calendar.ts';
import { REMINDER_STAGES, type ReminderStage } from '../../core/notices/reminders.ts';
import type { Db } from '../../db/client.ts';
import { participatingAgencyIds } from '../agencies/index.ts';
import { frameworkForYear } from '../frameworks/index.ts';
import type { StageWork, StageWorkSource, WorkSelection } from './notices.work.ts';

export interface FakeWork {
  source: StageWorkSource;
  /** Marks an agency's work of a stage done (or not done again). */
  setDone(agencyId: string, stage: ReminderStage, done?: boolean): void;
  /** How often the source was asked, per selection kind. */
  calls: { every: number; some: number };
}

export function fakeWork(): FakeWork {
  const done = new Set<string>();
  const calls = { every: 0, some: 0 };
  const source: StageWorkSource = async (db: Db, year: number, select: WorkSelection, now: Date) => {
    if ('everyAgency' in select) calls.every += 1;
    else calls.some += 1;
    const { framework } = await frameworkForYear(db, year);
    const ids = await participatingAgencyIds(
      db,
      year,
      'agencyIds' in select ? { agencyIds: select.agencyIds } : {},
    );
    const cal = calendarState(framework.calendar, new Map(), now);
    const out: StageWork[] = [];
    for (const agencyId of ids)
      for (const s of cal.stages) {
        if (!(REMINDER_STAGES as readonly string[]).includes(s.code)) continue;
        const stage = s.code as ReminderStage;
        const isDone = done.has(`${agencyId}:${stage}`);
        out.push({
          agencyId,
          stage,
          phase: s.phase,
          deadline: s.closesOn,
          daysLeft: s.daysLeft,
          outstanding: !isDone && s.phase !== 'upcoming',
          tasks: isDone ? [] : [{ code: 'oit_answers', done: 3, required: 10 }],
        });
      }
    return out;
  };
  return {
    source,
    calls,
    setDone(agencyId, stage, yes = true) {
      if (yes) done.add(`${agencyId}:${stage}`);
      else done.delete(`${agencyId}:${stage}`);
    },
  };
}
