// Set-based queries for progress over a scope: one for the agencies and their populations, one for the
// counted responses (released and held) grouped by agency and instrument — never one query per agency.
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  agencies,
  heldResponses,
  participations,
  responseReviews,
  stakeholderData,
  surveyResponses,
} from '../../db/schema/index.ts';
import type { AgencyType } from '../../shared/agency-types.ts';

export interface ScopeFilter {
  year: number;
  scope: SQL;
  province?: string | undefined;
  type?: AgencyType | undefined;
}

const agencyConditions = (f: ScopeFilter) =>
  and(
    f.scope,
    f.province ? eq(agencies.provinceCode, f.province) : undefined,
    f.type ? eq(agencies.type, f.type) : undefined,
  );

/** Agencies in scope whose cycle is open for the year, with their stakeholder numbers (if any). */
export function selectScopeAgencies(db: DbOrTx, f: ScopeFilter) {
  return db
    .select({
      id: agencies.id,
      code: agencies.code,
      nameTh: agencies.nameTh,
      nameEn: agencies.nameEn,
      type: agencies.type,
      provinceCode: agencies.provinceCode,
      peerGroup: agencies.peerGroup,
      sizeClass: agencies.sizeClass,
      iitPopulation: stakeholderData.iitPopulation,
      eitPopulation: stakeholderData.eitPopulation,
      revision: sql<number>`coalesce(${stakeholderData.revision}, 0)`.mapWith(Number),
      approvedRevision: stakeholderData.approvedRevision,
    })
    .from(agencies)
    .innerJoin(participations, and(eq(participations.agencyId, agencies.id), eq(participations.year, f.year)))
    .leftJoin(
      stakeholderData,
      and(eq(stakeholderData.agencyId, agencies.id), eq(stakeholderData.year, f.year)),
    )
    .where(agencyConditions(f))
    .orderBy(asc(agencies.nameTh), asc(agencies.id));
}

/** Counted responses (excluded ones never count) per agency and instrument, for the same agencies. */
export async function selectScopeCounts(
  db: DbOrTx,
  f: ScopeFilter,
): Promise<Map<string, Record<string, number>>> {
  const rows = await db
    .select({
      agencyId: surveyResponses.agencyId,
      instrument: surveyResponses.instrument,
      n: sql<number>`count(*)::int`,
    })
    .from(surveyResponses)
    .innerJoin(agencies, eq(agencies.id, surveyResponses.agencyId))
    .leftJoin(responseReviews, eq(responseReviews.responseId, surveyResponses.id))
    .where(
      and(
        eq(surveyResponses.year, f.year),
        agencyConditions(f),
        sql`coalesce(${responseReviews.decision}, 'keep') <> 'exclude'`,
      ),
    )
    .groupBy(surveyResponses.agencyId, surveyResponses.instrument);
  // Held answers (accepted, waiting for their shuffled release) count too: nobody has excluded them.
  const held = await db
    .select({
      agencyId: heldResponses.agencyId,
      instrument: heldResponses.instrument,
      n: sql<number>`count(*)::int`,
    })
    .from(heldResponses)
    .innerJoin(agencies, eq(agencies.id, heldResponses.agencyId))
    .where(and(eq(heldResponses.year, f.year), agencyConditions(f)))
    .groupBy(heldResponses.agencyId, heldResponses.instrument);
  const out = new Map<string, Record<string, number>>();
  for (const r of held) out.set(r.agencyId, { ...out.get(r.agencyId), [r.instrument]: r.n });
  for (const r of rows) {
    const counts = out.get(r.agencyId) ?? {};
    counts[r.instrument] = (counts[r.instrument] ?? 0) + r.n;
    out.set(r.agencyId, counts);
  }
  return out;
}
