// The agencies a processing run (src/modules/results) computes: every agency taking part in the year (a
// participation row), registered or not — an unregistered one gets a result with nothing processed — with
// what scoring needs of it (type, peer group and size for the minimum samples).
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { agencies, participations } from '../../db/schema/index.ts';
import type { AgencyType } from '../../shared/agency-types.ts';

export interface ProcessingSubject {
  id: string;
  code: string;
  type: AgencyType;
  provinceCode: string | null;
  peerGroup: string | null;
  sizeClass: string | null;
  registered: boolean;
}

/** Participating agencies of the year, by code; narrowed to a province or to one agency. */
export async function processingSubjects(
  db: DbOrTx,
  year: number,
  by: { provinceCode?: string; agencyId?: string } = {},
): Promise<ProcessingSubject[]> {
  return db
    .select({
      id: agencies.id,
      code: agencies.code,
      type: agencies.type,
      provinceCode: agencies.provinceCode,
      peerGroup: agencies.peerGroup,
      sizeClass: agencies.sizeClass,
      registered: participations.registered,
    })
    .from(agencies)
    .innerJoin(participations, eq(participations.agencyId, agencies.id))
    .where(
      and(
        eq(participations.year, year),
        by.provinceCode === undefined ? undefined : eq(agencies.provinceCode, by.provinceCode),
        by.agencyId === undefined ? undefined : eq(agencies.id, by.agencyId),
      ),
    )
    .orderBy(asc(agencies.code));
}
