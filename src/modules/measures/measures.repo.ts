// Queries of the measures module's own tables: measure_documents, agency_divisions, measure_library,
// measure_progress.
import { and, asc, desc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { MeasuresContent, MeasuresSource } from '../../core/measures/content.ts';
import type { MeasuresStatus } from '../../core/measures/states.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import {
  agencyDivisions,
  type MeasureProgressStatus,
  measureDocuments,
  measureLibrary,
  measureProgress,
  measureProgressFileBodies,
  measureProgressFiles,
} from '../../db/schema/index.ts';

export type MeasureDocumentRow = typeof measureDocuments.$inferSelect;
export type DivisionRow = typeof agencyDivisions.$inferSelect;
export type LibraryRow = typeof measureLibrary.$inferSelect;
export type ProgressRow = typeof measureProgress.$inferSelect;
export type ProgressFileRow = typeof measureProgressFiles.$inferSelect;

const ofYear = (agencyId: string, year: number) =>
  and(eq(measureDocuments.agencyId, agencyId), eq(measureDocuments.year, year));

/** Every version of the agency-year's document, newest first. */
export function selectVersions(db: DbOrTx, agencyId: string, year: number): Promise<MeasureDocumentRow[]> {
  return db
    .select()
    .from(measureDocuments)
    .where(ofYear(agencyId, year))
    .orderBy(desc(measureDocuments.version));
}

/** The newest version, locked for this transaction. */
export async function lockNewest(tx: Tx, agencyId: string, year: number): Promise<MeasureDocumentRow | null> {
  const [row] = await tx
    .select()
    .from(measureDocuments)
    .where(ofYear(agencyId, year))
    .orderBy(desc(measureDocuments.version))
    .limit(1)
    .for('update');
  return row ?? null;
}

export async function insertDocument(
  tx: Tx,
  row: {
    agencyId: string;
    year: number;
    version: number;
    source: MeasuresSource;
    content: MeasuresContent;
    by: string;
    at: Date;
  },
): Promise<MeasureDocumentRow> {
  const [saved] = await tx
    .insert(measureDocuments)
    .values({
      agencyId: row.agencyId,
      year: row.year,
      sourceYear: row.year - 1,
      version: row.version,
      source: row.source,
      content: row.content,
      createdBy: row.by,
      createdAt: row.at,
      updatedBy: row.by,
      updatedAt: row.at,
    })
    .returning();
  return saved as MeasureDocumentRow;
}

export async function updateDocument(
  tx: Tx,
  id: string,
  set: Partial<{
    content: MeasuresContent;
    status: MeasuresStatus;
    updatedBy: string;
    updatedAt: Date;
    preparedBy: string | null;
    preparedAt: Date | null;
    reviewedBy: string | null;
    reviewedAt: Date | null;
    approvedBy: string;
    approvedAt: Date;
    publishedAt: Date;
    progressSignedBy: string;
    progressSignedAt: Date;
  }>,
): Promise<MeasureDocumentRow> {
  const [saved] = await tx.update(measureDocuments).set(set).where(eq(measureDocuments.id, id)).returning();
  return saved as MeasureDocumentRow;
}

/** A published (approved) version by id: what the public URL serves. */
export async function selectPublished(db: DbOrTx, id: string): Promise<MeasureDocumentRow | null> {
  const [row] = await db
    .select()
    .from(measureDocuments)
    .where(and(eq(measureDocuments.id, id), isNotNull(measureDocuments.publishedAt)));
  return row ?? null;
}

/** Every version of the agencies' documents for a year (newest first), among the agencies of a subquery (a scope). */
export function versionsOfAgencies(db: DbOrTx, agencyIds: SQL, year: number): Promise<MeasureDocumentRow[]> {
  return db
    .select()
    .from(measureDocuments)
    .where(and(sql`${measureDocuments.agencyId} in ${agencyIds}`, eq(measureDocuments.year, year)))
    .orderBy(measureDocuments.agencyId, desc(measureDocuments.version));
}

// Divisions

export function selectDivisions(db: DbOrTx, agencyId: string): Promise<DivisionRow[]> {
  return db
    .select()
    .from(agencyDivisions)
    .where(eq(agencyDivisions.agencyId, agencyId))
    .orderBy(asc(agencyDivisions.createdAt), asc(agencyDivisions.name));
}

