// Backups of either driver, and restores into a fresh folder or database.
// - PGlite: a gzipped tar of the data folder (PGlite's dumpDataDir), taken by the process that holds the
//   database, between two statements (PGlite runs one at a time): the copy is the database as of that
//   moment, with the write-ahead log, so transactions open at that moment are rolled back when it is opened.
// - PostgreSQL: `pg_dump --format=custom` (one snapshot transaction, no need to stop the app) and
//   `pg_restore` into an empty database.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { openPglite } from '../db/client.ts';

export type BackupKind = 'pglite' | 'postgres';

/** Which driver a backup file belongs to, from its first bytes (gzip, or pg_dump's "PGDMP"). */
export function backupKindOf(head: Uint8Array): BackupKind | null {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  if (Buffer.from(head.subarray(0, 5)).toString('latin1') === 'PGDMP') return 'postgres';
  return null;
}

export async function dumpPglite(client: PGlite): Promise<Uint8Array> {
  // Writes dirty pages out first, so that opening the copy replays little log; not needed for consistency.
  await client.exec('CHECKPOINT');
  const blob = await client.dumpDataDir('gzip');
  return new Uint8Array(await blob.arrayBuffer());
}

/** Backup of a PGlite folder no server holds (the caller made sure of that). */
export async function backupPgliteFolder(pgliteDir: string): Promise<Uint8Array> {
  if (!isNonEmptyDir(pgliteDir)) throw new Error(`no embedded database in ${pgliteDir}`);
  const database = await openPglite({ dataDir: pgliteDir, migrate: false });
  try {
    return await dumpPglite(database.client);
  } finally {
    await database.close();
  }
}

/** Restores into a folder that does not exist yet or is empty; never over a database. */
export async function restorePglite(backup: Uint8Array, pgliteDir: string): Promise<void> {
  if (isNonEmptyDir(pgliteDir))
    throw new Error(`${pgliteDir} is not empty: restore into a new data folder (PRONGSAI_DATA_DIR)`);
  const database = await openPglite({
    dataDir: pgliteDir,
    loadDataDir: new Blob([backup as Uint8Array<ArrayBuffer>]),
    migrate: false,
  });
  await database.close();
}

function isNonEmptyDir(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).length > 0;
}

/** pg_dump in custom format, written to `file`. */
export async function pgDump(url: string, file: string, binDir?: string): Promise<void> {
  const { dbname, env } = libpqTarget(url);
  await run(pgTool('pg_dump', binDir), ['--format=custom', `--file=${file}`, `--dbname=${dbname}`], env);
}

/** pg_restore into `url`, which must be an empty database (create it first: `createdb`). */
export async function pgRestore(url: string, file: string, binDir?: string): Promise<void> {
  await assertEmptyDatabase(url);
  const { dbname, env } = libpqTarget(url);
  await run(
    pgTool('pg_restore', binDir),
    ['--exit-on-error', '--no-owner', '--no-privileges', '--single-transaction', `--dbname=${dbname}`, file],
    env,
  );
}

async function assertEmptyDatabase(url: string) {
  const { default: pg } = await import('pg'); // loaded for PostgreSQL only, never when the server starts
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_class c join pg_namespace s on s.oid = c.relnamespace
        where s.nspname not in ('pg_catalog', 'information_schema') and s.nspname not like 'pg\\_%'`,
    );
    if ((rows[0]?.n ?? 0) > 0)
      throw new Error(
        'the target database is not empty: restore into a new database (createdb, then DATABASE_URL)',
      );
  } finally {
    await client.end();
  }
}

/**
 * The connection string for libpq without its password, which goes in PGPASSWORD: command lines are
 * visible to every user of the machine (`ps`), the environment of another user's process is not.
 */
function libpqTarget(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/** The PostgreSQL client tool: from `binDir`, else PATH, else the newest /usr/lib/postgresql/<n>/bin. */
export function pgTool(name: 'pg_dump' | 'pg_restore', binDir?: string): string {
  if (binDir) return path.join(binDir, name);
  for (const dir of (process.env.PATH ?? '').split(path.delimiter))
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian)
    ? readdirSync(debian)
        .filter((v) => existsSync(path.join(debian, v, 'bin', name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return path.join(debian, versions[0], 'bin', name);
  throw new Error(`${name} not found: install the PostgreSQL client (same major version as the server)`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(command)} failed (${code}): ${stderr.trim()}`)),
    );
  });
}
