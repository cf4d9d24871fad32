// Evidence files of progress entries (issue 12 §2). An upload is checked whole before anything is stored:
// how many, how large, and the type read from the bytes (magic numbers, the `file-type` library) — never the
// name or the browser's content type. Downloads go to whoever reads the agency's measures.
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { AppDeps } from '../../app/context.ts';
import type { Actor } from '../../core/authz.ts';
import { evidenceFileName, safeBaseName } from '../../core/measures/evidence-file.ts';
import {
  MEASURE_EVIDENCE_FILE_MAX_BYTES,
  MEASURE_EVIDENCE_FILES_MAX,
  MEASURE_EVIDENCE_TYPES,
} from '../../shared/limits.ts';
import { measuresAgency } from './measures.context.ts';
import {
  evidenceFileEmpty,
  evidenceFileNotFound,
  evidenceFileRefused,
  evidenceFileTooLarge,
  evidenceTooManyFiles,
} from './measures.errors.ts';
import { selectProgressFileBody } from './measures.repo.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

/** A file as the client sent it. */
export interface EvidenceUpload {
  filename: string;
  data: Buffer;
}

/** A file that passed every check, named and typed from its bytes. */
export interface CheckedEvidence {
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  data: Buffer;
}

export async function checkEvidence(uploads: EvidenceUpload[]): Promise<CheckedEvidence[]> {
  if (uploads.length > MEASURE_EVIDENCE_FILES_MAX) throw evidenceTooManyFiles();
  const checked: CheckedEvidence[] = [];
  for (const { filename, data } of uploads) {
    const shown = safeBaseName(filename) || '(ไม่มีชื่อ)';
    if (data.length === 0) throw evidenceFileEmpty(shown);
    if (data.length > MEASURE_EVIDENCE_FILE_MAX_BYTES) throw evidenceFileTooLarge();
    const detected = await fileTypeFromBuffer(data);
    const type = MEASURE_EVIDENCE_TYPES.find((t) => t.mime === detected?.mime);
    if (!type) throw evidenceFileRefused(shown);
    checked.push({
      name: evidenceFileName(filename, type.ext),
      mediaType: type.mime,
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      data,
    });
  }
  return checked;
}

/** The audit record of a stored file (never its bytes). */
export const auditedFile = (f: CheckedEvidence) => ({
  name: f.name,
  mediaType: f.mediaType,
  size: f.size,
  sha256: f.sha256,
});

/** One evidence file, for whoever reads the agency's measures; 404 unless it is of this agency-year. */
export async function downloadEvidence(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
  fileId: string,
): Promise<{ name: string; mediaType: string; body: Buffer }> {
  await measuresAgency(deps, actor, agencyId, 'measures.read');
  const found = await selectProgressFileBody(deps.db, agencyId, year, fileId);
  if (!found) throw evidenceFileNotFound();
  return { name: found.file.name, mediaType: found.file.mediaType, body: found.body };
}

export const evidencePath = (agencyId: string, year: number, fileId: string) =>
  `/api/agencies/${agencyId}/measures/${year}/progress/files/${fileId}`;
