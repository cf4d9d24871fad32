// What the processing run (src/modules/results) reads of the answers: per agency, instrument and question,
// every distinct answer with how many counted responses gave it, and the number of counted responses per
// instrument. Counted = released into survey_responses and not excluded by a quality review; held answers
// are not scored (processing releases what is due first, see releaseResponses). Approved EIT part-2
// interviews are released like the rest (channel `interview`, instrument EIT2), so they are counted here.
// One query per chunk of agencies, grouped in the database: answers never leave it one respondent at a time.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { responseReviews, surveyResponses } from '../../db/schema/index.ts';

/** One agency's counted responses to one instrument. */
export interface InstrumentCountRow {
  agencyId: string;
  instrument: string;
  /** Counted responses (whether or not they answered any question). */
  respondents: number;
  /**
   * Per question, every distinct answer as stored (an option value, or an object of sub-item options) with
   * how many counted responses gave it; a respondent who skipped the question is in none of them.
   */
  answers: Record<string, [answer: unknown, count: number][]>;
}

const counted = (year: number, agencyIds: readonly string[]) => sql`
  ${surveyResponses.year} = ${year}
  and ${surveyResponses.agencyId} = any(${toUuidArray(agencyIds)})
  and not exists (select 1 from ${responseReviews} where ${responseReviews.responseId} = ${surveyResponses.id}
    and ${responseReviews.decision} = 'exclude')`;

// A uuid[] literal: binding a JS array as a parameter behaves differently on the two drivers.
const toUuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * Per agency of `agencyIds` and instrument with counted responses: the respondents and the distinct answers
 * per question, in one query. The answers of an agency and instrument arrive as one json object: a row per
 * distinct answer (a million for a country) would cost the driver far more to hand over and parse than the
 * database spends building them (bench:process).
 */
export async function instrumentCounts(
  db: DbOrTx,
  year: number,
  agencyIds: readonly string[],
): Promise<InstrumentCountRow[]> {
  if (agencyIds.length === 0) return [];
  const rows = await withHashAggregate(db, (tx) =>
    tx.execute<{
      agency_id: string;
      instrument: string;
      respondents: number;
      answers: Record<string, [unknown, number][]> | string;
    }>(sql`select r.agency_id, r.instrument, r.n as respondents, coalesce(q.answers, '{}'::json) as answers
      from (select ${surveyResponses.agencyId} as agency_id, ${surveyResponses.instrument} as instrument,
          count(*)::int as n
        from ${surveyResponses} where ${counted(year, agencyIds)} group by 1, 2) r
      left join (select agency_id, instrument, json_object_agg(question, list) as answers
        from (select agency_id, instrument, question, json_agg(json_build_array(answer, n)) as list
          from (select ${surveyResponses.agencyId} as agency_id, ${surveyResponses.instrument} as instrument,
              a.key as question, a.value as answer, count(*)::int as n
            from ${surveyResponses} cross join lateral jsonb_each(${surveyResponses.answers}) a
            where ${counted(year, agencyIds)}
            group by 1, 2, 3, 4) c
          group by 1, 2, 3) q
        group by 1, 2) q on q.agency_id = r.agency_id and q.instrument = r.instrument`),
  );
  return rows.rows.map((r) => ({
    agencyId: r.agency_id,
    instrument: r.instrument,
    respondents: Number(r.respondents),
    // Both drivers parse json; a string would mean a driver configured without its json parser.
    answers: typeof r.answers === 'string' ? JSON.parse(r.answers) : r.answers,
  }));
}

// The planner cannot know how many questions an answer sheet has (jsonb_each is estimated at 100 rows), so
// it expects millions of groups, sorts them by jsonb and, above its cost threshold, JIT-compiles the query;
// hashing the (few thousand) groups instead is 2-4 times faster (bench:process, EXPLAIN ANALYZE in
// bench/README.md); the two levels above it group far fewer rows. The settings hold for this one query: set in a transaction (a savepoint inside the
// caller's) and put back afterwards.
async function withHashAggregate<T>(db: DbOrTx, run: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const before = await tx.execute<{
      enable_sort: string;
      enable_incremental_sort: string;
      jit: string;
    }>(sql`select
      current_setting('enable_sort') as enable_sort,
      current_setting('enable_incremental_sort') as enable_incremental_sort,
      current_setting('jit') as jit,
      set_config('enable_sort', 'off', true), set_config('enable_incremental_sort', 'off', true),
      set_config('jit', 'off', true)`);
    const result = await run(tx);
    const was = before.rows[0];
    if (was)
      await tx.execute(sql`select set_config('enable_sort', ${was.enable_sort}, true),
        set_config('enable_incremental_sort', ${was.enable_incremental_sort}, true),
        set_config('jit', ${was.jit}, true)`);
    return result;
  });
}
