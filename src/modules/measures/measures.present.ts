// Rows → API JSON for the measures module. Names of people are display names (never usernames); the
// agency's own people and supervisors see who prepared, reviewed and approved, as on the paper memo.

import type { z } from 'zod';
import { evidencePath } from './measures.evidence.ts';
import type {
  DivisionRow,
  LibraryRow,
  MeasureDocumentRow,
  ProgressFileRow,
  ProgressRow,
} from './measures.repo.ts';
import type { ZDivision, ZLibraryEntry, ZProgressEntry } from './measures.schema.ts';
import type { MeasuresDocument } from './measures.types.ts';

type Names = Map<string, { displayName: string }>;
const nameOf = (names: Names, id: string | null) => (id ? (names.get(id)?.displayName ?? null) : null);
const signed = (names: Names, by: string | null, at: Date | null) =>
  at ? { at: at.toISOString(), by: nameOf(names, by) } : null;

export const publicPathOf = (id: string) => `/api/public/measures/${id}/document.pdf`;

export function presentDocument(row: MeasureDocumentRow, names: Names): MeasuresDocument {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    source: row.source,
    content: row.content,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: nameOf(names, row.updatedBy),
    prepared: signed(names, row.preparedBy, row.preparedAt),
    reviewed: signed(names, row.reviewedBy, row.reviewedAt),
    approved: signed(names, row.approvedBy, row.approvedAt),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publicPath: row.publishedAt ? publicPathOf(row.id) : null,
    progressSigned: signed(names, row.progressSignedBy, row.progressSignedAt),
  };
}

export const peopleOf = (rows: MeasureDocumentRow[], progress: ProgressRow[]) => [
  ...rows.flatMap((r) => [r.updatedBy, r.preparedBy, r.reviewedBy, r.approvedBy, r.progressSignedBy]),
  ...progress.map((p) => p.createdBy),
];

export const presentDivision = (d: DivisionRow): z.infer<typeof ZDivision> => ({
  id: d.id,
  name: d.name,
  active: d.active,
});

export const presentProgress = (
  p: ProgressRow,
  names: Names,
  files: ProgressFileRow[],
  where: { agencyId: string; year: number },
): z.infer<typeof ZProgressEntry> => ({
  id: p.id,
  measureId: p.measureId,
  day: p.day,
  status: p.status,
  note: p.note,
  evidenceUrl: p.evidenceUrl,
  files: files
    .filter((f) => f.progressId === p.id)
    .map((f) => ({
      id: f.id,
      name: f.name,
      mediaType: f.mediaType,
      size: f.size,
      path: evidencePath(where.agencyId, where.year, f.id),
    })),
  createdAt: p.createdAt.toISOString(),
  createdBy: nameOf(names, p.createdBy),
});

export const presentLibrary = (r: LibraryRow): z.infer<typeof ZLibraryEntry> => ({
  id: r.id,
  indicator: r.indicator,
  title: r.title,
  steps: r.steps,
  monitoring: r.monitoring,
  active: r.active,
});
