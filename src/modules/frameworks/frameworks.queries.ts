// Read-only queries other modules may use (the framework_versions table is this module's).
import { eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { frameworkVersions } from '../../db/schema/index.ts';

/** Whether any version of the year's framework is stored. */
export async function frameworkLoaded(db: DbOrTx, year: number): Promise<boolean> {
  const rows = await db
    .select({ year: frameworkVersions.year })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.year, year))
    .limit(1);
  return rows.length > 0;
}

/** The newest year with a framework stored, or null when none is. */
export async function latestFrameworkYear(db: DbOrTx): Promise<number | null> {
  const [row] = await db
    .select({ year: sql<number | null>`max(${frameworkVersions.year})` })
    .from(frameworkVersions);
  return row?.year ?? null;
}

/** The years with a framework stored, as a subquery (for `year in …` on another table). */
export function loadedFrameworkYears(): SQL {
  return sql`(select ${frameworkVersions.year} from ${frameworkVersions})`;
}
