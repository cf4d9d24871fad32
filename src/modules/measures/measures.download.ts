// Downloads of the measures document: DOCX (always) and PDF (LibreOffice on the server, one conversion at a
// time; 409 `documents_pdf_unavailable` without it — the DOCX still downloads). Signed in: any version the
// reader may read; public (no login): a published version by its id, the OIT evidence URL of the item.

import { createHash } from 'node:crypto';
import type { AppDeps } from '../../app/context.ts';
import type { Actor } from '../../core/authz.ts';
import { agencyBriefsByIds } from '../agencies/index.ts';
import { cachedPdf, type OfficialDocument, officialDocx } from '../documents/index.ts';
import { userNamesByIds } from '../users/index.ts';
import { measuresAgency } from './measures.context.ts';
import { effectsOf } from './measures.effects.ts';
import { measuresNotApproved, measuresNotFound, publicMeasuresNotFound } from './measures.errors.ts';
import { measuresDocument } from './measures.export.ts';
import {
  type MeasureDocumentRow,
  selectDivisions,
  selectProgress,
  selectProgressFiles,
  selectPublished,
  selectVersions,
} from './measures.repo.ts';
import { progressDocument } from './progress.export.ts';

type Deps = Pick<AppDeps, 'db' | 'now' | 'config'>;
export type DownloadFormat = 'docx' | 'pdf';

export const CONTENT_TYPES: Record<DownloadFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** DOCX built each time (quick); PDF converted once per content (LibreOffice takes seconds). */
function fileOf(deps: Deps, doc: OfficialDocument, format: DownloadFormat): Promise<Buffer> {
  if (format === 'docx') return officialDocx(doc);
  const key = createHash('sha256').update(JSON.stringify(doc)).digest('hex');
  return cachedPdf(key, () => officialDocx(doc), {
    soffice: deps.config.documents.soffice,
    timeoutMs: deps.config.documents.pdfTimeoutMs,
  });
}

async function render(deps: Deps, row: MeasureDocumentRow, format: DownloadFormat) {
  const [briefs, divisions, names] = await Promise.all([
    agencyBriefsByIds(deps.db, [row.agencyId]),
    selectDivisions(deps.db, row.agencyId),
    userNamesByIds(deps.db, [row.approvedBy]),
  ]);
  const brief = briefs.get(row.agencyId);
  const doc = measuresDocument({
    agencyName: brief?.nameTh ?? '',
    year: row.year,
    version: row.version,
    status: row.status,
    source: row.source,
    content: row.content,
    divisions: new Map(divisions.map((d) => [d.id, d.name])),
    approvedAt: row.approvedAt,
    approvedBy: row.approvedBy ? (names.get(row.approvedBy)?.displayName ?? null) : null,
    now: deps.now(),
  });
  const body = await fileOf(deps, doc, format);
  const code = (brief?.code ?? 'agency').replace(/[^A-Za-z0-9_-]/g, '_');
  return {
    body,
    filename: `measures-${code}-${row.year}-v${row.version}.${format}`,
    contentType: CONTENT_TYPES[format],
  };
}

export async function downloadMeasures(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
  format: DownloadFormat,
  version: number | undefined,
) {
  await measuresAgency(deps, actor, agencyId, 'measures.read');
  const versions = await selectVersions(deps.db, agencyId, year);
  const row = version === undefined ? versions[0] : versions.find((v) => v.version === version);
  if (!row) throw measuresNotFound(year);
  return render(deps, row, format);
}

/** A published version, for anyone (no login). */
export async function publicMeasures(deps: Deps, documentId: string, format: DownloadFormat) {
  const row = await selectPublished(deps.db, documentId);
  if (!row) throw publicMeasuresNotFound();
  return render(deps, row, format);
}

/** The progress report of the approved version (DOCX or PDF), for whoever reads the measures. */
export async function downloadProgress(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
  format: DownloadFormat,
) {
  const target = await measuresAgency(deps, actor, agencyId, 'measures.read');
  const versions = await selectVersions(deps.db, agencyId, year);
  const doc = versions.find((v) => v.status === 'approved');
  if (!doc) throw versions.length ? measuresNotApproved() : measuresNotFound(year);
  const [briefs, progress, names, effects] = await Promise.all([
    agencyBriefsByIds(deps.db, [agencyId]),
    selectProgress(deps.db, [doc.id]),
    userNamesByIds(deps.db, [doc.progressSignedBy]),
    effectsOf(deps, target.actor, agencyId, doc),
  ]);
  const brief = briefs.get(agencyId);
  const files = await selectProgressFiles(
    deps.db,
    progress.map((p) => p.id),
  );
  const body = await fileOf(
    deps,
    progressDocument({
      agencyName: brief?.nameTh ?? '',
      doc,
      progress,
      files,
      effects: new Map(effects.map((e) => [e.measureId, e])),
      signedBy: doc.progressSignedBy ? (names.get(doc.progressSignedBy)?.displayName ?? null) : null,
      now: deps.now(),
    }),
    format,
  );
  const code = (brief?.code ?? 'agency').replace(/[^A-Za-z0-9_-]/g, '_');
  return {
    body,
    filename: `measures-progress-${code}-${year}.${format}`,
    contentType: CONTENT_TYPES[format],
  };
}
