// The evidence checker: one snapshot, an agency-year's snapshots, re-checks of an item's URLs, and the URL
// of a kept copy (served sandboxed by the server). The shapes are the server's zod schemas.

import type {
  RefetchResult,
  SnapshotDetail,
  SnapshotSummary,
} from '@server/modules/evidence/evidence.schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';

export type { RefetchResult, SnapshotDetail, SnapshotSummary };
export type EvidenceVerdict = SnapshotSummary['verdict'];

/** How often a view reloads while a check is waiting or running. */
export const EVIDENCE_POLL_MS = 3000;

/** The kept copy of a page (HTML, PDF, image, text), served with a sandbox CSP. */
export const evidenceBodyUrl = (snapshotId: string) => `/api/evidence/${snapshotId}/body`;

const stillChecking = (items: readonly SnapshotSummary[] | undefined) =>
  (items ?? []).some((s) => s.verdict === 'pending');

export function useSnapshot(snapshotId: string | null) {
  return useQuery({
    queryKey: ['evidence', 'snapshot', snapshotId],
    queryFn: ({ signal }) => api.get<SnapshotDetail>(`/evidence/${snapshotId}`, undefined, signal),
    enabled: Boolean(snapshotId),
    refetchInterval: (q) => (q.state.data?.verdict === 'pending' ? EVIDENCE_POLL_MS : false),
  });
}

/** Every snapshot of an agency's year (optionally of one item), newest first; reloads while checks run. */
export function useAgencyEvidence(agencyId: string | null, year: number | null, itemCode?: string) {
  return useQuery({
    queryKey: ['evidence', agencyId, year, itemCode ?? null],
    queryFn: ({ signal }) =>
      api.get<{ items: SnapshotSummary[] }>(
        `/agencies/${agencyId}/oit/${year}/evidence`,
        { itemCode },
        signal,
      ),
    enabled: Boolean(agencyId && year),
    refetchInterval: (q) => (stillChecking(q.state.data?.items) ? EVIDENCE_POLL_MS : false),
  });
}

/** Queue a fresh check of an item's URLs; views showing evidence (and the OIT views) reload. */
export function useRefetchItemEvidence(agencyId: string, year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (itemCode: string) =>
      api.post<RefetchResult>(
        `/agencies/${agencyId}/oit/${year}/items/${encodeURIComponent(itemCode)}/evidence/refetch`,
        {},
      ),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['evidence'] }),
        client.invalidateQueries({ queryKey: ['oit', agencyId, year] }),
      ]),
  });
}
