// The statements of the microdata export, built from the owners' subqueries (responses' counted responses,
// agencies' codes) with every value inlined as a checked literal: COPY takes no bind parameters.
import { type SQL, sql } from 'drizzle-orm';
import type { AnswerColumn, MicrodataColumn } from '../../core/surveys/microdata.ts';
import { integerLiteral, sqlLiteral, uuidArrayLiteral } from '../../db/copy.ts';
import { agencyCodeSource } from '../agencies/index.ts';
import { countedResponseSource } from '../responses/index.ts';

/** Counted responses per agency (of `agencyIds`) and instrument: rows `{ agencyId, instrument, n }`. */
export function groupCountsSql(year: number, agencyIds: readonly string[]): SQL {
  return sql`select r.agency_id as "agencyId", r.instrument, count(*)::int as n
    from ${countedResponseSource(year)} r
    where r.agency_id = any(${uuidArrayLiteral(agencyIds)})
    group by 1, 2`;
}

/** One answer: the question's stored option (or a sub-item's), only in rows of the column's instrument. */
function answerSql(c: AnswerColumn): SQL {
  const value =
    c.subItem === null
      ? sql`r.answers ->> ${sqlLiteral(c.question)}`
      : sql`r.answers -> ${sqlLiteral(c.question)} ->> ${sqlLiteral(c.subItem)}`;
  return sql`case when r.instrument = ${sqlLiteral(c.instrument)} then ${value} end`;
}

function columnSql(year: number, c: MicrodataColumn): SQL {
  if (c.kind === 'answer') return answerSql(c);
  switch (c.name) {
    case 'year':
      return integerLiteral(year);
    case 'agency_code':
      return sql`a.code`;
    case 'instrument':
      return sql`r.instrument`;
  }
}

export interface RowsQuery {
  year: number;
  columns: readonly MicrodataColumn[];
  /** The agencies whose rows are copied (every row of theirs: withheld agencies are left out by the caller). */
  agencyIds: readonly string[];
  /**
   * The key of the order within an agency and instrument: rows follow md5(key ‖ response id), a random
   * permutation to whoever does not hold the key — a fresh random key per export, never stored or sent — so
   * the order says nothing about arrival (ids are random too, but the key keeps that from mattering). Only
   * the order is used, never the digest, so md5's weaknesses as a MAC do not come into it.
   */
  orderKey: string;
}

/** The rows of the file, in file order (agency code, instrument, keyed hash). */
export function rowsSql(q: RowsQuery): SQL {
  if (!/^[0-9a-f]{32,64}$/.test(q.orderKey)) throw new Error('rowsSql: the order key must be hex');
  const columns = sql.join(
    q.columns.map((c) => columnSql(q.year, c)),
    sql`, `,
  );
  return sql`select ${columns}
    from ${countedResponseSource(q.year)} r
    join ${agencyCodeSource()} a on a.id = r.agency_id
    where r.agency_id = any(${uuidArrayLiteral(q.agencyIds)})
    order by a.code, r.instrument, md5(${sqlLiteral(q.orderKey)} || r.id::text)`;
}
