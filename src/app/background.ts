// Work done after the answer has gone: mail and audit entries whose timing must not show in the response
// (a slower answer for an existing account would tell an attacker which usernames exist).
// Tasks are tracked so tests, and a closing server, can wait for them.

interface ErrorLog {
  error(obj: unknown, msg: string): void;
}

const pending = new Set<Promise<void>>();

/**
 * Runs `task` once the current request's answer has been written (the next turn of the event loop, after
 * the reply in hand is sent), without delaying it; a failure is logged, never thrown.
 */
export function runAfterResponse(log: ErrorLog, what: string, task: () => Promise<void>): void {
  const p: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(task)
    .catch((err: unknown) => log.error({ err }, `${what} failed`))
    .finally(() => pending.delete(p));
  pending.add(p);
}

/** Resolves once every task started so far (and any they start) has finished. */
export async function settleAfterResponseTasks(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
