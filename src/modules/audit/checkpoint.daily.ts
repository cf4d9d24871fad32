// The daily checkpoint: every instance looks at start and every few minutes whether today's (Bangkok) has
// been taken, and takes it if not. The unique day in the table makes several instances take one between
// them; a day missed while every instance was down is made up at the next start (the log cannot have
// grown meanwhile, since only the app writes it).
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../../app/context.ts';
import { bangkokToday } from '../../core/calendar.ts';
import { auditKeys } from './checkpoint.keys.ts';
import { ensureDailyCheckpoint } from './checkpoint.service.ts';

export const DAILY_CHECK_INTERVAL_MS = 10 * 60_000;

export function startDailyCheckpoints(
  deps: AppDeps,
  log: Pick<FastifyBaseLogger, 'info' | 'error'>,
  intervalMs = DAILY_CHECK_INTERVAL_MS,
): { stop(): Promise<void> } {
  // One alarm e-mail per day and instance when the trail fails, not one every few minutes.
  let alarmedDay: string | null = null;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    const day = bangkokToday(deps.now());
    running = ensureDailyCheckpoint(deps, alarmedDay !== day)
      .then((outcome) => {
        if (outcome.taken) log.info({ seq: outcome.checkpoint.seq, day }, 'daily audit checkpoint taken');
        else if (outcome.why === 'trail_not_intact') {
          alarmedDay = day;
          log.error({ status: outcome.verification.status, day }, 'audit trail failed verification');
        }
      })
      .catch((err: unknown) => log.error({ err }, 'daily audit checkpoint failed'))
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** A start-up task: reads the signing key (a production server without one does not start) and says which. */
export async function auditKeysTask(deps: Pick<AppDeps, 'config'>): Promise<string[]> {
  const keys = auditKeys(deps.config);
  const where = keys.file ? ` (${keys.file})` : keys.source === 'env' ? ' (AUDIT_SIGNING_KEY)' : '';
  return [`  Audit checkpoints signed by key ${keys.signing.fingerprint}${where}`];
}
