// The audit trail's verification against its signed checkpoints, the latest checkpoints, taking one now (NACC
// admins), and pages of the history (the quality review's decisions). The shapes are the server's zod schemas.
import type { AuditListEntry, AuditPage } from '@server/modules/audit/audit.schema.ts';
import type {
  ZCheckpoint,
  ZCheckpointList,
  ZTrailVerification,
} from '@server/modules/audit/checkpoint.schema.ts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../lib/api.ts';

export type { AuditListEntry, AuditPage };

/** The log's filters as the server takes them (days are Bangkok days, YYYY-MM-DD, both included). */
export interface AuditFilters {
  agencyId?: string | undefined;
  entityType?: string | undefined;
  action?: string | undefined;
  actor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number;
  pageSize?: number;
}
export type TrailVerification = z.infer<typeof ZTrailVerification>;
export type Checkpoint = z.infer<typeof ZCheckpoint>;
export type CheckpointList = z.infer<typeof ZCheckpointList>;

export const auditKeys = {
  all: ['audit'] as const,
  verify: () => [...auditKeys.all, 'verify'] as const,
  checkpoints: (limit: number) => [...auditKeys.all, 'checkpoints', limit] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, 'list', filters] as const,
};

export const auditQueries = {
  verify: () =>
    queryOptions({
      queryKey: auditKeys.verify(),
      queryFn: ({ signal }) => api.get<TrailVerification>('/audit/verify', undefined, signal),
      // Recomputing the chain reads the whole log: once per visit is enough.
      staleTime: 5 * 60_000,
    }),
  list: (filters: AuditFilters) =>
    queryOptions({
      queryKey: auditKeys.list(filters),
      queryFn: ({ signal }) => api.get<AuditPage>('/audit', { ...filters }, signal),
    }),
  checkpoints: (limit: number) =>
    queryOptions({
      queryKey: auditKeys.checkpoints(limit),
      queryFn: ({ signal }) => api.get<CheckpointList>('/audit/checkpoints', { limit }, signal),
    }),
};

export function useTrailVerification() {
  return useQuery(auditQueries.verify());
}

export function useAuditLog(filters: AuditFilters) {
  return useQuery({ ...auditQueries.list(filters), placeholderData: (previous) => previous });
}

export function useLatestCheckpoints(limit: number) {
  return useQuery(auditQueries.checkpoints(limit));
}

export function useTakeCheckpoint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Checkpoint>('/audit/checkpoints', {}),
    onSuccess: () => client.invalidateQueries({ queryKey: auditKeys.all }),
  });
}

/**
 * Every entry matching the filters, a page at a time (for the XLSX download). Capped: the whole log of a
 * busy year is for the command line, not a browser.
 */
export const AUDIT_DOWNLOAD_MAX = 10_000;

export async function allAuditEntries(filters: AuditFilters): Promise<AuditListEntry[]> {
  const out: AuditListEntry[] = [];
  for (let page = 1; out.length < AUDIT_DOWNLOAD_MAX; page++) {
    const res = await api.get<AuditPage>('/audit', { ...filters, page, pageSize: 200 });
    out.push(...res.items);
    if (res.items.length === 0 || out.length >= res.total) break;
  }
  return out.slice(0, AUDIT_DOWNLOAD_MAX);
}
