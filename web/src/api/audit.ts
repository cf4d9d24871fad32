// The audit trail's verification against its signed checkpoints, the latest checkpoints, taking one now (NACC
// admins), and pages of the history (the quality review's decisions). The shapes are the server's zod schemas.
import type { AuditPage } from '@server/modules/audit/audit.schema.ts';
import type {
  ZCheckpoint,
  ZCheckpointList,
  ZTrailVerification,
} from '@server/modules/audit/checkpoint.schema.ts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../lib/api.ts';

export type { AuditPage };
export type TrailVerification = z.infer<typeof ZTrailVerification>;
export type Checkpoint = z.infer<typeof ZCheckpoint>;
export type CheckpointList = z.infer<typeof ZCheckpointList>;

export const auditKeys = {
  all: ['audit'] as const,
  verify: () => [...auditKeys.all, 'verify'] as const,
  checkpoints: (limit: number) => [...auditKeys.all, 'checkpoints', limit] as const,
};

export const auditQueries = {
  verify: () =>
    queryOptions({
      queryKey: auditKeys.verify(),
      queryFn: ({ signal }) => api.get<TrailVerification>('/audit/verify', undefined, signal),
      // Recomputing the chain reads the whole log: once per visit is enough.
      staleTime: 5 * 60_000,
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
