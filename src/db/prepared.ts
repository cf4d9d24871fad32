// Prepared statements for the reads every signed-in request makes (the session, the actor, the agency) and
// for the agency report's (issue 10 §5). A query built with Drizzle's builder costs CPU on each call (the
// builder walks the schema to write the SQL); a prepared one is built once per database handle and, on
// PostgreSQL, is a named statement that each connection parses and plans once. PGlite runs the same SQL
// text (it keeps no named statements; the saving there is the building).
//
// Values go in as placeholders (`sql.placeholder('id')`). A statement's name is its identity on every
// connection, so one name must always mean one SQL text: defining a name twice throws when the module
// loads.
import type { DbOrTx } from './client.ts';

const defined = new Set<string>();

/**
 * A statement prepared on first use on each database handle (or transaction) it runs on. `build` receives
 * the handle and the name and must end with `.prepare(name)`.
 */
export function definePrepared<Q>(name: string, build: (db: DbOrTx, name: string) => Q): (db: DbOrTx) => Q {
  if (defined.has(name)) throw new Error(`prepared statement "${name}" is defined twice`);
  defined.add(name);
  const perHandle = new WeakMap<DbOrTx, Q>();
  return (db) => {
    let statement = perHandle.get(db);
    if (statement === undefined) {
      statement = build(db, name);
      perHandle.set(db, statement);
    }
    return statement;
  };
}
