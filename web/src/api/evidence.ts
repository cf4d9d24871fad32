// The evidence checker: one snapshot, an agency-year's snapshots, and the URL of a kept copy (served sandboxed
// by the server); re-checks of an item's URLs are in ./oit.ts. The shapes are the server's zod schemas.
import type {
  RefetchResult,
  SnapshotDetail,
  SnapshotSummary,
} from '@server/modules/evidence/evidence.schema.ts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../lib/api.ts';

export type { RefetchResult, SnapshotDetail, SnapshotSummary };
export type EvidenceVerdict = SnapshotSummary['verdict'];

/** How often a view reloads while a check is waiting or running. */
export const EVIDENCE_POLL_MS = 3000;

/** The kept copy of a page (HTML, PDF, image, text), served with a sandbox CSP. */
export const evidenceBodyUrl = (snapshotId: string) => `/api/evidence/${snapshotId}/body`;

export const evidenceKeys = {
  all: ['evidence'] as const,
  snapshot: (snapshotId: string | null) => [...evidenceKeys.all, 'snapshot', snapshotId] as const,
  agencyYear: (agencyId: string | null, year: number | null) =>
    [...evidenceKeys.all, agencyId, year] as const,
  agencyYearItem: (agencyId: string | null, year: number | null, itemCode?: string) =>
    [...evidenceKeys.agencyYear(agencyId, year), itemCode ?? null] as const,
};

const stillChecking = (items: readonly SnapshotSummary[] | undefined) =>
  (items ?? []).some((s) => s.verdict === 'pending');

export const evidenceQueries = {
  snapshot: (snapshotId: string | null) =>
    queryOptions({
      queryKey: evidenceKeys.snapshot(snapshotId),
      queryFn: ({ signal }) => api.get<SnapshotDetail>(`/evidence/${snapshotId}`, undefined, signal),
      enabled: Boolean(snapshotId),
      refetchInterval: (q) => (q.state.data?.verdict === 'pending' ? EVIDENCE_POLL_MS : false),
    }),
  /** Every snapshot of an agency's year (optionally of one item), newest first; reloads while checks run. */
  agencyYear: (agencyId: string | null, year: number | null, itemCode?: string) =>
    queryOptions({
      queryKey: evidenceKeys.agencyYearItem(agencyId, year, itemCode),
      queryFn: ({ signal }) =>
        api.get<{ items: SnapshotSummary[] }>(
          `/agencies/${agencyId}/oit/${year}/evidence`,
          { itemCode },
          signal,
        ),
      enabled: Boolean(agencyId && year),
      refetchInterval: (q) => (stillChecking(q.state.data?.items) ? EVIDENCE_POLL_MS : false),
    }),
};

export function useSnapshot(snapshotId: string | null) {
  return useQuery(evidenceQueries.snapshot(snapshotId));
}

export function useAgencyEvidence(agencyId: string | null, year: number | null, itemCode?: string) {
  return useQuery(evidenceQueries.agencyYear(agencyId, year, itemCode));
}
