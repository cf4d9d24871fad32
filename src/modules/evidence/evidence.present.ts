// Snapshot rows → API JSON, with the verdict a viewer reads first (reachable / broken / failed / pending).

import type { SnapshotRow, SnapshotSummaryRow } from './evidence.repo.ts';
import type { EvidenceVerdict, SnapshotDetail, SnapshotSummary } from './evidence.schema.ts';

export function verdictOf(row: Pick<SnapshotSummaryRow, 'status' | 'httpStatus'>): EvidenceVerdict {
  if (row.status === 'pending' || row.status === 'running') return 'pending';
  if (row.status === 'failed') return 'failed';
  return row.httpStatus !== null && row.httpStatus >= 200 && row.httpStatus < 400 ? 'reachable' : 'broken';
}

export function presentSnapshot(row: SnapshotSummaryRow): SnapshotSummary {
  return {
    id: row.id,
    itemCode: row.itemCode,
    url: row.url,
    purpose: row.purpose,
    status: row.status,
    verdict: verdictOf(row),
    httpStatus: row.httpStatus,
    finalUrl: row.finalUrl,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    truncated: row.truncated,
    title: row.title,
    sha256: row.sha256,
    mentionsYear: row.mentionsYear,
    onMainDomain: row.onMainDomain,
    requestedAt: row.requestedAt.toISOString(),
    fetchedAt: row.fetchedAt?.toISOString() ?? null,
    lastError: row.lastError,
    attempts: row.attempts,
    hasBody: row.hasBody,
  };
}

export function presentSnapshotDetail(row: SnapshotRow, hasBody: boolean): SnapshotDetail {
  return {
    ...presentSnapshot({ ...row, hasBody }),
    agencyId: row.agencyId,
    year: row.year,
    redirects: row.redirects,
  };
}

/** Item code → URL → snapshot, for the checklist and assessment views. */
export type EvidenceByItem = Map<string, Map<string, SnapshotSummary>>;

export function groupByItemAndUrl(rows: SnapshotSummaryRow[]): EvidenceByItem {
  const byItem: EvidenceByItem = new Map();
  for (const row of rows) {
    let byUrl = byItem.get(row.itemCode);
    if (!byUrl) {
      byUrl = new Map();
      byItem.set(row.itemCode, byUrl);
    }
    byUrl.set(row.url, presentSnapshot(row));
  }
  return byItem;
}
