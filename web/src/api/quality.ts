// The quality review: the report, keep/exclude decisions, and the decision history from the audit log.
import type {
  BulkReviewResult,
  FlaggedResponse,
  QualityReport,
  Review,
} from '@server/modules/quality/quality.schema.ts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import type { AuditPage } from './audit.ts';

export type { AuditPage, FlaggedResponse, QualityReport, Review };

export const qualityKeys = {
  all: ['quality'] as const,
  report: (agencyId: string | null, year: number | null) => [...qualityKeys.all, agencyId, year] as const,
  history: (agencyId: string | null) => [...qualityKeys.all, 'history', agencyId] as const,
};

export const qualityQueries = {
  report: (agencyId: string | null, year: number | null) =>
    queryOptions({
      queryKey: qualityKeys.report(agencyId, year),
      queryFn: ({ signal }) =>
        api.get<QualityReport>(`/agencies/${agencyId}/quality/${year}`, undefined, signal),
      enabled: Boolean(agencyId && year),
    }),
  history: (agencyId: string | null) =>
    queryOptions({
      queryKey: qualityKeys.history(agencyId),
      queryFn: ({ signal }) =>
        api.get<AuditPage>('/audit', { entityType: 'response_review', agencyId, pageSize: 100 }, signal),
      enabled: Boolean(agencyId),
    }),
};

export function useQualityReport(agencyId: string | null, year: number | null) {
  return useQuery(qualityQueries.report(agencyId, year));
}

export function useDecisionHistory(agencyId: string | null, enabled: boolean) {
  const options = qualityQueries.history(agencyId);
  return useQuery({ ...options, enabled: options.enabled && enabled });
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
    onSuccess: () => client.invalidateQueries({ queryKey: qualityKeys.all }),
  });
}

/** One decision, one reason, for many responses of an agency-year (all or nothing; each audited). */
export function useBulkDecision(agencyId: string, year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { responseIds: string[]; decision: 'keep' | 'exclude'; reason?: string }) =>
      api.post<BulkReviewResult>(`/agencies/${agencyId}/quality/${year}/reviews`, {
        responseIds: v.responseIds,
        decision: v.decision,
        ...(v.reason ? { reason: v.reason } : {}),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: qualityKeys.all }),
  });
}
