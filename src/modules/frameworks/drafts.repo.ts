// Queries on framework_drafts. Only the drafts service reads this table: nothing that reads the framework in
// force (frameworks.repo.ts, the queries other modules use) ever looks at it.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { type FrameworkDraftStatus, frameworkDrafts } from '../../db/schema/index.ts';

export type DraftRow = typeof frameworkDrafts.$inferSelect;
export type DraftHeadRow = Omit<DraftRow, 'definition'>;

const headColumns = {
  id: frameworkDrafts.id,
  year: frameworkDrafts.year,
  baseYear: frameworkDrafts.baseYear,
  baseVersion: frameworkDrafts.baseVersion,
  revision: frameworkDrafts.revision,
  status: frameworkDrafts.status,
  publishedVersion: frameworkDrafts.publishedVersion,
  createdBy: frameworkDrafts.createdBy,
  createdAt: frameworkDrafts.createdAt,
  updatedBy: frameworkDrafts.updatedBy,
  updatedAt: frameworkDrafts.updatedAt,
};

/** The newest drafts first (open, published and discarded), without their definitions. */
export async function listDraftHeads(db: DbOrTx, limit = 100): Promise<DraftHeadRow[]> {
  return db.select(headColumns).from(frameworkDrafts).orderBy(desc(frameworkDrafts.updatedAt)).limit(limit);
}

export async function selectDraft(db: DbOrTx, id: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(frameworkDrafts).where(eq(frameworkDrafts.id, id));
  const [row] = await (opts.lock ? q.for('update') : q);
  return row;
}

/** The year's open draft, if any (at most one: a partial unique index). */
export async function openDraftOfYear(db: DbOrTx, year: number): Promise<DraftHeadRow | undefined> {
  const [row] = await db
    .select(headColumns)
    .from(frameworkDrafts)
    .where(and(eq(frameworkDrafts.year, year), eq(frameworkDrafts.status, 'draft')));
  return row;
}

export async function insertDraft(
  db: DbOrTx,
  v: { year: number; baseYear: number; baseVersion: number; definition: unknown; by: string; at: Date },
): Promise<DraftRow | undefined> {
  const [row] = await db
    .insert(frameworkDrafts)
    .values({
      year: v.year,
      baseYear: v.baseYear,
      baseVersion: v.baseVersion,
      definition: v.definition,
      createdBy: v.by,
      createdAt: v.at,
      updatedBy: v.by,
      updatedAt: v.at,
    })
    .onConflictDoNothing()
    .returning();
  return row;
}

/** Saves the definition if the draft is still open at `revision`; undefined when it is not (stale save). */
export async function updateDraftDefinition(
  db: DbOrTx,
  v: { id: string; revision: number; definition: unknown; by: string; at: Date },
): Promise<DraftRow | undefined> {
  const [row] = await db
    .update(frameworkDrafts)
    .set({
      definition: v.definition,
      revision: sql`${frameworkDrafts.revision} + 1`,
      updatedBy: v.by,
      updatedAt: v.at,
    })
    .where(
      and(
        eq(frameworkDrafts.id, v.id),
        eq(frameworkDrafts.revision, v.revision),
        eq(frameworkDrafts.status, 'draft'),
      ),
    )
    .returning();
  return row;
}

export async function closeDraft(
  db: DbOrTx,
  v: {
    id: string;
    status: Exclude<FrameworkDraftStatus, 'draft'>;
    publishedVersion: number | null;
    by: string;
    at: Date;
  },
): Promise<void> {
  await db
    .update(frameworkDrafts)
    .set({
      status: v.status,
      publishedVersion: v.publishedVersion,
      revision: sql`${frameworkDrafts.revision} + 1`,
      updatedBy: v.by,
      updatedAt: v.at,
    })
    .where(and(eq(frameworkDrafts.id, v.id), eq(frameworkDrafts.status, 'draft')));
}
