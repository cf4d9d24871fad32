// The quality page's work waiting (issue 13 §4): per agency, the flagged responses of the year that have no
// keep/exclude decision yet — the same flags as the agency's report (`flagResponses` over every response of
// an instrument), worked out for many agencies from one query per chunk of agencies.
import { flagResponses } from '../../core/surveys/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { AgencyType } from '../../shared/agency-types.ts';
import { frameworkForYear } from '../frameworks/index.ts';
import { type ResponseToFlag, responsesToFlag } from '../responses/index.ts';
import { answersOf } from './quality.present.ts';
import { itemsCache, surveyInstruments } from './quality.service.ts';

/** Agencies whose responses are read in one query: bounds the memory a national list holds at once. */
const AGENCIES_PER_QUERY = 100;

/**
 * Flagged responses without a decision, by agency id (agencies with none are absent). The caller has
 * already narrowed `agencies` to the viewer's scope.
 */
export async function undecidedFlagsIn(
  db: DbOrTx,
  year: number,
  agencies: readonly { id: string; type: AgencyType }[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (agencies.length === 0) return out;
  const { framework } = await frameworkForYear(db, year);
  const instruments = new Set(surveyInstruments(framework));
  const itemsOf = itemsCache(framework);
  const typeOf = new Map(agencies.map((a) => [a.id, a.type]));
  for (let i = 0; i < agencies.length; i += AGENCIES_PER_QUERY) {
    const ids = agencies.slice(i, i + AGENCIES_PER_QUERY).map((a) => a.id);
    const groups = new Map<string, ResponseToFlag[]>();
    for (const r of await responsesToFlag(db, year, ids)) {
      if (!instruments.has(r.instrument)) continue;
      const key = `${r.agencyId}|${r.instrument}`;
      const list = groups.get(key) ?? [];
      list.push(r);
      groups.set(key, list);
    }
    for (const rows of groups.values()) {
      const first = rows[0] as ResponseToFlag;
      const type = typeOf.get(first.agencyId);
      if (type === undefined) continue;
      const flagged = flagResponses(
        itemsOf(first.instrument, type),
        rows.map((r, n) => ({ id: String(n), answers: answersOf(r.answers), durationBand: r.durationBand })),
      );
      const undecided = flagged.filter((f, n) => f.flags.length > 0 && !rows[n]?.decided).length;
      if (undecided > 0) out.set(first.agencyId, (out.get(first.agencyId) ?? 0) + undecided);
    }
  }
  return out;
}
