// How bench:submit measures its servers: a warm-up each, then the measured time in slices. With several
// servers and rounds the slices alternate (A B, B A, A B…), so that other work on the machine, which comes
// and goes over seconds, weighs on every server alike instead of on whichever ran while it was there; one
// server is loaded at a time. The figures add up all slices of a server: submissions/s over the measured
// time, latency percentiles over every 2xx response, CPU time per accepted submission (submit-cpu.ts).
import { addCpu, type CpuUsed, perSubmission, sampleCpu } from './submit-cpu.ts';
import { type LoadResult, runLoad } from './submit-load.ts';
import type { Running } from './submit-processes.ts';

export interface Target {
  running: Running;
  /** Tag of a phase's submission ids (1 warm-up, 2 measured). */
  tag: (phase: number) => string;
  db: { databaseUrl: string | undefined; appName: string };
}

export interface Settings {
  connections: number;
  addresses: number;
  warmup: number;
  /** Measured seconds per server, split into `rounds` slices. */
  duration: number;
  rounds: number;
}

export interface Measured extends LoadResult {
  /** CPU µs per accepted submission of the server process and of its database backends (undefined where
   * it cannot be read: off Linux, PGlite, a remote PostgreSQL). */
  cpu: CpuUsed;
}

type Load = { agencyId: string; grant: string; sheets: string[] };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function measure(targets: Target[], load: Load, s: Settings): Promise<Measured[]> {
  const common = { ...load, connections: s.connections, addresses: s.addresses };
  for (const t of targets)
    await runLoad({ ...common, url: t.running.url, tag: t.tag(1), duration: s.warmup });
  const slices = targets.map(() => [] as LoadResult[]);
  const latencies = targets.map(() => [] as number[]);
  const cpu = targets.map((): CpuUsed => ({ server: 0, db: 0 }));
  for (let round = 0; round < s.rounds; round++) {
    const order = targets.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) {
      const t = targets[i] as Target;
      const before = await sampleCpu(t.running.child.pid, t.db);
      const result = await runLoad({
        ...common,
        url: t.running.url,
        tag: t.tag(2),
        duration: s.duration / s.rounds,
        latencies: latencies[i],
      });
      const after = await sampleCpu(t.running.child.pid, t.db);
      cpu[i] = addCpu(cpu[i] as CpuUsed, before, after);
      slices[i]?.push(result);
    }
  }
  return targets.map((_, i) => {
    const runs = slices[i] ?? [];
    const sum = (f: (r: LoadResult) => number) => runs.reduce((n, r) => n + f(r), 0);
    const statusCodes: Record<string, number> = {};
    for (const r of runs)
      for (const [code, n] of Object.entries(r.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
    const sorted = (latencies[i] ?? []).sort((a, b) => a - b);
    const seconds = sum((r) => r.seconds);
    const accepted = sum((r) => r.accepted);
    return {
      seconds,
      accepted,
      recorded: sum((r) => r.recorded),
      perSecond: seconds > 0 ? accepted / seconds : 0,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      non2xx: sum((r) => r.non2xx),
      errors: sum((r) => r.errors),
      statusCodes,
      unanswered: runs.flatMap((r) => r.unanswered),
      cpu: perSubmission(cpu[i] as CpuUsed, accepted),
    };
  });
}
