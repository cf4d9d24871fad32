// A column among the ids of a subquery, for the set-based reads over a scope (monitoring's facts): written
// `column = any(array(subquery))`, PostgreSQL runs the subquery once and looks its ids up through the
// column's index. Written `column in (subquery)`, it plans a semi-join and, for a scope of a few hundred
// agencies in a national table, estimates the index path dearer than a parallel scan of the whole table —
// on bench:process's country a province's counted responses took 600 ms that way and ~40 ms this way.
// PGlite runs the same SQL.
import { type Column, type SQL, sql } from 'drizzle-orm';

/** `column` is one of the values `ids` (a parenthesized `(select …)` of one column) returns. */
export function inIdsOf(column: Column, ids: SQL): SQL {
  return sql`${column} = any(array${ids})`;
}
