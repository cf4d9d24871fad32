// CPU seconds and peak RSS of bench:process's phases (this process, and a local PostgreSQL from /proc).
import { readFileSync } from 'node:fs';
import pg from 'pg';

export interface Cpu {
  node: number;
  postgres: number | null;
}

const CLOCK_TICKS = 100; // USER_HZ, the unit of /proc/<pid>/stat's times on Linux

/** utime, stime, cutime, cstime of a process (seconds), or null when /proc cannot tell (not Linux, gone). */
export function procTimes(pid: number): { ppid: number; own: number; children: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (which may hold spaces): ppid is the 2nd, utime..cstime 12th–15th.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      ppid: Number(f[1]),
      own: (Number(f[11]) + Number(f[12])) / CLOCK_TICKS,
      children: (Number(f[13]) + Number(f[14])) / CLOCK_TICKS,
    };
  } catch {
    return null;
  }
}

/**
 * Samples, every 100 ms, the CPU seconds of every process of one database on a local server — its backends
 * and the parallel workers of its queries (pg_stat_activity, /proc) — so that other databases on the server
 * (the other helpers' tests) do not count. A parallel worker's last < 100 ms before it exits are missed.
 */
export async function databaseCpu(url: string | null): Promise<{ stop(): Promise<number | null> } | null> {
  if (!url) return null;
  const client = new pg.Client({ connectionString: url, application_name: 'bench-cpu-sampler' });
  await client.connect();
  const seen = new Map<number, { first: number; last: number }>();
  let firstSample = true;
  let failed = false;
  const sample = async () => {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    for (const { pid } of rows) {
      const t = procTimes(pid);
      if (!t) {
        if (firstSample) failed = true;
        continue;
      }
      const known = seen.get(pid);
      // A process that appears later is new: it counts from zero.
      if (known) known.last = t.own;
      else seen.set(pid, { first: firstSample ? t.own : 0, last: t.own });
    }
    firstSample = false;
  };
  await sample();
  let running = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(sample).catch(() => undefined);
  }, 100);
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await sample();
      await client.end();
      if (failed) return null;
      let total = 0;
      for (const { first, last } of seen.values()) total += last - first;
      return total;
    },
  };
}

/** CPU seconds of this process (all threads) and of the bench's database while `run` runs. */
export async function withCpu<T>(
  databaseUrl: string | null,
  run: () => Promise<T>,
): Promise<{ value: T; cpu: Cpu }> {
  const sampler = await databaseCpu(databaseUrl);
  const nodeBefore = process.cpuUsage();
  const value = await run();
  const node = process.cpuUsage(nodeBefore);
  return {
    value,
    cpu: { node: (node.user + node.system) / 1e6, postgres: sampler ? await sampler.stop() : null },
  };
}

/** Peak RSS above the level at the start, sampled every 50 ms while `run` runs. */
export async function withRss<T>(
  run: () => Promise<T>,
): Promise<{ value: T; rssGrowthMb: number; atPeak: string }> {
  const start = process.memoryUsage();
  let peak = start;
  const sample = () => {
    const now = process.memoryUsage();
    if (now.rss > peak.rss) peak = now;
  };
  const timer = setInterval(sample, 50);
  try {
    const value = await run();
    sample();
    // What grew, to tell live data from garbage not yet collected and from the driver's buffers.
    const mb = (k: keyof NodeJS.MemoryUsage) => `${k} ${((peak[k] - start[k]) / 2 ** 20).toFixed(0)}`;
    const atPeak = ['heapTotal', 'heapUsed', 'external', 'arrayBuffers']
      .map((k) => mb(k as never))
      .join(', ');
    return { value, rssGrowthMb: (peak.rss - start.rss) / 2 ** 20, atPeak };
  } finally {
    clearInterval(timer);
  }
}
