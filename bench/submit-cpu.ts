// CPU time that bench:submit's servers spend per accepted submission: the server process and, on a local
// PostgreSQL, the database backends of its connection pool (found by the application name its connections
// carry). Read from /proc (Linux; elsewhere the figures are n/a). Unlike submissions per second, CPU time per
// submission hardly moves when other work shares the machine, so it compares the two servers even when the
// rates are noisy.
import { readFileSync } from 'node:fs';
import pg from 'pg';

const CLOCK_TICKS = 100; // USER_HZ, the unit of /proc/<pid>/stat's times on Linux

/** CPU seconds (user + system) a process has used so far, or undefined when /proc cannot tell. */
function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

const isLocal = (url: string) => ['127.0.0.1', 'localhost', '[::1]', ''].includes(new URL(url).hostname);

/** The application name a server's connections carry: set as PGAPPNAME in the environment it starts with. */
export const appNameOf = (runId: string, name: string) => `prongsai-bench-${runId}-${name}`;

/** CPU seconds so far: of the server process, and of each of its database backends by process id. */
export interface CpuSample {
  server: number | undefined;
  db: Map<number, number> | undefined;
}

/** CPU seconds used: the server process's and its database backends' (summed). */
export interface CpuUsed {
  server: number | undefined;
  db: number | undefined;
}

export async function sampleCpu(
  serverPid: number | undefined,
  db: { databaseUrl: string | undefined; appName: string },
): Promise<CpuSample> {
  const server = cpuSeconds(serverPid);
  if (!db.databaseUrl || !isLocal(db.databaseUrl)) return { server, db: undefined };
  const client = new pg.Client({ connectionString: db.databaseUrl, application_name: 'prongsai-bench' });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where application_name = $1',
      [db.appName],
    );
    const backends = new Map<number, number>();
    for (const { pid } of rows) {
      const s = cpuSeconds(pid);
      if (s === undefined) return { server, db: undefined };
      backends.set(pid, s);
    }
    return { server, db: backends };
  } finally {
    await client.end();
  }
}

/**
 * CPU seconds used between two samples, added to `total` (unknown stays unknown). A backend the pool
 * opened in between counts from zero (an idle pool may have closed its connections before a slice).
 */
export function addCpu(total: CpuUsed, before: CpuSample, after: CpuSample): CpuUsed {
  const server =
    total.server === undefined || before.server === undefined || after.server === undefined
      ? undefined
      : total.server + (after.server - before.server);
  let db: number | undefined;
  if (total.db !== undefined && before.db && after.db) {
    db = total.db;
    for (const [pid, s] of after.db) db += s - (before.db.get(pid) ?? 0);
  }
  return { server, db };
}

/** µs per accepted submission. */
export function perSubmission(used: CpuUsed, accepted: number): CpuUsed {
  const per = (s: number | undefined) =>
    s === undefined || accepted === 0 ? undefined : (s * 1e6) / accepted;
  return { server: per(used.server), db: per(used.db) };
}
