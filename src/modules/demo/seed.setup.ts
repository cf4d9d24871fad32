// What the collection seed works from: the FY2568 framework and the demo agencies taking part, each with
// its plan (populations, progress) from demo.collection.data.ts.
import { and, eq, inArray } from 'drizzle-orm';
import type { Framework } from '../../core/framework/schema.ts';
import type { DbOrTx } from '../../db/client.ts';
import { agencies, participations } from '../../db/schema/index.ts';
import type { AgencyType } from '../../shared/agency-types.ts';
import { frameworkForYear } from '../frameworks/index.ts';
import { minimumsFor } from '../stakeholders/index.ts';
import { DEMO_COLLECTION, type DemoCollection } from './demo.collection.data.ts';
import { DEMO_YEAR } from './demo.data.ts';

export interface CollectionContext {
  config: { sessionSecret: string; publicUrl: string };
  now: Date;
  /** Demo user ids by username. */
  userIds: Map<string, string>;
}

export interface DemoAgencyRow extends DemoCollection {
  id: string;
  type: AgencyType;
  peerGroup: string | null;
  sizeClass: string | null;
  index: number;
}

export interface CollectionSetup {
  framework: Framework;
  version: number;
  agencies: DemoAgencyRow[];
}

/** The demo agencies taking part in FY2568 (a participation row exists), with what the plan says of each. */
export async function loadSetup(tx: DbOrTx): Promise<CollectionSetup> {
  const { framework, version } = await frameworkForYear(tx, DEMO_YEAR);
  const rows = await tx
    .select({
      id: agencies.id,
      code: agencies.code,
      type: agencies.type,
      peerGroup: agencies.peerGroup,
      sizeClass: agencies.sizeClass,
    })
    .from(agencies)
    .innerJoin(
      participations,
      and(eq(participations.agencyId, agencies.id), eq(participations.year, DEMO_YEAR)),
    )
    .where(
      inArray(
        agencies.code,
        DEMO_COLLECTION.map((c) => c.code),
      ),
    );
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const list = DEMO_COLLECTION.flatMap((plan, index) => {
    const row = byCode.get(plan.code);
    return row ? [{ ...plan, ...row, type: row.type, index: index + 1 }] : [];
  });
  return { framework, version, agencies: list };
}

export const minimumsOf = (setup: CollectionSetup, a: DemoAgencyRow) =>
  minimumsFor(setup.framework, a, { iitPopulation: a.iitPopulation, eitPopulation: a.eitPopulation });
