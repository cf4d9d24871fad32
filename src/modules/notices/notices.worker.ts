// The notices worker, on every instance: plans due reminders (every PLAN_INTERVAL_MS: the unique keys make
// two instances' plans one) and sends what is due (every SEND_INTERVAL_MS and when woken: a reminder sent
// from the matrix goes at once outside quiet hours). Tests call `runNotices` with an injected clock.
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../../app/context.ts';
import { type Loop, startLoop } from '../../app/loop.ts';
import { bangkokWeekOf } from '../../core/notices/reminders.ts';
import { planMeasureReminders } from './notices.measures.ts';
import { planDigests, planStageReminders } from './notices.plan.ts';
import { type SendReport, sendDueNotices } from './notices.send.ts';
import type { StageWorkSource } from './notices.work.ts';

export const PLAN_INTERVAL_MS = 15 * 60_000;
export const SEND_INTERVAL_MS = 60_000;

type Deps = Pick<AppDeps, 'db' | 'now' | 'mailer' | 'config'>;
type Log = Pick<FastifyBaseLogger, 'warn'>;

/** Plans (when `plan`) then sends everything due now. */
export async function runNotices(
  deps: Deps,
  source: StageWorkSource,
  o: { plan: boolean; digests?: boolean; log?: Log },
): Promise<{ queued: number } & SendReport> {
  let queued = 0;
  const quietHours = deps.config.notices.quietHours;
  if (o.plan) queued += await planStageReminders({ ...deps, quietHours }, source);
  if (o.plan) queued += await planMeasureReminders({ ...deps, quietHours });
  if (o.plan && o.digests !== false) queued += await planDigests({ ...deps, quietHours }, source);
  const sent = await sendDueNotices({ ...deps, publicUrl: deps.config.publicUrl, quietHours }, source, o.log);
  return { queued, ...sent };
}

let wakeCurrent: (() => void) | null = null;

/** Asks this process's sender to look now (after a reminder sent from the matrix). */
export function wakeNoticeSender(): void {
  wakeCurrent?.();
}

export function startNoticeWorker(deps: Deps, source: StageWorkSource, log: Log): Loop {
  let plannedAt = Number.NEGATIVE_INFINITY;
  // Digests are worked out once a week per process (and again after a restart): a supervisor with nobody
  // behind gets no row, so without this every planning round would ask again.
  let digestWeek = '';
  const loop = startLoop({
    intervalMs: SEND_INTERVAL_MS,
    firstDelayMs: 5_000,
    run: async () => {
      const now = deps.now();
      const plan = now.getTime() - plannedAt >= PLAN_INTERVAL_MS;
      const week = bangkokWeekOf(now);
      const digests = plan && week !== digestWeek;
      if (plan) plannedAt = now.getTime();
      await runNotices(deps, source, { plan, digests, log });
      if (digests) digestWeek = week;
    },
    onError: (err) => log.warn({ err }, 'notices worker failed; trying again later'),
  });
  const wake = loop.wake;
  wakeCurrent = wake;
  return {
    wake,
    async stop() {
      await loop.stop();
      if (wakeCurrent === wake) wakeCurrent = null;
    },
  };
}
