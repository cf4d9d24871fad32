// The audit trail's verification against its signed checkpoints, the latest checkpoints, and taking one
// now (NACC admins). The shapes are the server's zod schemas.

import type {
  ZCheckpoint,
  ZCheckpointList,
  ZTrailVerification,
} from '@server/modules/audit/checkpoint.schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../lib/api.ts';

export type TrailVerification = z.infer<typeof ZTrailVerification>;
export type Checkpoint = z.infer<typeof ZCheckpoint>;
export type CheckpointList = z.infer<typeof ZCheckpointList>;

export function useTrailVerification() {
  return useQuery({
    queryKey: ['audit', 'verify'],
    queryFn: ({ signal }) => api.get<TrailVerification>('/audit/verify', undefined, signal),
    // Recomputing the chain reads the whole log: once per visit is enough.
    staleTime: 5 * 60_000,
  });
}

export function useLatestCheckpoints(limit: number) {
  return useQuery({
    queryKey: ['audit', 'checkpoints', limit],
    queryFn: ({ signal }) => api.get<CheckpointList>('/audit/checkpoints', { limit }, signal),
  });
}

export function useTakeCheckpoint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Checkpoint>('/audit/checkpoints', {}),
    onSuccess: () => client.invalidateQueries({ queryKey: ['audit'] }),
  });
}
