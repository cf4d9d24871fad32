// CPU seconds and peak RSS of bench:process's phases (this process, and a local PostgreSQL from /proc).
import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';

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
 * CPU seconds PostgreSQL has used so far on a local server: its postmaster's children alive now (backends,
 * parallel workers) plus those it has reaped. Counts the whole server, so other work on it adds a little
 * (the other helpers mostly use PGlite); null for PGlite, a remote server or off Linux.
 */
export async function postgresCpu(db: Db, postgres: boolean): Promise<number | null> {
  if (!postgres) return null;
  const pid = (await db.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`)).rows[0]?.pid;
  const postmaster = pid === undefined ? null : procTimes(Number(pid))?.ppid;
  const main = postmaster ? procTimes(postmaster) : null;
  if (!postmaster || !main) return null;
  let total = main.own + main.children;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const p = procTimes(Number(entry));
    if (p?.ppid === postmaster) total += p.own;
  }
  return total;
}

/** CPU seconds of this process (all threads) and of PostgreSQL while `run` runs. */
export async function withCpu<T>(
  db: Db,
  postgres: boolean,
  run: () => Promise<T>,
): Promise<{ value: T; cpu: Cpu }> {
  const pgBefore = await postgresCpu(db, postgres);
  const nodeBefore = process.cpuUsage();
  const value = await run();
  const node = process.cpuUsage(nodeBefore);
  const pgAfter = await postgresCpu(db, postgres);
  return {
    value,
    cpu: {
      node: (node.user + node.system) / 1e6,
      postgres: pgBefore === null || pgAfter === null ? null : pgAfter - pgBefore,
    },
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
