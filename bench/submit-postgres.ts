// The PostgreSQL database bench:submit runs on: DATABASE_URL when set (kept afterwards, only the bench's rows
// are removed); else a throwaway database on the server at 127.0.0.1:5432 when it answers (dropped
// afterwards); else a throwaway server from the installed binaries, as .ci/run starts one (stopped and
// deleted afterwards).
import { execFileSync } from 'node:child_process';
import { chownSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './submit-processes.ts';

export interface BenchPostgres {
  url: string;
  /** How the database was found, for the printed header. */
  origin: string;
  /** Whether the database belongs to someone else (then only the bench's own rows are removed). */
  borrowed: boolean;
  dispose(): Promise<void>;
}

const LOCAL_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function withClient<T>(url: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const withDatabase = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

async function throwawayDatabase(adminUrl: string, origin: string): Promise<BenchPostgres> {
  const name = `prongsai_bench_${process.pid}_${Date.now().toString(36)}`;
  await withClient(adminUrl, (c) => c.query(`create database ${name}`));
  return {
    url: withDatabase(adminUrl, name),
    origin: `${origin}, throwaway database ${name}`,
    borrowed: false,
    dispose: () =>
      withClient(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(),
  };
}

/** initdb + pg_ctl as the postgres user (initdb refuses root), like .ci/run. */
async function throwawayServer(): Promise<BenchPostgres> {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  if (!newest) throw new Error('no PostgreSQL binaries under /usr/lib/postgresql and no DATABASE_URL');
  const bin = `/usr/lib/postgresql/${newest}/bin`;
  const dir = await mkdtemp(path.join(tmpdir(), 'prongsai-bench-pg-'));
  const root = process.getuid?.() === 0;
  if (root) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), 0);
  const run = (command: string) =>
    root
      ? execFileSync('su', ['postgres', '-c', command], { stdio: 'pipe' })
      : execFileSync('bash', ['-c', command], { stdio: 'pipe' });
  const port = await freePort();
  run(`${bin}/initdb -D ${dir}/data -U app --auth=trust -E UTF8 --locale=C.UTF-8`);
  run(
    `${bin}/pg_ctl -D ${dir}/data -o '-p ${port} -k ${dir} -c listen_addresses=127.0.0.1' -l ${dir}/log -w start`,
  );
  return {
    url: `postgres://app@127.0.0.1:${port}/postgres`,
    origin: `throwaway PostgreSQL ${newest} server on port ${port}`,
    borrowed: false,
    dispose: async () => {
      run(`${bin}/pg_ctl -D ${dir}/data -m fast -w stop`);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function benchPostgres(databaseUrl: string | undefined): Promise<BenchPostgres> {
  if (databaseUrl)
    return { url: databaseUrl, origin: 'DATABASE_URL', borrowed: true, dispose: async () => undefined };
  if (await answers(LOCAL_ADMIN_URL)) return throwawayDatabase(LOCAL_ADMIN_URL, '127.0.0.1:5432');
  return throwawayServer();
}

export async function serverVersion(url: string): Promise<string> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ v: string }>(`select current_setting('server_version') as v`);
    return rows[0]?.v ?? '?';
  });
}
