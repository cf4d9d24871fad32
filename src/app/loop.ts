// The one background loop of the server's workers (evidence checks, response release, processing runs,
// publication notices): one run at a time, a run every `intervalMs`, and at once when woken.

export interface Loop {
  /** Runs now instead of at the next tick; during a run, runs again as soon as it ends. */
  wake(): void;
  /** No further runs; resolves once the run in hand has finished. */
  stop(): Promise<void>;
}

export interface LoopOptions {
  intervalMs: number;
  /** Delay of the first run (0: at once). */
  firstDelayMs?: number;
  /** One run. Resolving to `true` asks for the next run at once (more work may be waiting). */
  run(): Promise<unknown>;
  /** A failed run is reported here and the loop goes on at the next tick. */
  onError(err: unknown): void;
}

export function startLoop(o: LoopOptions): Loop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inHand: Promise<unknown> = Promise.resolve();
  let running = false;
  let again = false;
  const schedule = (delay: number) => {
    if (stopped || timer) return;
    timer = setTimeout(tick, delay);
    timer.unref();
  };
  const tick = () => {
    timer = undefined;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    inHand = Promise.resolve()
      .then(() => o.run())
      .then(
        (more) => {
          if (more === true) again = true;
        },
        (err: unknown) => o.onError(err),
      )
      .finally(() => {
        running = false;
        schedule(again ? 0 : o.intervalMs);
      });
  };
  schedule(o.firstDelayMs ?? 0);
  return {
    wake() {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      if (timer) clearTimeout(timer);
      timer = undefined;
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await inHand;
    },
  };
}
