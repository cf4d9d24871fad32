// Drizzle queries of the respondent API. None of them reads or returns another respondent's answers.
import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  agencies,
  eitRespondents,
  frameworkVersions,
  participations,
  provinces,
  usedSurveyTokens,
} from '../../db/schema/index.ts';
import { extensionEndsOnSql } from '../calendar/index.ts';

/** The newest year with a participation row whose framework is loaded: the year being collected. */
const collectionYearSql = (agencyId: unknown) => sql<number | null>`(
  select max(p.year) from ${participations} p
  where p.agency_id = ${agencyId}
    and exists (select 1 from ${frameworkVersions} f where f.year = p.year))`;

export async function selectAgencyType(db: DbOrTx, agencyId: string) {
  const [row] = await db.select({ type: agencies.type }).from(agencies).where(eq(agencies.id, agencyId));
  return row?.type;
}

/** Active agencies registered for the year they are being collected in (public EIT entry search). */
export async function searchCollectingAgencies(
  db: DbOrTx,
  query: { q?: string | undefined; province?: string | undefined },
  limit: number,
) {
  const words = (query.q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 5);
  const nameMatches = words.map((w) => {
    const pattern = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return or(ilike(agencies.nameTh, pattern), ilike(agencies.nameEn, pattern));
  });
  return db
    .select({
      id: agencies.id,
      nameTh: agencies.nameTh,
      nameEn: agencies.nameEn,
      provinceCode: agencies.provinceCode,
      provinceNameTh: provinces.nameTh,
      provinceNameEn: provinces.nameEn,
    })
    .from(agencies)
    .innerJoin(
      participations,
      and(
        eq(participations.agencyId, agencies.id),
        eq(participations.registered, true),
        eq(participations.year, collectionYearSql(agencies.id)),
      ),
    )
    .leftJoin(provinces, eq(provinces.code, agencies.provinceCode))
    .where(
      and(
        eq(agencies.active, true),
        query.province ? eq(agencies.provinceCode, query.province) : undefined,
        ...nameMatches,
      ),
    )
    .orderBy(asc(agencies.nameTh))
    .limit(limit);
}

export async function tokenUsed(db: DbOrTx, tokenHash: string) {
  const rows = await db
    .select({ one: sql`1` })
    .from(usedSurveyTokens)
    .where(eq(usedSurveyTokens.tokenHash, tokenHash));
  return rows.length > 0;
}

/** True when the token was unused and is now consumed; false when it had been used already. */
export async function consumeToken(tx: DbOrTx, tokenHash: string): Promise<boolean> {
  const rows = await tx
    .insert(usedSurveyTokens)
    .values({ tokenHash })
    .onConflictDoNothing()
    .returning({ tokenHash: usedSurveyTokens.tokenHash });
  return rows.length > 0;
}

/** True when this phone/e-mail had not answered this agency's EIT this year and is now marked. */
export async function markEitRespondent(
  tx: DbOrTx,
  agencyId: string,
  year: number,
  destinationHash: string,
): Promise<boolean> {
  const rows = await tx
    .insert(eitRespondents)
    .values({ agencyId, year, destinationHash })
    .onConflictDoNothing()
    .returning({ year: eitRespondents.year });
  return rows.length > 0;
}

/** What a submit needs of the agency, in one round trip: its type and any extension of the stage. */
export async function selectSubmitTarget(db: DbOrTx, agencyId: string, year: number, stage: string) {
  const [row] = await db
    .select({
      type: agencies.type,
      extensionEndsOn: extensionEndsOnSql(agencyId, year, stage),
    })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  return row;
}
