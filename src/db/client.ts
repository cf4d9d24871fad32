// One schema, two drivers: embedded PGlite (default, zero setup) or PostgreSQL via DATABASE_URL.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { MIGRATIONS_DIR } from '../paths.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** Both drivers return `{ rows }` from raw queries; this result type lets `execute` be typed on either. */
export interface RowsResultHKT extends PgQueryResultHKT {
  readonly type: RowsResult<this['row']>;
}
type RowsResult<Row> = { rows: Row[] };
export type Db = PgDatabase<RowsResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<RowsResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A database handle or an open transaction: repos accept either. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  driver: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export { MIGRATIONS_DIR };

export async function openPostgres(
  url: string,
  opts: { migrate?: boolean; poolSize?: number } = {},
): Promise<Database> {
  // Each driver is loaded when it is opened: a PGlite server never loads pg, nor PostgreSQL PGlite.
  const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10 });
  // An idle connection dropped by the server (restart, failover, DROP DATABASE … FORCE) must not crash the
  // process: the pool replaces it on the next query.
  pool.on('error', (err) => {
    process.stderr.write(`postgres: idle connection lost: ${err.message}\n`);
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  if (opts.migrate !== false) await migratePg(db as never, { migrationsFolder: MIGRATIONS_DIR });
  return { db, driver: 'postgres', close: () => pool.end() };
}

/** Opens PGlite in a data folder (persistent), in memory (`dataDir` undefined), or from a dumped template. */
export async function openPglite(
  opts: { dataDir?: string; loadDataDir?: Blob | File; migrate?: boolean } = {},
): Promise<PgliteDatabase> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const [{ PGlite }, { drizzle: drizzleLite }, { migrate: migrateLite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const client = await PGlite.create({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir });
  const db = drizzleLite(client, { schema }) as unknown as Db;
  if (opts.migrate !== false) await migrateLite(db as never, { migrationsFolder: MIGRATIONS_DIR });
  return { db, client, driver: 'pglite', close: () => client.close() };
}

/** The embedded database, with its PGlite client (backups are taken through it). */
export type PgliteDatabase = Database & { driver: 'pglite'; client: PGlite };

export async function openDatabase(cfg: {
  databaseUrl?: string;
  dataDir: string;
}): Promise<Database | PgliteDatabase> {
  if (cfg.databaseUrl) return openPostgres(cfg.databaseUrl);
  return openPglite({ dataDir: path.join(cfg.dataDir, 'pglite') });
}