export async function insertDivision(
  tx: Tx,
  agencyId: string,
  name: string,
  at: Date,
): Promise<DivisionRow | null> {
  const [row] = await tx
    .insert(agencyDivisions)
    .values({ agencyId, name, createdAt: at })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function lockDivision(tx: Tx, agencyId: string, id: string): Promise<DivisionRow | null> {
  const [row] = await tx
    .select()
    .from(agencyDivisions)
    .where(and(eq(agencyDivisions.agencyId, agencyId), eq(agencyDivisions.id, id)))
    .for('update');
  return row ?? null;
}

export async function updateDivision(
  tx: Tx,
  id: string,
  set: { name?: string; active?: boolean },
): Promise<DivisionRow | null> {
  const [row] = await tx.update(agencyDivisions).set(set).where(eq(agencyDivisions.id, id)).returning();
  return row ?? null;
}

// Library

export function selectLibrary(db: DbOrTx, activeOnly: boolean): Promise<LibraryRow[]> {
  return db
    .select()
    .from(measureLibrary)
    .where(activeOnly ? eq(measureLibrary.active, true) : sql`true`)
    .orderBy(
      sql`length(${measureLibrary.indicator})`,
      asc(measureLibrary.indicator),
      asc(measureLibrary.title),
    );
}

export async function countLibrary(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(measureLibrary);
  return row?.n ?? 0;
}

export async function insertLibrary(
  tx: DbOrTx,
  rows: {
    indicator: string;
    title: string;
    steps: string[];
    monitoring: string;
    updatedBy?: string | null;
    updatedAt?: Date;
  }[],
): Promise<LibraryRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(measureLibrary).values(rows).onConflictDoNothing().returning();
}

export async function lockLibrary(tx: Tx, id: string): Promise<LibraryRow | null> {
  const [row] = await tx.select().from(measureLibrary).where(eq(measureLibrary.id, id)).for('update');
  return row ?? null;
}

export async function updateLibrary(
  tx: Tx,
  id: string,
  set: Partial<{ indicator: string; title: string; steps: string[]; monitoring: string; active: boolean }> & {
    updatedBy: string;
    updatedAt: Date;
  },
): Promise<LibraryRow> {
  const [row] = await tx.update(measureLibrary).set(set).where(eq(measureLibrary.id, id)).returning();
  return row as LibraryRow;
}

// Progress

export function selectProgress(db: DbOrTx, documentIds: string[]): Promise<ProgressRow[]> {
  if (documentIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(measureProgress)
    .where(inArray(measureProgress.documentId, documentIds))
    .orderBy(asc(measureProgress.day), asc(measureProgress.createdAt));
}

export async function insertProgress(
  tx: Tx,
  row: {
    documentId: string;
    measureId: string;
    day: string;
    status: MeasureProgressStatus;
    note: string;
    evidenceUrl: string | null;
    by: string;
    at: Date;
  },
): Promise<ProgressRow> {
  const [saved] = await tx
    .insert(measureProgress)
    .values({
      documentId: row.documentId,
      measureId: row.measureId,
      day: row.day,
      status: row.status,
      note: row.note,
      evidenceUrl: row.evidenceUrl,
      createdBy: row.by,
      createdAt: row.at,
    })
    .returning();
  return saved as ProgressRow;
}

/** The evidence files of progress entries (without their bytes), oldest first. */
export function selectProgressFiles(db: DbOrTx, progressIds: string[]): Promise<ProgressFileRow[]> {
  if (progressIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(measureProgressFiles)
    .where(inArray(measureProgressFiles.progressId, progressIds))
    .orderBy(asc(measureProgressFiles.createdAt), asc(measureProgressFiles.name));
}

export async function insertProgressFile(
  tx: Tx,
  file: Omit<ProgressFileRow, 'id'>,
  body: Buffer,
): Promise<ProgressFileRow> {
  const [saved] = await tx.insert(measureProgressFiles).values(file).returning();
  const row = saved as ProgressFileRow;
  await tx.insert(measureProgressFileBodies).values({ fileId: row.id, body });
  return row;
}

/** One evidence file with its bytes, only if it belongs to a progress entry of the agency-year's measures. */
export async function selectProgressFileBody(
  db: DbOrTx,
  agencyId: string,
  year: number,
  fileId: string,
): Promise<{ file: ProgressFileRow; body: Buffer } | null> {
  const [row] = await db
    .select({ file: measureProgressFiles, body: measureProgressFileBodies.body })
    .from(measureProgressFiles)
    .innerJoin(measureProgressFileBodies, eq(measureProgressFileBodies.fileId, measureProgressFiles.id))
    .innerJoin(measureProgress, eq(measureProgress.id, measureProgressFiles.progressId))
    .innerJoin(measureDocuments, eq(measureDocuments.id, measureProgress.documentId))
    .where(and(eq(measureProgressFiles.id, fileId), ofYear(agencyId, year)));
  return row ?? null;
}

/** Every approved version of every agency's documents (for due-date reminders), newest first per agency-year. */
export function selectApproved(db: DbOrTx): Promise<MeasureDocumentRow[]> {
  return db
    .select()
    .from(measureDocuments)
    .where(eq(measureDocuments.status, 'approved'))
    .orderBy(measureDocuments.agencyId, measureDocuments.year, desc(measureDocuments.version));
}
