// COPY … TO as CSV on either driver, for downloads too large to hold in memory (the anonymous microdata,
// issue 11 §5). PostgreSQL streams the rows from the server (pg-copy-streams: the socket is paused while the
// reader is slow, so memory stays flat whatever the size); PGlite runs in this process and writes a COPY's
// whole output into a Blob (`TO '/dev/blob'`), so callers keep each COPY small (a batch of agencies).
// Both produce PostgreSQL's own CSV, byte for byte the same.
//
// COPY takes no bind parameters: the statement is sent as text. `sqlText` renders a Drizzle SQL object and
// refuses one that still has parameters, so a value can only get into the text through `sqlLiteral` /
// `uuidArrayLiteral` (escaped) or `integerLiteral` (checked).
import type { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Db } from './client.ts';

const dialect = new PgDialect();

/** The statement's text; throws when it has bind parameters (a value not inlined through the helpers below). */
export function sqlText(query: SQL): string {
  const { sql: text, params } = dialect.sqlToQuery(query);
  if (params.length > 0) throw new Error(`sqlText: ${params.length} bind parameter(s) in a COPY statement`);
  return text;
}

/** A string literal, escaped as pg's escapeLiteral does (E'' with doubled quotes and backslashes). */
export function sqlLiteral(value: string): SQL {
  if (value.includes('\0')) throw new Error('sqlLiteral: NUL in a literal');
  return sql.raw(`E'${value.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`);
}

export function integerLiteral(value: number): SQL {
  if (!Number.isSafeInteger(value)) throw new Error(`integerLiteral: ${value} is not an integer`);
  return sql.raw(String(value));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A uuid[] literal of `ids` (each checked to be a uuid). */
export function uuidArrayLiteral(ids: readonly string[]): SQL {
  for (const id of ids) if (!UUID.test(id)) throw new Error(`uuidArrayLiteral: not a uuid: ${id}`);
  return sql.raw(`'{${ids.join(',')}}'::uuid[]`);
}

type Client = pg.Pool | PGlite;
const clientOf = (db: Db): Client => (db as unknown as { $client: Client }).$client;
const isPool = (c: Client): c is pg.Pool => typeof (c as pg.Pool).connect === 'function';

/**
 * In one snapshot: runs `first` (a plain query), then `then(rows)` gives the SELECT whose rows are copied
 * as CSV (or null: nothing to copy); yields the CSV as it arrives. PostgreSQL: a REPEATABLE READ, READ ONLY
 * transaction on a connection of the pool, so both statements see the same committed data while writes
 * go on; a reader that stops early (a client gone) gets the connection destroyed, not returned mid-COPY.
 * PGlite: one transaction (PGlite runs one at a time, so nothing writes in between).
 */
export async function* readThenCopy<R>(
  db: Db,
  first: SQL,
  then: (rows: R[]) => SQL | null,
): AsyncGenerator<Uint8Array> {
  const client = clientOf(db);
  if (!isPool(client)) {
    const blob = await client.transaction(async (tx) => {
      const rows = (await tx.query<R>(sqlText(first))).rows;
      const select = then(rows);
      if (select === null) return null;
      const copied = await tx.query(`COPY (${sqlText(select)}) TO '/dev/blob' WITH (FORMAT csv)`);
      return copied.blob ?? null;
    });
    if (blob) yield new Uint8Array(await blob.arrayBuffer());
    return;
  }
  const conn = await client.connect();
  let clean = false;
  try {
    await conn.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const rows = (await conn.query(sqlText(first))).rows as R[];
    const select = then(rows);
    if (select !== null)
      yield* conn.query(
        copyTo(`COPY (${sqlText(select)}) TO STDOUT WITH (FORMAT csv)`),
      ) as AsyncIterable<Buffer>;
    await conn.query('COMMIT');
    clean = true;
  } finally {
    // Finished: back to the pool. Failed or abandoned mid-way (the reader stopped): the connection may be
    // inside a COPY or a transaction, so it is destroyed instead.
    conn.release(clean ? undefined : new Error('copy not finished'));
  }
}

type Started<T> = { gen: AsyncGenerator<T>; first: Promise<IteratorResult<T>> };

/**
 * The sources' items, source after source, each next source started while the one before is read: for COPYs,
 * PostgreSQL plans, reads and sorts the next batch (on a connection of its own) while the current batch's
 * bytes are sent, instead of the response waiting for it. At most the first item of the next source waits
 * in memory (a COPY's socket is paused meanwhile). A reader that stops early closes both.
 */
export async function* readingAhead<T>(sources: Iterable<() => AsyncGenerator<T>>): AsyncGenerator<T> {
  const pending = sources[Symbol.iterator]();
  const start = (): Started<T> | null => {
    const source = pending.next();
    if (source.done) return null;
    const gen = source.value();
    const first = gen.next();
    first.catch(() => undefined); // awaited in turn below; a failure before then is not unhandled
    return { gen, first };
  };
  let current = start();
  let ahead: Started<T> | null = null;
  try {
    while (current) {
      ahead = start();
      for (let r = await current.first; !r.done; r = await current.gen.next()) yield r.value;
      current = ahead;
      ahead = null;
    }
  } finally {
    await Promise.allSettled([current?.gen.return(undefined), ahead?.gen.return(undefined)]);
  }
}
