// The counted responses of a year as a subquery for the anonymous microdata (src/modules/microdata):
// released and not excluded by a quality review — the rows the year's scores are computed from (counts.ts
// counts the same). Held answers are not in it (not released yet). It carries the response's random id only
// for the caller's keyed ordering; no bind parameters, since it goes into a COPY statement.
import { type SQL, sql } from 'drizzle-orm';
import { integerLiteral } from '../../db/copy.ts';
import { responseReviews, surveyResponses } from '../../db/schema/index.ts';

/** Columns: id, agency_id, instrument, answers (jsonb). */
export function countedResponseSource(year: number): SQL {
  return sql`(select ${surveyResponses.id} as id, ${surveyResponses.agencyId} as agency_id,
      ${surveyResponses.instrument} as instrument, ${surveyResponses.answers} as answers
    from ${surveyResponses}
    where ${surveyResponses.year} = ${integerLiteral(year)}
      and not exists (select 1 from ${responseReviews}
        where ${responseReviews.responseId} = ${surveyResponses.id} and ${responseReviews.decision} = 'exclude'))`;
}
