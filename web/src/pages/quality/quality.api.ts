// The quality review's API: the report, decisions, and the decision history from the audit log.

import type { AuditPage } from '@server/modules/audit/audit.schema.ts';
import type { FlaggedResponse, QualityReport, Review } from '@server/modules/quality/quality.schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export type { AuditPage, FlaggedResponse, QualityReport, Review };

export function useQualityReport(agencyId: string | null, year: number | null) {
  return useQuery({
    queryKey: ['quality', agencyId, year],
    queryFn: ({ signal }) =>
      api.get<QualityReport>(`/agencies/${agencyId}/quality/${year}`, undefined, signal),
    enabled: Boolean(agencyId && year),
  });
}

export function useDecisionHistory(agencyId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['quality', 'history', agencyId],
    queryFn: ({ signal }) =>
      api.get<AuditPage>('/audit', { entityType: 'response_review', agencyId, pageSize: 100 }, signal),
    enabled: Boolean(agencyId) && enabled,
  });
}

export function useReviewDecision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { responseId: string; decision: 'keep' | 'exclude' | null; reason?: string }) =>
      v.decision === null
        ? api.delete<unknown>(`/responses/${v.responseId}/review`)
        : api.put<Review>(`/responses/${v.responseId}/review`, {
            decision: v.decision,
            ...(v.reason ? { reason: v.reason } : {}),
          }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['quality'] }),
  });
}
