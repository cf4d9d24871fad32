// Queries on framework_versions. The newest version of a year is the one in force.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { definePrepared } from '../../db/prepared.ts';
import { frameworkVersions } from '../../db/schema/index.ts';

export type FrameworkOrigin = 'bundled' | 'import' | 'authored';

/** A version without its (large) definition: enough to find it in the parsed-framework cache. */
export interface VersionHead {
  year: number;
  version: number;
  sha256: string;
  origin: FrameworkOrigin;
}

const head = {
  year: frameworkVersions.year,
  version: frameworkVersions.version,
  sha256: frameworkVersions.sha256,
  origin: frameworkVersions.origin,
};

/** Read by nearly every request about a year (frameworkForYear): prepared (src/db/prepared.ts). */
const newestHeadQuery = definePrepared('frameworks_newest_head', (db, name) =>
  db
    .select(head)
    .from(frameworkVersions)
    .where(eq(frameworkVersions.year, sql.placeholder('year')))
    .orderBy(desc(frameworkVersions.version))
    .limit(1)
    .prepare(name),
);

export async function newestHead(db: DbOrTx, year: number): Promise<VersionHead | undefined> {
  const [row] = await newestHeadQuery(db).execute({ year });
  return row as VersionHead | undefined;
}

/** The newest version of each of the years that has one, in one query. */
export async function newestHeads(db: DbOrTx, years: readonly number[]): Promise<VersionHead[]> {
  if (years.length === 0) return [];
  const rows = await db
    .selectDistinctOn([frameworkVersions.year], head)
    .from(frameworkVersions)
    .where(inArray(frameworkVersions.year, [...years]))
    .orderBy(frameworkVersions.year, desc(frameworkVersions.version));
  return rows as VersionHead[];
}

export async function versionHead(
  db: DbOrTx,
  year: number,
  version: number,
): Promise<VersionHead | undefined> {
  const [row] = await db
    .select(head)
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.year, year), eq(frameworkVersions.version, version)));
  return row as VersionHead | undefined;
}

export async function definitionOf(db: DbOrTx, year: number, version: number): Promise<unknown> {
  const [row] = await db
    .select({ definition: frameworkVersions.definition })
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.year, year), eq(frameworkVersions.version, version)));
  return row?.definition;
}

export interface VersionSummaryRow {
  year: number;
  version: number;
  origin: FrameworkOrigin;
  importedAt: Date;
  name: { th: string; en?: string };
  questions: number;
  oitItems: number;
}

/** The newest version of every year, oldest year first; counts come from the JSON without loading it. */
export async function newestSummaries(db: DbOrTx): Promise<VersionSummaryRow[]> {
  const count = (key: string) =>
    sql<number>`coalesce(jsonb_array_length(case when jsonb_typeof(${frameworkVersions.definition} -> ${key}) = 'array' then ${frameworkVersions.definition} -> ${key} end), 0)`.mapWith(
      Number,
    );
  const rows = await db
    .selectDistinctOn([frameworkVersions.year], {
      year: frameworkVersions.year,
      version: frameworkVersions.version,
      origin: frameworkVersions.origin,
      importedAt: frameworkVersions.importedAt,
      name: sql<{ th: string; en?: string }>`${frameworkVersions.definition} -> 'name'`,
      questions: count('questions'),
      oitItems: count('oitItems'),
    })
    .from(frameworkVersions)
    .orderBy(frameworkVersions.year, desc(frameworkVersions.version));
  return rows as VersionSummaryRow[];
}

export interface NewVersion {
  year: number;
  definition: unknown;
  sha256: string;
  origin: FrameworkOrigin;
  importedBy: string | null;
  importedAt: Date;
}

/**
 * Inserts the year's next version and returns its number, or undefined when another process inserted
 * that version first (the primary key decides; callers retry or accept).
 */
export async function insertNextVersion(db: DbOrTx, v: NewVersion): Promise<number | undefined> {
  const latest = await newestHead(db, v.year);
  const version = (latest?.version ?? 0) + 1;
  const inserted = await db
    .insert(frameworkVersions)
    .values({
      year: v.year,
      version,
      definition: v.definition,
      sha256: v.sha256,
      origin: v.origin,
      importedBy: v.importedBy,
      importedAt: v.importedAt,
    })
    .onConflictDoNothing()
    .returning({ version: frameworkVersions.version });
  return inserted[0]?.version;
}
