// Where a processing run's time goes (bench:process prints it): milliseconds per phase, summed over the
// chunks. Optional everywhere: the worker in the server runs without it.

export interface PhaseTimings {
  add(phase: string, ms: number): void;
}

/** Times `work` (started now) under `phase` when timings are collected. */
export async function timed<T>(
  timings: PhaseTimings | undefined,
  phase: string,
  work: Promise<T>,
): Promise<T> {
  if (!timings) return work;
  const t0 = performance.now();
  try {
    return await work;
  } finally {
    timings.add(phase, performance.now() - t0);
  }
}

/** Times a synchronous step under `phase` when timings are collected. */
export function timedSync<T>(timings: PhaseTimings | undefined, phase: string, work: () => T): T {
  if (!timings) return work();
  const t0 = performance.now();
  try {
    return work();
  } finally {
    timings.add(phase, performance.now() - t0);
  }
}
